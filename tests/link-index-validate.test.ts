import { describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    AstUtils, DefaultLinker, GrammarUtils, DefaultReferenceDescriptionProvider, DocumentState, URI,
    type AstNode, type LangiumDocument, type ReferenceDescription, type ReferenceInfo,
} from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createJourneyServices } from '../src/language/journey-module.js';
import { BUILTIN_URI } from '../src/language/builtins.js';
import { allNodes, forEachReferenceOf } from '../src/language/ast-walk.js';
import { firstNodeForProperty } from '../src/language/validation/ranges.js';
import type { Model } from '../src/language/generated/ast.js';
import { buildFiles, createTestServices } from './helpers.js';

/** A map with every kind of reference, unresolved ones, keywords as ids, a stage holding facts before steps and `owner` before `fixes`. */
const rich = `persona ana "Ana" { role "Buyer" }
persona stage "Keyword as id"
team ops "Ops"
channel portal "Portal"
journey j {
  for ana, stage, nobody
  state current
  stage first {
    touchpoint portal "p"
    emotion 1 for ana
    step one {
      touchpoint web
      emotion 2 for ana
      emotion -1 for stage
      barrier slow "Slow" severity high
      opportunity fix "Fix" owner ops fixes slow, missing
      frontstage "f" owner ops
      backstage "b" owner nope
      support "s" owner ops
      next two
    }
    step two { touchpoint nowhere next one next ghost }
  }
  stage second { step three { emotion 0 for ana opportunity o2 "x" fixes slow } }
}
`;

function describeReference(info: ReferenceInfo): string {
    return `${info.container.$type}.${info.property}[${info.index ?? '-'}]=${info.reference.$refText}`;
}

function plain(description: ReferenceDescription): object {
    return {
        sourceUri: description.sourceUri.toString(),
        sourcePath: description.sourcePath,
        targetUri: description.targetUri.toString(),
        targetPath: description.targetPath,
        segment: { offset: description.segment.offset, end: description.segment.end, length: description.segment.length, range: description.segment.range },
        local: description.local,
    };
}

async function parsed(services: ReturnType<typeof createTestServices>, text: string, name: string): Promise<LangiumDocument<Model>> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///work/${name}`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return document;
}

describe('plain-loop AST walks', () => {
    it('visit the nodes and references of Langium\'s streams, in the same order', async () => {
        const { documents, services } = await buildFiles({ 'main.journey': rich });
        const root = documents['main.journey'].parseResult.value;
        expect(allNodes(root)).toEqual(AstUtils.streamAst(root).toArray());
        const ours: string[] = [];
        const langiums: string[] = [];
        for (const node of allNodes(root)) {
            forEachReferenceOf(node, services.shared.AstReflection, info => ours.push(describeReference(info)));
            AstUtils.streamReferences(node).forEach(info => langiums.push(describeReference(info)));
        }
        expect(ours).toEqual(langiums);
        expect(ours).toContain('Opportunity.owner[-]=ops');
        expect(ours.indexOf('Opportunity.owner[-]=ops')).toBeLessThan(ours.indexOf('Opportunity.fixes[0]=slow'));
    });

    it('link in the order of Langium\'s linker, so unresolved references are reported in the same order', async () => {
        const ours = createTestServices();
        const oursDocument = await parsed(ours, rich, 'main.journey');
        const theirs = createTestServices();
        const theirsDocument = theirs.shared.workspace.LangiumDocumentFactory.fromString<Model>(rich, URI.parse('file:///work/main.journey'));
        theirs.shared.workspace.LangiumDocuments.addDocument(theirsDocument);
        await theirs.shared.workspace.DocumentBuilder.build([theirsDocument], { validation: false });
        // Unlink and link again with Langium's own linker.
        const linker = new DefaultLinker(theirs.Journey);
        linker.unlink(theirsDocument);
        await linker.link(theirsDocument);
        const names = (document: LangiumDocument) => document.references.map(ref => `${ref.$refText}:${ref.error ? 'unresolved' : 'ok'}`);
        expect(names(oursDocument)).toEqual(names(theirsDocument));
        expect(names(oursDocument)).toContain('nobody:unresolved');
        expect(names(oursDocument)).toContain('ghost:unresolved');
    });
});

describe('reference index', () => {
    it('holds what Langium\'s reference descriptions hold, for local, imported and built-in targets', async () => {
        const { documents, services } = await buildFiles({
            'people.journey': 'persona dana "Dana"\nteam sales "Sales"',
            'main.journey': `import "people.journey"\n${rich.replace('for ana, stage, nobody', 'for ana, stage, dana').replace('owner nope', 'owner sales')}`,
        });
        for (const document of Object.values(documents)) {
            const ours = await services.Journey.workspace.ReferenceDescriptionProvider.createDescriptions(document);
            const langiums = await new DefaultReferenceDescriptionProvider(services.Journey).createDescriptions(document);
            expect(ours.map(plain)).toEqual(langiums.map(plain));
        }
        const main = await services.Journey.workspace.ReferenceDescriptionProvider.createDescriptions(documents['main.journey']);
        const targets = new Set(main.filter(d => !d.local).map(d => d.targetUri.toString()));
        expect(targets).toEqual(new Set(['file:///work/people.journey', BUILTIN_URI.toString()]));
    });

    it('describes scope elements with the paths and segments Langium would compute', async () => {
        const { documents, services } = await buildFiles({ 'main.journey': rich });
        const describer = services.Journey.workspace.AstNodeDescriptionProvider;
        const step = AstUtils.streamAst(documents['main.journey'].parseResult.value).find(node => node.$type === 'Step') as AstNode;
        const description = describer.createDescription(step, undefined);
        expect(description.name).toBe('one');
        expect(description.type).toBe('Step');
        expect(description.path).toBe(services.Journey.workspace.AstNodeLocator.getAstNodePath(step));
        expect(description.selectionSegment?.range).toEqual(step.$cstNode?.range);
        expect(description.nameSegment?.range.start).toEqual({ line: 10, character: 9 });
        expect(() => describer.createDescription({ ...step, name: undefined } as AstNode, undefined)).toThrow(/has no name/);
    });

    it('follows an edit of an imported file: references, diagnostics and find references stay right', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-refindex-'));
        try {
            const peopleFile = path.join(dir, 'people.journey');
            const mainFile = path.join(dir, 'main.journey');
            fs.writeFileSync(peopleFile, 'persona dana "Dana"\nteam sales "Sales"');
            fs.writeFileSync(mainFile, 'import "people.journey"\njourney j { for dana stage a { step s { touchpoint web emotion 1 frontstage "f" owner sales } } }');
            const services = createJourneyServices(NodeFileSystem);
            const workspace = services.shared.workspace;
            const built = await Promise.all([mainFile, peopleFile].map(file => workspace.LangiumDocuments.getOrCreateDocument(URI.file(file))));
            await workspace.DocumentBuilder.build(built, { validation: true });
            const people = () => workspace.LangiumDocuments.getDocument(URI.file(peopleFile)) as LangiumDocument<Model>;
            const main = () => workspace.LangiumDocuments.getDocument(URI.file(mainFile))!;
            const edit = async (text: string) => {
                fs.writeFileSync(peopleFile, text);
                await workspace.DocumentBuilder.update([URI.file(peopleFile)], []);
            };
            // The team moves down two lines and the persona is renamed: `dana` no longer resolves.
            await edit('persona dina "Dina"\n\nteam other "Other"\nteam sales "Sales"');
            expect(main().state).toBe(DocumentState.Validated);
            expect((main().diagnostics ?? []).filter(d => d.code === 'unresolved-reference').map(d => d.message)).toEqual([
                expect.stringContaining("Unknown persona 'dana'"),
            ]);
            const refs = await services.Journey.lsp.ReferencesProvider!.findReferences(people(), {
                textDocument: { uri: people().uri.toString() }, position: { line: 3, character: 6 }, context: { includeDeclaration: true },
            });
            expect(refs.map(r => `${r.uri.replace(/.*\//, '')}@${r.range.start.line}:${r.range.start.character}`).sort()).toEqual([
                'main.journey@1:86',
                'people.journey@3:5',
            ]);
            // Back to `dana`: the map links again, and the index knows the use of the new declaration.
            await edit('persona dana "Dana"\nteam sales "Sales"');
            expect((main().diagnostics ?? []).filter(d => d.code === 'unresolved-reference')).toEqual([]);
            const index = workspace.IndexManager;
            const dana = people().parseResult.value.declarations[0];
            const uses = index.findAllReferences(dana, services.Journey.workspace.AstNodeLocator.getAstNodePath(dana)).toArray();
            expect(uses.map(u => `${u.sourceUri.path.replace(/.*\//, '')}@${u.segment.range.start.line}:${u.segment.range.start.character}`)).toEqual(['main.journey@1:16']);
            expect(index.isAffected(main(), new Set([people().uri.toString()]))).toBe(true);
            expect(index.isAffected(people(), new Set([main().uri.toString()]))).toBe(false);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('journey checks', () => {
    it('find repeated emotions on steps with few and with many emotions, and a modifier given three times', async () => {
        const emotions = (n: number) => Array.from({ length: n }, (_, i) => `emotion 0 for ${i % 2 ? 'a' : 'b'}`).join(' ');
        const text = `persona a\npersona b\njourney j { for a, b\n stage s {\n step few { touchpoint web ${emotions(3)} }\n step many { touchpoint web ${emotions(12)} }\n step plain { touchpoint web emotion 1 for a emotion 1 for b barrier x "x" severity low severity low severity high opportunity o "o" fixes x owner t owner t } } }\nteam t`;
        const { documents } = await buildFiles({ 'main.journey': text });
        const diagnostics = documents['main.journey'].diagnostics ?? [];
        const lines = (code: string) => diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);
        expect(lines('duplicate-emotion')).toEqual([5, ...Array(10).fill(6)]);
        expect(diagnostics.filter(d => d.code === 'syntax-error').map(d => d.message)).toEqual([
            "'severity' is given more than once here; each may appear at most once.",
            "'severity' is given more than once here; each may appear at most once.",
            "'owner' is given more than once here; each may appear at most once.",
        ]);
    });

    it('find the CST node of a property as Langium does', async () => {
        const { documents } = await buildFiles({ 'main.journey': rich.replace('step two {', '/* c */ step /* c */ two /* c */ {') });
        let compared = 0;
        for (const node of AstUtils.streamAst(documents['main.journey'].parseResult.value)) {
            for (const property of ['name', 'label', 'text', 'score', 'persona', 'fixes', 'owner', 'severity', 'facts', 'steps']) {
                const expected = GrammarUtils.findNodeForProperty(node.$cstNode, property);
                expect(firstNodeForProperty(node.$cstNode!, property)).toBe(expected);
                if (expected) compared++;
            }
        }
        expect(compared).toBeGreaterThan(40);
    });

    it('run only when the `fast` category is asked for', async () => {
        const { documents, services } = await buildFiles({ 'main.journey': 'journey j { stage a { } }' });
        const validator = services.Journey.validation.DocumentValidator;
        const document = documents['main.journey'];
        expect((await validator.validateDocument(document)).map(d => d.code)).toContain('empty-stage');
        expect((await validator.validateDocument(document, { categories: ['built-in'] })).map(d => d.code)).not.toContain('empty-stage');
        expect((await validator.validateDocument(document, { categories: ['fast'] })).map(d => d.code)).toContain('empty-stage');
    });

    it('report a check that throws on its node, and still run the others', async () => {
        const services = createTestServices();
        services.Journey.journey.Validator.register('Stage', () => { throw new Error('boom'); });
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        let calls = 0;
        const { documents } = await buildFiles({ 'main.journey': 'journey j { stage a { } }' }, services)
            .finally(() => { calls = logged.mock.calls.length; logged.mockRestore(); });
        expect(calls).toBeGreaterThan(0);
        const messages = (documents['main.journey'].diagnostics ?? []).map(d => String(d.message));
        expect(messages).toContain('An error occurred during validation: boom');
        expect(messages.some(m => m.includes("stage 'a' is empty"))).toBe(true);
    });
});
