import * as vscode from 'vscode';
import type { SourceRange } from '../../model/types.js';

/**
 * The editor selection for a map element: its whole source range when known, else its line
 * without the indentation. The cursor (active end) is put at the start, so the editor's
 * cursor line is the element's `data-line` and the echo guard recognises it.
 */
export function sourceSelection(document: vscode.TextDocument, line: number, range: SourceRange | undefined): vscode.Selection {
    const lastLine = document.lineCount - 1;
    const clampLine = (l: number) => Math.min(Math.max(l - 1, 0), lastLine);
    if (range && range.line > 0) {
        const start = document.validatePosition(new vscode.Position(clampLine(range.line), range.column - 1));
        const end = document.validatePosition(new vscode.Position(clampLine(range.endLine), range.endColumn - 1));
        return new vscode.Selection(end, start);
    }
    const text = document.lineAt(clampLine(line));
    const start = text.range.start.translate(0, text.firstNonWhitespaceCharacterIndex);
    return new vscode.Selection(text.range.end, start);
}
