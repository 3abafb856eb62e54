import type { LangiumCoreServices, LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit,
} from 'vscode-languageserver';
import { formattingEdits, type WhitespaceEdit } from './format-text.js';

/**
 * Formats to the one canonical layout of `format-text.ts` (two-space indent whatever the editor's
 * tab size, so that every editor and `journey fmt` agree). A document with syntax errors is left
 * alone. Edits touch only the whitespace between tokens, so the cursor stays where it was.
 */
export class JourneyFormatter implements Formatter {
    constructor(private readonly services: LangiumCoreServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document).map(edit => this.toTextEdit(document, edit));
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        return this.edits(document)
            .filter(edit => edit.start >= start && edit.end <= end)
            .map(edit => this.toTextEdit(document, edit));
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private edits(document: LangiumDocument): WhitespaceEdit[] {
        const { parseResult } = document;
        if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return [];
        return formattingEdits(this.services, document.textDocument.getText(), parseResult);
    }

    private toTextEdit(document: LangiumDocument, edit: WhitespaceEdit): TextEdit {
        return {
            range: { start: document.textDocument.positionAt(edit.start), end: document.textDocument.positionAt(edit.end) },
            newText: edit.newText,
        };
    }
}
