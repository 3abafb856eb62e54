import * as vscode from 'vscode';
import type { MapModelPush } from '../../protocol/lsp.js';
import type {
    ExportMessage, HostToWebviewMessage, PersistedPreviewState, RevealSourceMessage, WebviewToHostMessage,
} from '../../protocol/webview.js';
import { defaultViewState } from '../../protocol/webview.js';
import { asWebviewMessage } from '../../protocol/webview-guards.js';
import type { JourneyServerApi } from '../client.js';
import { Disposable } from '../disposable.js';
import { makeNonce, previewHtml } from './html.js';
import { SyncEchoGuard } from './sync-guard.js';
import { UpdateScheduler, VersionGuard } from './update-scheduler.js';
import { exportToFile } from './export.js';
import { ModelFeed } from './model-feed.js';
import { sourceSelection } from './selection.js';
import { previewSettings } from './settings.js';
import { previewTitle, type PreviewSlot } from './follow.js';

/** Milliseconds between two updates while the user types: the first update is immediate. */
export const UPDATE_INTERVAL_MS = 60;

/**
 * One preview panel showing the map of one document. The page is set once; each update is a
 * message carrying the map model (or a patch of it), which the webview renders and patches into
 * its DOM. Unless locked, the manager may turn it to another document (it follows the editor).
 */
export class JourneyPreview extends Disposable implements PreviewSlot {
    private readonly scheduler: UpdateScheduler;
    private readonly versions = new VersionGuard();
    private readonly echo = new SyncEchoGuard();
    private feed: ModelFeed;
    private subscription: vscode.Disposable;
    private webviewReady = false;
    /** Why the previewed document could not be opened, when it could not. */
    private unopenable: string | undefined;
    private current: vscode.Uri;
    private lockedToDocument: boolean;
    openedForDeclaration: string | undefined;
    private readonly disposed = this._register(new vscode.EventEmitter<void>());
    readonly onDidDispose = this.disposed.event;
    private readonly focused = this._register(new vscode.EventEmitter<void>());
    readonly onDidFocus = this.focused.event;

    constructor(
        readonly panel: vscode.WebviewPanel,
        resource: vscode.Uri,
        private readonly extensionUri: vscode.Uri,
        private readonly server: JourneyServerApi,
        state: PersistedPreviewState | undefined,
        locked = state?.locked ?? false,
    ) {
        super();
        this.current = resource;
        this.lockedToDocument = locked;
        panel.title = previewTitle(resource.path, locked);
        this.feed = new ModelFeed(resource.toString());
        this.scheduler = this._register(new UpdateScheduler(() => this.update(), UPDATE_INTERVAL_MS));
        panel.webview.options = {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
        };
        panel.webview.html = this.html(state);
        this._register(panel.webview.onDidReceiveMessage((data: unknown) => {
            // Typed at compile time only: what the page posts is checked before it is acted on.
            const message = asWebviewMessage(data);
            if (message) this.onMessage(message);
        }));
        this._register(panel.onDidChangeViewState(e => {
            if (e.webviewPanel.active) this.focused.fire();
        }));
        this._register(panel.onDidDispose(() => this.dispose()));
        this.openDocument();
        // The server pushes the whole model once the document is linked, then each change.
        this.subscription = server.subscribePreview(resource.toString());
        this._register({ dispose: () => this.subscription.dispose() });
    }

    /** The previewed document. */
    get resource(): vscode.Uri {
        return this.current;
    }

    get previewed(): string {
        return this.current.toString();
    }

    get locked(): boolean {
        return this.lockedToDocument;
    }

    get viewColumn(): number | undefined {
        return this.panel.viewColumn;
    }

    /** Shows another document in this panel (the preview follows the active editor). */
    showResource(resource: vscode.Uri): void {
        if (this.isDisposed || this.matches(resource)) return;
        this.current = resource;
        this.subscription.dispose();
        this.feed = new ModelFeed(resource.toString());
        this.versions.reset();
        this.panel.title = previewTitle(resource.path, this.lockedToDocument);
        this.postDocument();
        this.openDocument();
        this.subscription = this.server.subscribePreview(resource.toString());
        this.postEditorCursor();
    }

    /** Locks the preview to its document, or lets it follow the active editor again. */
    setLocked(locked: boolean): void {
        if (this.isDisposed) return;
        this.lockedToDocument = locked;
        this.panel.title = previewTitle(this.current.path, locked);
        this.postDocument();
    }

    /** Tells the page which document it shows and whether it is locked (it keeps both for a reload). */
    private postDocument(): void {
        this.post({ type: 'document', resource: this.current.toString(), locked: this.lockedToDocument });
    }

    /** The server learns of a document when it is opened (also after a reload restored only the panel). */
    private openDocument(): void {
        const resource = this.current;
        this.unopenable = undefined;
        void Promise.resolve(vscode.workspace.openTextDocument(resource)).then(undefined, (err: unknown) => {
            this.showProblem(err);
            if (this.isDisposed || !this.matches(resource)) return;
            // No model will ever come: say so in the page rather than leave it loading for ever.
            this.unopenable = `${resource.path.split('/').pop() || resource.toString()} cannot be opened: ${err instanceof Error ? err.message : String(err)}`;
            this.post({ type: 'notice', text: this.unopenable });
        });
    }

    matches(uri: vscode.Uri | string): boolean {
        return this.resource.toString() === uri.toString();
    }

    /** The cursor moved in an editor of this document (1-based line). */
    onEditorCursor(line: number): void {
        const settings = previewSettings(this.resource);
        const echo = this.echo.isEcho(line);
        if (!settings.markEditorSelection) return;
        this.post({ type: 'highlight', line, reveal: settings.scrollPreviewWithEditor && !echo });
    }

    /** The `journey.preview` settings changed: a highlight switched off goes at once. */
    onSettingsChanged(): void {
        if (previewSettings(this.resource).markEditorSelection) this.postEditorCursor();
        else this.post({ type: 'highlight', line: null, reveal: false });
    }

    reveal(viewColumn: vscode.ViewColumn | undefined, preserveFocus: boolean): void {
        this.panel.reveal(viewColumn, preserveFocus);
    }

    override dispose(): void {
        if (this.isDisposed) return;
        this.disposed.fire();
        super.dispose();
        this.panel.dispose();
    }

    /** The server pushed a model of this document: keep it, and bring the page up to date. */
    onModelPush(push: MapModelPush): void {
        if (this.isDisposed || !this.matches(push.uri)) return;
        if (!this.feed.receive(push)) {
            this.server.resyncPreview(push.uri);
            return;
        }
        this.scheduler.request();
    }

    /** Posts what the page needs: throttled by the scheduler, never older than what it shows. */
    private update(): void {
        if (!this.webviewReady || this.isDisposed) return;
        const version = this.feed.version;
        if (version === undefined || !this.versions.accept(version)) return;
        const message = this.feed.takeUpdate();
        if (message) this.post(message);
    }

    private onMessage(message: WebviewToHostMessage): void {
        switch (message.type) {
            case 'ready':
                this.webviewReady = true;
                this.versions.reset();
                this.postDocument();
                // A (re)loaded page holds nothing: the whole model, at once (without one yet, the first push posts it).
                this.feed.resetPage();
                this.update();
                this.postEditorCursor();
                if (this.unopenable) this.post({ type: 'notice', text: this.unopenable });
                break;
            case 'resync':
                this.feed.resetPage();
                this.update();
                break;
            case 'revealSource':
                void this.revealSource(message).then(undefined, err => this.showProblem(err));
                break;
            case 'export':
                void this.export(message);
                break;
        }
    }

    /** Tells a freshly loaded page where the cursor of this document's editor is, without scrolling. */
    private postEditorCursor(): void {
        if (!previewSettings(this.resource).markEditorSelection) return;
        const editor = vscode.window.visibleTextEditors.find(e => this.matches(e.document.uri));
        const line = editor?.selection.active.line;
        if (line !== undefined) this.post({ type: 'highlight', line: line + 1, reveal: false });
    }

    private async revealSource(message: RevealSourceMessage): Promise<void> {
        // Another file only when the map imports it (a persona declared there), never any file the page names.
        const elsewhere = message.uri !== undefined && this.feed.dependencies.includes(message.uri)
            ? vscode.Uri.parse(message.uri) : undefined;
        if (message.uri !== undefined && !elsewhere) return;
        const document = await vscode.workspace.openTextDocument(elsewhere ?? this.resource);
        const selection = sourceSelection(document, message.line, message.range);
        const visible = vscode.window.visibleTextEditors.find(e => this.matches(e.document.uri));
        const column = visible?.viewColumn ?? otherColumn(this.panel.viewColumn);
        if (elsewhere) this.openedForDeclaration = elsewhere.toString();
        else this.echo.expectEcho(selection.active.line + 1);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
        // Set here, not as showTextDocument's option: that takes a range and puts the cursor at its end.
        editor.selection = selection;
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private async export(message: ExportMessage): Promise<void> {
        try {
            const path = await exportToFile(this.resource, message);
            this.post({ type: 'exportResult', format: message.format, ...(path ? { path } : {}) });
            const errors = this.feed.syntaxErrorCount;
            if (path && errors > 0) {
                void vscode.window.showWarningMessage(`Journey map exported to ${path}, but the document has ${errors} syntax `
                    + `error${errors === 1 ? '' : 's'}: the export is the picture the preview shows, not the text as it stands.`);
            } else if (path) {
                void vscode.window.showInformationMessage(`Journey map exported to ${path}`);
            }
        } catch (err) {
            this.post({ type: 'exportResult', format: message.format, error: String(err) });
            void vscode.window.showErrorMessage(`Journey map export failed: ${String(err)}`);
        }
    }

    private post(message: HostToWebviewMessage): void {
        if (!this.webviewReady || this.isDisposed) return;
        void this.panel.webview.postMessage(message);
    }

    private html(state: PersistedPreviewState | undefined): string {
        const webview = this.panel.webview;
        const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
        return previewHtml({
            cspSource: webview.cspSource,
            nonce: makeNonce(),
            scriptUri: uri('media', 'dist', 'webview.js'),
            styleUri: uri('media', 'preview.css'),
            codiconsUri: uri('media', 'dist', 'codicons', 'codicon.css'),
            state: { ...defaultViewState, ...state, resource: this.current.toString(), locked: this.lockedToDocument },
            title: this.panel.title,
        });
    }

    private showProblem(err: unknown): void {
        void vscode.window.showWarningMessage(`Journey preview: ${err instanceof Error ? err.message : String(err)}`);
    }
}

/** The column to open the source in when no editor shows it: left of the preview, or the first. */
function otherColumn(previewColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
    return previewColumn !== undefined && previewColumn > vscode.ViewColumn.One ? previewColumn - 1 : vscode.ViewColumn.One;
}
