import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Model } from './generated/ast.js';
import { importClosure } from './imports.js';
import { errorCounts, MODEL_READY, PreviewPushes } from './preview-push.js';
import { mapModelOfDocument } from '../model/from-document.js';
import {
    MapModelPushNotificationMethod, MapModelRequestMethod, PreviewSubscribeNotificationMethod,
    type MapModelParams, type MapModelResult, type PreviewSubscribeParams,
} from '../protocol/lsp.js';

/**
 * The server side of the preview protocol (see `src/protocol/lsp.ts`): the map model pushed
 * for documents with an open preview, and a request that returns the map model of a document
 * (for any client).
 * The map model needs the document parsed and linked, not validated: pushing (or answering)
 * before the lint checks run keeps the preview a validation pass ahead of the squiggles.
 */
export function registerPreviewProtocol(connection: Connection, shared: LangiumSharedServices): PreviewPushes {
    const builder = shared.workspace.DocumentBuilder;
    const pushes = new PreviewPushes(shared, push => void connection.sendNotification(MapModelPushNotificationMethod, push));
    shared.workspace.TextDocuments?.onDidChangeContent(e => pushes.changed(e.document.uri));
    connection.onNotification(PreviewSubscribeNotificationMethod, (params: PreviewSubscribeParams) => pushes.subscribe(params.uri, params.subscribed));
    // Per document rather than per build: a build cancelled by the next keystroke still
    // reports the documents it finished, which are not validated again by the next build.
    builder.onDocumentPhase(MODEL_READY, document => {
        if (document.uri.scheme === 'journey-builtin') return;
        pushes.linked(document);
    });
    connection.onRequest(MapModelRequestMethod, (params: MapModelParams, token: CancellationToken) => mapModelResult(shared, params, token));
    return pushes;
}

/** Answers a map-model request once the document is linked; an unknown document gets an empty result. */
export async function mapModelResult(shared: LangiumSharedServices, params: MapModelParams, token?: CancellationToken): Promise<MapModelResult> {
    const uri = URI.parse(params.uri);
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.WorkspaceManager.ready;
    if (!documents.hasDocument(uri)) return emptyResult(params.uri);
    try {
        await shared.workspace.DocumentBuilder.waitUntil(MODEL_READY, uri, token);
    } catch {
        // Cancelled or the document is between builds: the client asks again on the next notification.
        return emptyResult(params.uri);
    }
    const document = documents.getDocument(uri);
    if (!document) return emptyResult(params.uri);
    const root = document.parseResult.value as Model;
    return {
        uri: params.uri,
        version: versionOf(document),
        model: mapModelOfDocument(document, documents) ?? null,
        ...errorCounts(document),
        dependencies: importClosure(root, documents).slice(1).flatMap(m => (m.$document ? [m.$document.uri.toString()] : [])),
    };
}

function emptyResult(uri: string): MapModelResult {
    return { uri, version: null, model: null, errorCount: 0, syntaxErrorCount: 0, dependencies: [] };
}

function versionOf(document: LangiumDocument): number {
    return document.textDocument.version;
}
