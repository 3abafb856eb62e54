import * as vscode from 'vscode';
import type { PersistedPreviewState } from '../../protocol/webview.js';
import { PREVIEW_VIEW_TYPE } from '../../protocol/webview.js';
import type { JourneyServerApi } from '../client.js';
import { JOURNEY_LANGUAGE_ID } from '../client.js';
import { Disposable } from '../disposable.js';
import { JourneyPreview } from './journey-preview.js';

/**
 * Owns every journey preview: opens them, restores them after a reload (it is the
 * WebviewPanelSerializer), routes "document validated" from the server and cursor moves
 * from editors to the previews of the matching document.
 */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer<PersistedPreviewState> {
    private readonly previews = new Set<JourneyPreview>();
    private activePreview: JourneyPreview | undefined;

    constructor(private readonly extensionUri: vscode.Uri, private readonly server: JourneyServerApi) {
        super();
        this._register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this));
        this._register(server.onMapModelPush(push => {
            for (const preview of this.previews) preview.onModelPush(push);
        }));
        this._register(vscode.window.onDidChangeTextEditorSelection(e => {
            const line = e.selections[0]?.active.line;
            if (line === undefined) return;
            for (const preview of this.previews) {
                if (preview.matches(e.textEditor.document.uri)) preview.onEditorCursor(line + 1);
            }
        }));
    }

    /** Opens (or reveals) the preview of a journey document; `sideBySide` puts it beside the editor. */
    openPreview(resource: vscode.Uri, sideBySide: boolean): void {
        const column = sideBySide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        const existing = [...this.previews].find(p => p.matches(resource));
        if (existing) {
            existing.reveal(sideBySide ? undefined : column, sideBySide);
            return;
        }
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            previewTitle(resource),
            { viewColumn: column, preserveFocus: sideBySide },
            { enableScripts: true, enableFindWidget: true, localResourceRoots: this.resourceRoots() },
        );
        this.track(new JourneyPreview(panel, resource, this.extensionUri, this.server, undefined));
    }

    /** The preview the user last focused, for `Journey: Show Source`. */
    get active(): JourneyPreview | undefined {
        return this.activePreview;
    }

    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PersistedPreviewState | undefined): Promise<void> {
        if (!state?.resource) {
            panel.dispose();
            return;
        }
        const resource = vscode.Uri.parse(state.resource);
        panel.title = previewTitle(resource);
        this.track(new JourneyPreview(panel, resource, this.extensionUri, this.server, state));
    }

    override dispose(): void {
        for (const preview of [...this.previews]) preview.dispose();
        super.dispose();
    }

    private track(preview: JourneyPreview): void {
        this.previews.add(preview);
        this.activePreview = preview;
        preview.onDidFocus(() => { this.activePreview = preview; });
        preview.onDidDispose(() => {
            this.previews.delete(preview);
            if (this.activePreview === preview) this.activePreview = undefined;
        });
    }

    private resourceRoots(): vscode.Uri[] {
        return [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'out')];
    }
}

function previewTitle(resource: vscode.Uri): string {
    const name = resource.path.split('/').pop() ?? resource.path;
    return `Preview ${name}`;
}

/** The journey document a command applies to: the one it was invoked on, else the active editor's. */
export function targetResource(uri: unknown): vscode.Uri | undefined {
    if (uri instanceof vscode.Uri) return uri;
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === JOURNEY_LANGUAGE_ID ? document.uri : undefined;
}
