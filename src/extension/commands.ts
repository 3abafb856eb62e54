import * as vscode from 'vscode';
import type { PreviewManager } from './preview/preview-manager.js';
import { targetResource } from './preview/preview-manager.js';
import { newMapFromTemplate } from './new-from-template.js';
import { Commands } from './command-ids.js';

export function registerCommands(previews: PreviewManager): vscode.Disposable {
    const open = (sideBySide: boolean) => (uri?: unknown) => {
        const resource = targetResource(uri);
        if (!resource) {
            void vscode.window.showInformationMessage('Open a .journey file first, then open its preview.');
            return;
        }
        previews.openPreview(resource, sideBySide);
    };
    return vscode.Disposable.from(
        vscode.commands.registerCommand(Commands.openPreview, open(false)),
        vscode.commands.registerCommand(Commands.openPreviewToSide, open(true)),
        vscode.commands.registerCommand(Commands.showSource, async () => {
            const preview = previews.active;
            if (!preview) return;
            const visible = vscode.window.visibleTextEditors.find(e => preview.matches(e.document.uri));
            const document = await vscode.workspace.openTextDocument(preview.resource);
            await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside });
        }),
        vscode.commands.registerCommand(Commands.toggleLock, () => previews.toggleLock()),
        vscode.commands.registerCommand(Commands.newFromTemplate, () => newMapFromTemplate()),
    );
}
