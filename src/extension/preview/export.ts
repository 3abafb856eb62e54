import * as vscode from 'vscode';
import type { ExportFormat, ExportMessage } from '../../protocol/webview.js';
import { safeFileName } from './file-name.js';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
    svg: { 'SVG image': ['svg'] },
    png: { 'PNG image': ['png'] },
    html: { 'HTML page': ['html'] },
};

/** Asks where to save an export the webview produced and writes it; returns the path, or undefined if cancelled. */
export async function exportToFile(resource: vscode.Uri, message: ExportMessage): Promise<string | undefined> {
    const folder = vscode.Uri.joinPath(resource, '..');
    const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, safeFileName(message.suggestedName, message.format)),
        filters: FILTERS[message.format],
        title: `Export the journey map as ${message.format.toUpperCase()}`,
    });
    if (!target) return undefined;
    const bytes = message.encoding === 'base64' ? Buffer.from(message.data, 'base64') : Buffer.from(message.data, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    return target.scheme === 'file' ? target.fsPath : target.toString();
}
