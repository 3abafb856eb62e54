import * as vscode from 'vscode';
import type { PersistedPreviewState } from '../../protocol/webview.js';
import { PREVIEW_VIEW_TYPE } from '../../protocol/webview.js';
import type { JourneyServerApi } from '../client.js';
import { JOURNEY_LANGUAGE_ID } from '../client.js';
import { Disposable } from '../disposable.js';
import { JourneyPreview } from './journey-preview.js';
import { chooseSidePreview, followers, inPlacePreview, previewTitle } from './follow.js';

/**
 * Owns every journey preview: opens them, restores them after a reload (it is the
 * WebviewPanelSerializer), and routes cursor moves from editors to the previews of the
 * matching document.
 */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer<PersistedPreviewState> {
    private readonly previews = new Set<JourneyPreview>();
    private activePreview: JourneyPreview | undefined;
    /** The journey document whose editor was active last: an unlocked preview shows it. */
    private lastJourneyEditor: vscode.Uri | undefined = activeJourneyDocument();

    constructor(private readonly extensionUri: vscode.Uri, private readonly server: JourneyServerApi) {
        super();
        this._register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this));
        this._register(server.onMapModelPush(push => {
            for (const preview of this.previews) preview.onModelPush(push);
        }));
        // Like the Markdown preview: an unlocked preview shows the journey editor that becomes active.
        this._register(vscode.window.onDidChangeActiveTextEditor(editor => {
            if (editor?.document.languageId !== JOURNEY_LANGUAGE_ID) return;
            this.lastJourneyEditor = editor.document.uri;
            for (const preview of followers(this.previews, editor.document.uri.toString())) preview.showResource(editor.document.uri);
            // Only the activation the preview caused itself is passed over, not a later one by the user.
            for (const preview of this.previews) preview.openedForDeclaration = undefined;
        }));
        this._register(vscode.workspace.onDidChangeConfiguration(e => {
            if (!e.affectsConfiguration('journey.preview')) return;
            for (const preview of this.previews) preview.onSettingsChanged();
        }));
        this._register(vscode.window.onDidChangeTextEditorSelection(e => {
            const line = e.selections[0]?.active.line;
            if (line === undefined) return;
            for (const preview of this.previews) {
                if (preview.matches(e.textEditor.document.uri)) preview.onEditorCursor(line + 1);
            }
        }));
    }

    /**
     * Opens the preview of a journey document. To the side: brings forward a preview of it in
     * another group, or turns a following preview there to it, or makes one. In place ("Open
     * Preview"): the one already in the editor's group, or a new one there.
     */
    openPreview(resource: vscode.Uri, sideBySide: boolean): void {
        const editorColumn = vscode.window.activeTextEditor?.viewColumn;
        if (sideBySide) {
            const choice = chooseSidePreview(this.previews, resource.toString(), editorColumn);
            if (choice.action !== 'create') {
                if (choice.action === 'retarget') choice.preview.showResource(resource);
                choice.preview.reveal(choice.preview.viewColumn, true);
                return;
            }
        } else {
            const existing = inPlacePreview(this.previews, resource.toString(), editorColumn);
            if (existing) {
                existing.reveal(existing.viewColumn, false);
                return;
            }
        }
        const column = sideBySide ? vscode.ViewColumn.Beside : editorColumn ?? vscode.ViewColumn.Active;
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            previewTitle(resource.path, false),
            { viewColumn: column, preserveFocus: sideBySide },
            { enableScripts: true, enableFindWidget: true, localResourceRoots: this.resourceRoots() },
        );
        this.track(new JourneyPreview(panel, resource, this.extensionUri, this.server, undefined));
    }

    /** `Journey: Toggle Preview Lock`: locks the last focused preview to its document, or unlocks it. */
    toggleLock(): void {
        const preview = this.activePreview;
        if (!preview) return;
        preview.setLocked(!preview.locked);
        // Unlocked, it catches up with the journey editor that was active last.
        if (!preview.locked && this.lastJourneyEditor) preview.showResource(this.lastJourneyEditor);
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
        return [vscode.Uri.joinPath(this.extensionUri, 'media')];
    }
}

/** The journey document a command applies to: the one it was invoked on, else the active editor's. */
export function targetResource(uri: unknown): vscode.Uri | undefined {
    if (uri instanceof vscode.Uri) return uri;
    return activeJourneyDocument();
}

function activeJourneyDocument(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === JOURNEY_LANGUAGE_ID ? document.uri : undefined;
}
