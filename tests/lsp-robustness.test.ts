import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import type { LangiumDocument } from 'langium';
import { buildFiles } from './helpers.js';
import { formatJourneyText } from '../src/language/lsp/format-text.js';

const example = fs.readFileSync('examples/phone-switch.journey', 'utf8');

/** Calls every editing feature at several places of a document; none may throw. */
async function exerciseEverything(text: string): Promise<void> {
    const { services, documents } = await buildFiles({ 'people.journey': fs.readFileSync('examples/people.journey', 'utf8'), 'broken.journey': text });
    const document: LangiumDocument = documents['broken.journey'];
    const lsp = services.Journey.lsp;
    const textDocument = { uri: document.uri.toString() };
    const length = document.textDocument.getText().length;
    const offsets = new Set([0, length, Math.floor(length / 2), Math.floor(length / 3), Math.max(0, length - 1)]);
    for (let i = 0; i < 6; i++) offsets.add(Math.floor((length * (i * 7 + 3)) / 47) % (length + 1));
    for (const offset of offsets) {
        const position = document.textDocument.positionAt(offset);
        await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
        await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
        await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
        await lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
        try {
            await lsp.RenameProvider!.rename(document, { textDocument, position, newName: 'renamed' });
        } catch (error) {
            // Refusals (built-in channel, name taken) are answers, not crashes.
            expect(String(error)).toMatch(/built-in channel|already exists/);
        }
    }
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
    const diagnostics = document.diagnostics ?? [];
    await lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics },
    });
    formatJourneyText(services.Journey, text);
}

describe('editing features on broken input', () => {
    it('answer on the example cut short at many places', async () => {
        const cuts = [17, 120, 333, 480, 777, 1000, 1400, 1800, 2100];
        for (const cut of cuts.filter(c => c < example.length)) {
            await exerciseEverything(example.slice(0, cut));
        }
    }, 60_000);

    it('answer on junk, unbalanced braces and unterminated strings', async () => {
        const junk = [
            '',
            '}}}}{{{{',
            'journey j { stage a { step s { touchpoint } } ',
            'persona "no id" { role }',
            'journey j { for , , stage { step { emotion "x" for } } }',
            'journey j { stage a { step s { barrier "unterminated\n emotion 1 } } }',
            '\u0000\u0001\u0002 binary \uFFFD junk \u0007',
            'import import import "x.journey"',
            '/* never closed',
            example.replace(/\{/g, ''),
            example.replace(/\}/g, ''),
        ];
        for (const text of junk) await exerciseEverything(text);
    }, 60_000);
});
