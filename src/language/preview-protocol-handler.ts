import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Model } from './generated/ast.js';
import { importClosure } from './imports.js';
import { mapModelOfDocument } from '../model/from-document.js';
import {
    DocumentValidatedNotificationMethod, MapModelRequestMethod,
    type DocumentValidatedParams, type MapModelParams, type MapModelResult,
} from '../protocol/lsp.js';

/**
 * The server side of the preview protocol (see `src/protocol/lsp.ts`): a notification each
 * time a document is linked, and a request that returns the map model of a document.
 * The map model needs the document parsed and linked, not validated: answering before the
 * lint checks run keeps the preview a validation pass ahead of the squiggles.
 */
const MODEL_READY = DocumentState.IndexedReferences;

export function registerPreviewProtocol(connection: Connection, shared: LangiumSharedServices): void {
    const builder = shared.workspace.DocumentBuilder;
    // Per document rather than per build: a build cancelled by the next keystroke still
    // reports the documents it finished, which are not validated again by the next build.
    builder.onDocumentPhase(MODEL_READY, document => {
        if (document.uri.scheme === 'journey-builtin') return;
        const params: DocumentValidatedParams = { uri: document.uri.toString(), version: versionOf(document), ...errorCounts(document) };
        void connection.sendNotification(DocumentValidatedNotificationMethod, params);
    });
    connection.onRequest(MapModelRequestMethod, (params: MapModelParams, token: CancellationToken) => mapModelResult(shared, params, token));
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

/** Syntax errors and unresolved references: what is known once a document is linked. */
function errorCounts(document: LangiumDocument): { errorCount: number; syntaxErrorCount: number } {
    const syntaxErrorCount = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
    const unresolved = document.references.filter(ref => ref.error !== undefined).length;
    return { errorCount: syntaxErrorCount + unresolved, syntaxErrorCount };
}
