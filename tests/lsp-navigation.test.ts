import { describe, expect, it } from 'vitest';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { buildFiles, createTestServices } from './helpers.js';

const services = createTestServices();
const gotoDefinition = expectGoToDefinition(services.Journey);
const findReferences = expectFindReferences(services.Journey);

const local = `persona <|dana|> "Dana"
team <|sales|> "Sales"
journey j {
  for da<|>na
  stage a {
    step <|first|> { barrier <|slow|> "Slow" touchpoint web emotion 1 }
    step second { opportunity o "x" fixes sl<|>ow owner sal<|>es next fir<|>st }
  }
}`;

describe('go to definition', () => {
    it('goes from a persona, a barrier, a team and a step to their declarations', async () => {
        await gotoDefinition({ text: local, index: 0, rangeIndex: 0, disposeAfterCheck: true });
        await gotoDefinition({ text: local, index: 1, rangeIndex: 3, disposeAfterCheck: true });
        await gotoDefinition({ text: local, index: 2, rangeIndex: 1, disposeAfterCheck: true });
        await gotoDefinition({ text: local, index: 3, rangeIndex: 2, disposeAfterCheck: true });
    });

    it('goes to a declaration in an imported file', async () => {
        const { services: s, documents } = await buildFiles({
            'people.journey': 'persona dana "Dana"\nchannel demo "Demo"',
            'main.journey': 'import "people.journey"\njourney j { for dana stage a { touchpoint demo emotion 1 } }',
        });
        const main = documents['main.journey'];
        const links = await s.Journey.lsp.DefinitionProvider!.getDefinition(main, { textDocument: { uri: main.uri.toString() }, position: positionOf(main, 'demo emotion') });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe('file:///work/people.journey');
        expect(links![0].targetSelectionRange.start).toEqual({ line: 1, character: 8 });
    });

    it('goes from an import path to the imported file', async () => {
        const { services: s, documents } = await buildFiles({
            'shared/people.journey': 'persona dana "Dana"',
            'main.journey': 'import "shared/people.journey"\nimport "missing.journey"\njourney j { for dana }',
        });
        const main = documents['main.journey'];
        const at = (text: string) => ({ textDocument: { uri: main.uri.toString() }, position: positionOf(main, text) });
        const links = await s.Journey.lsp.DefinitionProvider!.getDefinition(main, at('people'));
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe('file:///work/shared/people.journey');
        expect(links![0].originSelectionRange).toEqual({ start: { line: 0, character: 7 }, end: { line: 0, character: 30 } });
        expect(await s.Journey.lsp.DefinitionProvider!.getDefinition(main, at('missing'))).toBeUndefined();
    });

    it('returns nothing for a built-in channel (it has no file)', async () => {
        const { services: s, documents } = await buildFiles({ 'main.journey': 'journey j { stage a { touchpoint web emotion 1 } }' });
        const main = documents['main.journey'];
        const links = await s.Journey.lsp.DefinitionProvider!.getDefinition(main, { textDocument: { uri: main.uri.toString() }, position: positionOf(main, 'web') });
        expect(links ?? []).toEqual([]);
    });
});

describe('find references', () => {
    it('finds every use of a persona, with or without its declaration', async () => {
        await findReferences({
            text: 'persona <|d<|>ana|> "Dana"\njourney j {\n  for <|da<|>na|>\n  stage a { emotion 1 for <|dana|> }\n}',
            includeDeclaration: true,
            disposeAfterCheck: true,
        });
        await findReferences({
            text: 'persona d<|>ana "Dana"\njourney j {\n  for <|dana|>\n  stage a { emotion 1 for <|dana|> }\n}',
            includeDeclaration: false,
            disposeAfterCheck: true,
        });
    });

    it('finds the uses of a barrier and a step within the journey', async () => {
        await findReferences({
            text: 'journey j { stage a { step s1 { barrier sl<|>ow "x" next s1 } step s2 { opportunity o "y" fixes <|slow|> next s1 } } }',
            includeDeclaration: false,
            disposeAfterCheck: true,
        });
        await findReferences({
            text: 'journey j { stage a { step <|s<|>1|> { barrier slow "x" next <|s1|> } step s2 { opportunity o "y" fixes slow next <|s<|>1|> } } }',
            includeDeclaration: true,
            disposeAfterCheck: true,
        });
    });

    it('finds uses of a shared declaration in every importing file, and of a built-in channel but not its virtual declaration', async () => {
        const { services: s, documents } = await buildFiles({
            'people.journey': 'team sales "Sales"',
            'a.journey': 'import "people.journey"\njourney a { stage x { frontstage "f" owner sales touchpoint web emotion 1 } }',
            'b.journey': 'import "people.journey"\njourney b { stage y { backstage "g" owner sales touchpoint web emotion 1 } }',
        });
        const people = documents['people.journey'];
        const refs = await s.Journey.lsp.ReferencesProvider!.findReferences(people, {
            textDocument: { uri: people.uri.toString() }, position: positionOf(people, 'sales'), context: { includeDeclaration: true },
        });
        expect(refs.map(r => r.uri).sort()).toEqual(['file:///work/a.journey', 'file:///work/b.journey', 'file:///work/people.journey']);
        const a = documents['a.journey'];
        const web = await s.Journey.lsp.ReferencesProvider!.findReferences(a, {
            textDocument: { uri: a.uri.toString() }, position: positionOf(a, 'web'), context: { includeDeclaration: true },
        });
        expect(web.map(r => r.uri).sort()).toEqual(['file:///work/a.journey', 'file:///work/b.journey']);
    });
});

describe('rename', () => {
    const files = {
        'people.journey': 'persona dana "Dana"\nchannel demo "Demo"\nteam sales "Sales"',
        'a.journey': 'import "people.journey"\njourney a { for dana stage x { step s1 { touchpoint demo emotion 1 for dana barrier slow "x" } step s2 { opportunity o "y" fixes slow owner sales next s1 } } }',
        'b.journey': 'import "people.journey"\npersona erin "Erin"\njourney b { for dana stage y { touchpoint demo emotion 1 } }',
    };

    async function rename(file: string, at: string, newName: string, occurrence = 0): Promise<{ edit: WorkspaceEdit | undefined; texts: Record<string, string> }> {
        const { services: s, documents } = await buildFiles(files);
        const document = documents[file];
        const edit = await s.Journey.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, at, occurrence), newName });
        const texts: Record<string, string> = {};
        for (const [name, doc] of Object.entries(documents)) {
            const changes = edit?.changes?.[doc.uri.toString()] ?? [];
            texts[name] = TextDocument.applyEdits(doc.textDocument as TextDocument, changes);
        }
        return { edit, texts };
    }

    it('renames a persona in its file and in every file that imports it', async () => {
        const { texts } = await rename('a.journey', 'dana', 'dana-k');
        expect(texts['people.journey']).toContain('persona dana-k "Dana"');
        expect(texts['a.journey']).toContain('for dana-k');
        expect(texts['a.journey']).toContain('emotion 1 for dana-k');
        expect(texts['b.journey']).toContain('for dana-k');
        expect(texts['a.journey']).not.toMatch(/\bdana\b(?!-)/);
    });

    it('renames a channel and a team from their declarations', async () => {
        const channel = await rename('people.journey', 'demo', 'live-demo');
        expect(channel.texts['a.journey']).toContain('touchpoint live-demo');
        expect(channel.texts['b.journey']).toContain('touchpoint live-demo');
        const team = await rename('people.journey', 'sales', 'revenue');
        expect(team.texts['a.journey']).toContain('owner revenue');
    });

    it('renames a barrier and a step within the journey', async () => {
        const barrier = await rename('a.journey', 'slow', 'too-slow');
        expect(barrier.texts['a.journey']).toContain('barrier too-slow "x"');
        expect(barrier.texts['a.journey']).toContain('fixes too-slow');
        const step = await rename('a.journey', 's1', 'first', 1);
        expect(step.texts['a.journey']).toContain('step first {');
        expect(step.texts['a.journey']).toContain('next first');
    });

    it('refuses to rename a built-in channel', async () => {
        const { services: s, documents } = await buildFiles({ 'main.journey': 'journey j { stage a { touchpoint web emotion 1 } }' });
        const main = documents['main.journey'];
        const params = { textDocument: { uri: main.uri.toString() }, position: positionOf(main, 'web') };
        await expect(s.Journey.lsp.RenameProvider!.rename(main, { ...params, newName: 'website' })).rejects.toThrow(/built-in channel/);
        expect(() => s.Journey.lsp.RenameProvider!.prepareRename(main, params)).toThrow(/built-in channel/);
    });

    it('refuses a new name that is not a legal id', async () => {
        for (const bad of ['1abc', 'two words', '', 'dana!', 'é']) {
            await expect(rename('a.journey', 'dana', bad)).rejects.toThrow(/not a valid id/);
        }
    });

    it('refuses a new name that another declaration of the same kind already has', async () => {
        await expect(rename('people.journey', 'dana', 'erin')).rejects.toThrow(/already exists/);
        await expect(rename('a.journey', 's1', 's2', 1)).rejects.toThrow(/already exists/);
    });

    it('accepts a keyword as the new id (keywords are not reserved)', async () => {
        const { texts } = await rename('people.journey', 'sales', 'support');
        expect(texts['a.journey']).toContain('owner support');
    });

    it('prepares a rename on an id with its range', async () => {
        const { services: s, documents } = await buildFiles(files);
        const a = documents['a.journey'];
        const range = await s.Journey.lsp.RenameProvider!.prepareRename(a, { textDocument: { uri: a.uri.toString() }, position: positionOf(a, 'slow') });
        expect(range).toMatchObject({ start: positionOf(a, 'slow'), end: { line: 1, character: positionOf(a, 'slow').character + 4 } });
    });
});

function positionOf(document: LangiumDocument, text: string, occurrence = 0) {
    const source = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = source.indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`'${text}' not in ${document.uri.toString()}`);
    return document.textDocument.positionAt(offset);
}
