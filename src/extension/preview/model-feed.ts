import type { MapModel } from '../../model/types.js';
import { applyJsonChanges, type JsonChange } from '../../protocol/json-patch.js';
import type { MapModelPush } from '../../protocol/lsp.js';
import { traceNow, type PreviewTrace } from '../../protocol/trace.js';
import type { UpdateMessage } from '../../protocol/webview.js';

/** Above this many changes since the page's state, the page gets the whole model. */
const MAX_PENDING_CHANGES = 400;

interface Held {
    seq: number;
    version: number;
    model: MapModel | null;
    errorCount: number;
    syntaxErrorCount: number;
}

/**
 * The extension host's copy of a document's map model, kept from the server's pushes (whole
 * model, then patches), and what the webview still needs of it: the changes since the state
 * it was last sent (folded together while updates are throttled), or the whole model after a
 * (re)load of the page. No `vscode` here, so it is tested on its own.
 */
export class ModelFeed {
    private held: Held | undefined;
    /** The state the page holds (seq), or undefined when it must get the whole model. */
    private pageSeq: number | undefined;
    private pending: JsonChange[] = [];
    private dirty = false;
    private trace: PreviewTrace | undefined;
    dependencies: string[] = [];

    constructor(private readonly resource: string) {}

    get version(): number | undefined {
        return this.held?.version;
    }

    /** Syntax errors in the document as last pushed (the page then shows an older or partial map). */
    get syntaxErrorCount(): number {
        return this.held?.syntaxErrorCount ?? 0;
    }

    /**
     * Takes a push from the server. Returns false when it is a patch for a state this feed does
     * not hold (a push was missed): the caller asks the server for the whole model again.
     */
    receive(push: MapModelPush): boolean {
        const received = traceNow();
        let model: MapModel | null;
        if (push.patch) {
            if (this.held?.seq !== push.patch.base) return false;
            try {
                model = applyJsonChanges(this.held.model, push.patch.changes);
            } catch {
                return false;
            }
            if (this.pageSeq !== undefined) this.pending.push(...push.patch.changes);
        } else {
            model = push.model ?? null;
            this.pageSeq = undefined;
        }
        if (this.pending.length > MAX_PENDING_CHANGES) this.pageSeq = undefined;
        if (this.pageSeq === undefined) this.pending = [];
        this.held = { seq: push.seq, version: push.version, model, errorCount: push.errorCount, syntaxErrorCount: push.syntaxErrorCount };
        this.dependencies = push.dependencies;
        this.trace = push.trace ? { ...push.trace, 'host.received': received } : undefined;
        this.dirty = true;
        return true;
    }

    /** The page was (re)loaded or lost track: its next update carries the whole model. */
    resetPage(): void {
        this.pageSeq = undefined;
        this.pending = [];
        this.dirty = this.held !== undefined;
    }

    /** The update the page needs now, if any: a patch from the page's state, or the whole model. */
    takeUpdate(): UpdateMessage | undefined {
        const held = this.held;
        if (!held || !this.dirty) return undefined;
        const message: UpdateMessage = {
            type: 'update',
            resource: this.resource,
            version: held.version,
            seq: held.seq,
            syntaxErrorCount: held.syntaxErrorCount,
            errorCount: held.errorCount,
            ...(this.pageSeq === undefined ? { model: held.model } : { patch: { base: this.pageSeq, changes: this.pending } }),
            ...(this.trace ? { trace: { ...this.trace, 'host.posted': traceNow() } } : {}),
        };
        this.pageSeq = held.seq;
        this.pending = [];
        this.dirty = false;
        this.trace = undefined;
        return message;
    }
}
