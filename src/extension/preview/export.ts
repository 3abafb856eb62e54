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
    const target = await vscode.window.showSaveDialog({
        defaultUri: defaultExportUri(resource, safeFileName(message.suggestedName, message.format)),
        filters: FILTERS[message.format],
        title: `Export the journey map as ${message.format.toUpperCase()}`,
    });
    if (!target) return undefined;
    const bytes = message.encoding === 'base64' ? Buffer.from(message.data, 'base64') : Buffer.from(message.data, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    return target.scheme === 'file' ? target.fsPath : target.toString();
}

/**
 * Where the save dialog starts: beside the map's file. An untitled map has no folder, and a
 * default URI of its scheme makes VS Code's dialog look for an `untitled` file system, say it
 * has none and cancel: it starts in the first workspace folder instead (or VS Code's default).
 */
function defaultExportUri(resource: vscode.Uri, fileName: string): vscode.Uri | undefined {
    if (resource.scheme === 'untitled') {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
    }
    return vscode.Uri.joinPath(resource, '..', fileName);
}
