import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mapModelOfDocument } from '../src/model/from-document.js';
import type { MapModel } from '../src/model/types.js';
import { renderSvg } from '../src/render/index.js';
import type { UpdateMessage } from '../src/protocol/webview.js';
import { SourceIndex } from '../webview/source-index.js';
import { updateDecision } from '../webview/update-decision.js';
import { splitSvg } from '../webview/svg-patch.js';
import { buildFiles } from './helpers.js';

async function exampleModel(): Promise<MapModel> {
    const read = (name: string) => fs.readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(new URL('../examples/', import.meta.url))) if (name.endsWith('.journey')) files[name] = read(name);
    const { services, documents } = await buildFiles(files);
    return mapModelOfDocument(documents['phone-switch.journey'], services.shared.workspace.LangiumDocuments)!;
}

/** Every `data-id` with its `data-line` in an SVG string. */
function drawnElements(svg: string): Array<{ id: string; line: number }> {
    return [...svg.matchAll(/data-id="([^"]*)" data-line="(\d+)"/g)].map(m => ({ id: m[1], line: Number(m[2]) }));
}

describe('source index of the preview', () => {
    test('every element the renderer draws with a source line is found, at that line', async () => {
        const model = await exampleModel();
        const index = new SourceIndex(model);
        const drawn = drawnElements(renderSvg(model));
        expect(drawn.length).toBeGreaterThan(20);
        for (const { id, line } of drawn) {
            expect(index.locationOf(id)?.range.line, id).toBe(line);
        }
    });

    test('a persona imported from another file is found in that file, and never at a cursor line of this one', async () => {
        const model = await exampleModel();
        const index = new SourceIndex(model);
        const persona = model.personas[0];
        expect(persona.uri).toMatch(/people\.journey$/);
        const location = index.locationOf(`persona:${persona.id}`);
        expect(location).toEqual({ range: persona.source, uri: persona.uri });
        expect(index.keysAtLine(persona.source!.line)).not.toContain(`persona:${persona.id}`);
    });

    test('a persona declared in the same file is found at its lines, for clicks and for the cursor', async () => {
        const { services, documents } = await buildFiles({
            'own.journey': 'persona ana "Ana" {\n  role "Buyer"\n}\njourney j "J" {\n  for ana\n  stage s "S" {\n    emotion 1\n  }\n}\n',
        });
        const model = mapModelOfDocument(documents['own.journey'], services.shared.workspace.LangiumDocuments)!;
        const index = new SourceIndex(model);
        expect(model.personas[0].uri).toBeUndefined();
        expect(index.locationOf('persona:ana')).toEqual({ range: { line: 1, column: 1, endLine: 3, endColumn: 2 } });
        expect(index.keysAtLine(2)).toEqual(['persona:ana']);
        expect(renderSvg(model)).toContain('<g class="jm-persona" data-id="persona:ana" data-line="1">');
    });

    test('a cursor line finds the innermost element around it', async () => {
        const model = await exampleModel();
        const index = new SourceIndex(model);
        const step = model.stages[0].steps[0];
        const stepKey = `${model.stages[0].id}/${step.id}`;
        // On the step's own line: the step itself (its facts start on later lines).
        expect(index.keysAtLine(step.source.line)).toEqual([stepKey]);
        // On a fact's line: that fact, not the step or stage around it.
        const action = step.sources.actions[0];
        expect(index.keysAtLine(action.line)).toEqual([`${stepKey}/action#0`]);
        // On the closing brace of the step: still the step.
        expect(index.keysAtLine(step.source.endLine)).toEqual([stepKey]);
        // Outside the journey: nothing.
        expect(index.keysAtLine(1)).toEqual([]);
    });

    test('one emotion line written for every persona highlights the point of each persona', () => {
        const range = { line: 5, column: 5, endLine: 5, endColumn: 20 };
        const stepRange = { line: 4, column: 3, endLine: 6, endColumn: 4 };
        const model: MapModel = {
            journey: { id: 'j', title: 'J', state: 'current', personas: ['a', 'b'] },
            personas: [], channels: [], teams: [],
            stages: [{
                id: 's', label: 'S', source: { line: 3, column: 1, endLine: 7, endColumn: 2 },
                steps: [{
                    id: 't', label: 'T', implicit: false, actions: [], touchpoints: [], thoughts: [],
                    emotions: [{ persona: 'a', score: 1, source: range }, { persona: 'b', score: 1, source: range }],
                    barriers: [], opportunities: [], questions: [], frontstage: [], backstage: [], support: [], metrics: [],
                    evidence: [], next: [], source: stepRange,
                    sources: { actions: [], thoughts: [], questions: [], evidence: [], next: [] },
                }],
            }],
        };
        const index = new SourceIndex(model);
        expect(index.keysAtLine(5).sort()).toEqual(['s/t/emotion:a', 's/t/emotion:b']);
        expect(index.keysAtLine(4)).toEqual(['s/t']);
        expect(index.keysAtLine(7)).toEqual(['s']);
    });
});

describe('what the preview does with an update', () => {
    const model = { journey: { id: 'j' } } as unknown as MapModel;
    const update = (change: Partial<UpdateMessage>): UpdateMessage =>
        ({ type: 'update', resource: 'file:///a.journey', version: 5, model, syntaxErrorCount: 0, errorCount: 0, ...change });

    test('draws a good map', () => {
        expect(updateDecision(update({}), 4, true)).toEqual({ action: 'render' });
    });

    test('ignores an update older than the one shown', () => {
        expect(updateDecision(update({ version: 3 }), 4, true)).toEqual({ action: 'ignore' });
    });

    test('keeps the last good map while there are syntax errors, with a banner counting them', () => {
        expect(updateDecision(update({ syntaxErrorCount: 2, errorCount: 3 }), 4, true))
            .toEqual({ action: 'keep', banner: '2 syntax errors: showing the last good map.' });
        expect(updateDecision(update({ syntaxErrorCount: 1 }), 4, true).action).toBe('keep');
    });

    test('with no good map yet, shows the partial one and says it may be incomplete', () => {
        expect(updateDecision(update({ syntaxErrorCount: 1 }), -1, false))
            .toEqual({ action: 'render', banner: '1 syntax error: the map may be incomplete.' });
        expect(updateDecision(update({ syntaxErrorCount: 1, model: null }), -1, false).action).toBe('message');
    });

    test('a file without a journey gets a message, not an empty picture', () => {
        const decision = updateDecision(update({ model: null }), -1, false);
        expect(decision.action).toBe('message');
    });

    test('errors that are not syntax errors (unresolved names) still draw the map', () => {
        expect(updateDecision(update({ errorCount: 4 }), 4, true)).toEqual({ action: 'render' });
    });
});

describe('splitting the SVG for keyed patching', () => {
    test('gives the root start tag and each top-level element whole, nested ones inside their parent', () => {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10"><title>a &lt;b&gt;</title><style>\n.jm{fill:red}\n</style>'
            + '<g data-id="x"><rect/><g><text>t</text></g></g><line x1="0"/></svg>\n';
        expect(splitSvg(svg)).toEqual({
            open: '<svg xmlns="http://www.w3.org/2000/svg" width="10">',
            children: ['<title>a &lt;b&gt;</title>', '<style>\n.jm{fill:red}\n</style>', '<g data-id="x"><rect/><g><text>t</text></g></g>', '<line x1="0"/>'],
        });
    });

    test('the renderer\'s output splits back into exactly its markup', async () => {
        const model = await exampleModel();
        const svg = renderSvg(model);
        const { open, children } = splitSvg(svg);
        expect(open + children.join('') + '</svg>\n').toBe(svg);
        expect(children.length).toBeGreaterThan(20);
    });

    test('an edit of one label changes only a few top-level elements', async () => {
        const model = await exampleModel();
        const before = splitSvg(renderSvg(model)).children;
        const changed: MapModel = structuredClone(model);
        changed.stages[0].steps[0].label += '!';
        const after = splitSvg(renderSvg(changed)).children;
        const unchanged = new Set(before);
        expect(after.filter(m => !unchanged.has(m)).length).toBeLessThanOrEqual(2);
    });

    test('broken markup is an error, not a hang', () => {
        expect(() => splitSvg('<svg><g>')).toThrow();
        expect(() => splitSvg('no svg')).toThrow();
    });
});
