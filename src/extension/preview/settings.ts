import * as vscode from 'vscode';

/** The `journey.preview` settings, for the document a preview shows. */
export interface PreviewSettings {
    /** Highlight the map element under the editor's cursor. */
    markEditorSelection: boolean;
    /** Scroll the preview to that element when the cursor moves. */
    scrollPreviewWithEditor: boolean;
}

export function previewSettings(resource: vscode.Uri): PreviewSettings {
    const config = vscode.workspace.getConfiguration('journey.preview', resource);
    return {
        markEditorSelection: config.get<boolean>('markEditorSelection', true),
        scrollPreviewWithEditor: config.get<boolean>('scrollPreviewWithEditor', true),
    };
}
