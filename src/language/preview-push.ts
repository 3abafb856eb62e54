import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Model } from './generated/ast.js';
import { importClosure } from './imports.js';
import { mapModelOfDocument } from '../model/from-document.js';
import type { MapModel } from '../model/types.js';
import { diffJson } from '../protocol/json-patch.js';
import type { MapModelPush } from '../protocol/lsp.js';
import { traceNow, type PreviewTrace } from '../protocol/trace.js';

/** The map model needs a document parsed and linked, not validated. */
export const MODEL_READY = DocumentState.IndexedReferences;

/** Above this many changes the whole model is pushed: cheaper to apply than a long patch. */
const MAX_PATCH_CHANGES = 400;

/** What the client holds of a subscribed document: the state last pushed. */
interface Pushed {
    seq: number;
    version: number;
    model: MapModel | null;
    errorCount: number;
    syntaxErrorCount: number;
    dependencies: string[];
}

/**
 * Pushes the map model of every document with an open preview as soon as the document (or a
 * file it imports) is linked: the whole model after a subscription, then only the changes.
 * Pushing from the "linked" phase saves the client a request that would wait behind the lint
 * checks, and the patch keeps a keystroke's message small on every hop to the webview.
 */
export class PreviewPushes {
    private readonly subscribed = new Map<string, Pushed | undefined>();
    /** The last change to each document, for the latency trace. */
    private readonly traces = new Map<string, PreviewTrace>();
    private seq = 0;

    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly send: (push: MapModelPush) => void,
    ) {}

    /** A preview of `uri` opened (pushes the whole model once it is linked) or the last one closed. */
    subscribe(uri: string, subscribed: boolean): void {
        if (!subscribed) {
            this.subscribed.delete(uri);
            return;
        }
        this.subscribed.set(uri, undefined);
        void this.pushWhenReady(uri);
    }

    /** The edit of `uri` reached the server (for the trace). */
    changed(uri: string): void {
        this.traces.set(uri, { 'server.change': traceNow() });
    }

    /** `document` was linked: push it if subscribed, and the subscribed documents that import it. */
    linked(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const trace = this.traces.get(uri);
        if (trace) trace['server.linked'] = traceNow();
        if (this.subscribed.has(uri)) this.push(document);
        for (const [subscriber, pushed] of this.subscribed) {
            if (subscriber !== uri && pushed?.dependencies.includes(uri)) void this.pushWhenReady(subscriber);
        }
    }

    trace(uri: string): PreviewTrace | undefined {
        return this.traces.get(uri);
    }

    private async pushWhenReady(uri: string): Promise<void> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        const parsed = URI.parse(uri);
        // An unknown document is pushed when it is opened and linked.
        if (!workspace.LangiumDocuments.hasDocument(parsed)) return;
        try {
            await workspace.DocumentBuilder.waitUntil(MODEL_READY, parsed);
        } catch {
            return; // Between builds: the next build links it and pushes.
        }
        const document = workspace.LangiumDocuments.getDocument(parsed);
        if (document && document.state >= MODEL_READY && this.subscribed.has(uri)) this.push(document);
    }

    /** Pushes without ever throwing: a failure here must not break the build that called it. */
    private push(document: LangiumDocument): void {
        try {
            this.pushNow(document);
        } catch (err) {
            console.error(`Journey preview: no map model for ${document.uri.toString()}:`, err);
        }
    }

    private pushNow(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const before = this.subscribed.get(uri);
        const documents = this.shared.workspace.LangiumDocuments;
        const model = mapModelOfDocument(document, documents) ?? null;
        const next: Pushed = {
            seq: before?.seq ?? 0,
            version: document.textDocument.version,
            model,
            ...errorCounts(document),
            dependencies: importClosure(document.parseResult.value as Model, documents).slice(1)
                .flatMap(m => (m.$document ? [m.$document.uri.toString()] : [])),
        };
        const changes = before ? diffJson(before.model, model, MAX_PATCH_CHANGES) : undefined;
        if (before && changes?.length === 0 && sameFacts(before, next)) return;
        next.seq = ++this.seq;
        this.subscribed.set(uri, next);
        const trace = this.traces.get(uri);
        const { model: _, ...facts } = next;
        this.send({
            ...facts,
            uri,
            ...(before && changes ? { patch: { base: before.seq, changes } } : { model }),
            ...(trace ? { trace: { ...trace, 'server.sent': traceNow() } } : {}),
        });
    }
}

function sameFacts(a: Pushed, b: Pushed): boolean {
    return a.version === b.version && a.errorCount === b.errorCount && a.syntaxErrorCount === b.syntaxErrorCount
        && a.dependencies.join('\n') === b.dependencies.join('\n');
}

/** Syntax errors and unresolved references: what is known once a document is linked. */
export function errorCounts(document: LangiumDocument): { errorCount: number; syntaxErrorCount: number } {
    const syntaxErrorCount = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
    const unresolved = document.references.filter(ref => ref.error !== undefined).length;
    return { errorCount: syntaxErrorCount + unresolved, syntaxErrorCount };
}
