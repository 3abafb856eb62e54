import * as vscode from 'vscode';
import type { MapModelResult } from '../../protocol/lsp.js';
import type {
    ExportMessage, HostToWebviewMessage, PersistedPreviewState, RevealSourceMessage, UpdateMessage, WebviewToHostMessage,
} from '../../protocol/webview.js';
import { defaultViewState } from '../../protocol/webview.js';
import type { JourneyServerApi } from '../client.js';
import { Disposable } from '../disposable.js';
import { makeNonce, previewHtml } from './html.js';
import { SyncEchoGuard } from './sync-guard.js';
import { UpdateScheduler, VersionGuard } from './update-scheduler.js';
import { exportToFile } from './export.js';
import { sourceSelection } from './selection.js';

/** Milliseconds between two updates while the user types: the first update is immediate. */
export const UPDATE_INTERVAL_MS = 60;

/**
 * One preview panel showing the map of one document. The page is set once; each update is a
 * message carrying the map model, which the webview renders and patches into its DOM.
 */
export class JourneyPreview extends Disposable {
    private readonly scheduler: UpdateScheduler;
    private readonly versions = new VersionGuard();
    private readonly echo = new SyncEchoGuard();
    private dependencies = new Set<string>();
    private lastUpdate: UpdateMessage | undefined;
    private webviewReady = false;
    private readonly disposed = this._register(new vscode.EventEmitter<void>());
    readonly onDidDispose = this.disposed.event;
    private readonly focused = this._register(new vscode.EventEmitter<void>());
    readonly onDidFocus = this.focused.event;

    constructor(
        readonly panel: vscode.WebviewPanel,
        readonly resource: vscode.Uri,
        private readonly extensionUri: vscode.Uri,
        private readonly server: JourneyServerApi,
        state: PersistedPreviewState | undefined,
    ) {
        super();
        this.scheduler = this._register(new UpdateScheduler(() => this.update(), UPDATE_INTERVAL_MS));
        panel.webview.options = {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'out')],
        };
        panel.webview.html = this.html(state);
        this._register(panel.webview.onDidReceiveMessage((message: WebviewToHostMessage) => this.onMessage(message)));
        this._register(panel.onDidChangeViewState(e => {
            if (e.webviewPanel.active) this.focused.fire();
        }));
        this._register(panel.onDidDispose(() => this.dispose()));
        // The server learns of a document when it is opened (also after a reload restored only the panel).
        void Promise.resolve(vscode.workspace.openTextDocument(resource)).then(undefined, (err: unknown) => this.showProblem(err));
        this.scheduler.request();
    }

    matches(uri: vscode.Uri | string): boolean {
        return this.resource.toString() === uri.toString();
    }

    /** The server validated `uri`: update if it is this document or one it imports. */
    onDocumentValidated(uri: string): void {
        if (this.matches(uri) || this.dependencies.has(uri)) this.scheduler.request();
    }

    /** The cursor moved in an editor of this document (1-based line). */
    onEditorCursor(line: number): void {
        const reveal = !this.echo.isEcho(line);
        this.post({ type: 'highlight', line, reveal });
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

    private async update(): Promise<void> {
        let result: MapModelResult;
        try {
            result = await this.server.mapModel({ uri: this.resource.toString() });
        } catch (err) {
            // The server is starting, or the document is between builds: the next notification retries.
            console.warn('[journey] map model request failed', err);
            return;
        }
        if (this.isDisposed || result.version === null || !this.versions.accept(result.version)) return;
        this.dependencies = new Set(result.dependencies);
        // The same version comes again when an import changed; if nothing changed at all
        // (a second validation pass), the page need not redraw. Compared only then: off the typing path.
        if (this.lastUpdate?.version === result.version && sameContent(this.lastUpdate, result)) return;
        this.lastUpdate = {
            type: 'update',
            resource: result.uri,
            version: result.version,
            model: result.model,
            syntaxErrorCount: result.syntaxErrorCount,
            errorCount: result.errorCount,
        };
        if (this.webviewReady) this.post(this.lastUpdate);
    }

    private onMessage(message: WebviewToHostMessage): void {
        switch (message.type) {
            case 'ready':
                this.webviewReady = true;
                // Without a model yet, the request made at construction posts it when it comes.
                if (this.lastUpdate) this.post(this.lastUpdate);
                this.postEditorCursor();
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
        const editor = vscode.window.visibleTextEditors.find(e => this.matches(e.document.uri));
        const line = editor?.selection.active.line;
        if (line !== undefined) this.post({ type: 'highlight', line: line + 1, reveal: false });
    }

    private async revealSource(message: RevealSourceMessage): Promise<void> {
        const document = await vscode.workspace.openTextDocument(this.resource);
        const selection = sourceSelection(document, message.line, message.range);
        const visible = vscode.window.visibleTextEditors.find(e => this.matches(e.document.uri));
        const column = visible?.viewColumn ?? otherColumn(this.panel.viewColumn);
        this.echo.expectEcho(selection.active.line + 1);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private async export(message: ExportMessage): Promise<void> {
        try {
            const path = await exportToFile(this.resource, message);
            this.post({ type: 'exportResult', format: message.format, ...(path ? { path } : {}) });
            if (path) void vscode.window.showInformationMessage(`Journey map exported to ${path}`);
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
            scriptUri: uri('out', 'webview.js'),
            styleUri: uri('media', 'preview.css'),
            codiconsUri: uri('out', 'codicons', 'codicon.css'),
            state: { ...defaultViewState, ...state, resource: this.resource.toString() },
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

function sameContent(shown: UpdateMessage, result: MapModelResult): boolean {
    return shown.syntaxErrorCount === result.syntaxErrorCount && shown.errorCount === result.errorCount
        && JSON.stringify(shown.model) === JSON.stringify(result.model);
}
