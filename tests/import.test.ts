import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseMermaidJourney, decodeEntities } from '../src/import/mermaid.js';
import { slugify, IdAllocator } from '../src/import/ids.js';
import { formatJourneyText } from '../src/language/lsp/format-text.js';
import { mapModelOfDocument } from '../src/model/from-document.js';
import { buildFiles, createTestServices, journey } from './helpers.js';

const cli = (...args: string[]) => journey(args);

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-import-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
};

const workingDay = `%% The example from the Mermaid documentation, with extras.
journey
    title My working day
    accTitle: A working day
    accDescr: How a working day feels
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home<br>and rest
      Go downstairs: 5: Me
      Sit down: 5
`;

async function check(text: string) {
    const { documents, services } = await buildFiles({ 'main.journey': text });
    const document = documents['main.journey'];
    const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error);
    return { errors, model: mapModelOfDocument(document, services.shared.workspace.LangiumDocuments)! };
}

describe('journey import', () => {
    test('sections become stages, tasks steps, actors personas, scores emotions', async () => {
        const result = await cli('import', write('day.mmd', workingDay));
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const { errors, model } = await check(result.stdout);
        expect(errors).toEqual([]);
        expect(model.journey).toMatchObject({ id: 'my-working-day', title: 'My working day', description: 'How a working day feels', personas: ['me', 'cat'] });
        expect(model.personas.map(p => [p.id, p.label])).toEqual([['me', 'Me'], ['cat', 'Cat']]);
        expect(model.stages.map(s => [s.id, s.label])).toEqual([['go-to-work', 'Go to work'], ['go-home-and-rest', 'Go home and rest']]);
        const steps = model.stages.flatMap(s => s.steps.map(step => [step.id, step.label, step.emotions.map(e => `${e.persona}:${e.score}`).join(' ')]));
        expect(steps).toEqual([
            ['make-tea', 'Make tea', 'me:2'],
            ['go-upstairs', 'Go upstairs', 'me:0'],
            ['do-work', 'Do work', 'me:-2 cat:-2'],
            ['go-downstairs', 'Go downstairs', 'me:2'],
            ['sit-down', 'Sit down', 'me:2 cat:2'], // no actors: every persona
        ]);
    });

    test('the output is in canonical format', async () => {
        const { stdout } = await cli('import', write('day2.mmd', workingDay));
        const formatted = formatJourneyText(createTestServices().Journey, stdout);
        expect(formatted.ok && formatted.text).toBe(stdout);
        expect(stdout).toMatch(/^\/\/ Imported from day2\.mmd\./);
    });

    test('-o writes the map', async () => {
        const out = path.join(dir, 'day.journey');
        const result = await cli('import', write('day3.mmd', workingDay), '-o', out);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('');
        expect(fs.readFileSync(out, 'utf8')).toContain('journey my-working-day "My working day" {');
    });

    test('out-of-range scores are clamped with a warning naming the line and the score\'s column', async () => {
        const result = await cli('import', write('range.mmd', 'journey\n  section S\n    Great: 9: Me\n    Awful: -3: Me\n    Half: 2.6: Me\n'));
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('range.mmd:3:12: warning: score 9 is outside 1..5; clamped to 5');
        expect(result.stderr).toContain('range.mmd:4:12: warning: score -3 is outside 1..5; clamped to 1');
        expect(result.stderr).toContain('range.mmd:5:11: warning: score 2.6 is not a whole number; rounded to 3');
        const { model } = await check(result.stdout);
        expect(model.stages[0].steps.map(s => s.emotions[0].score)).toEqual([2, -2, 0]);
    });

    test('ids: slugified, unique, starting with a letter', async () => {
        const mmd = 'journey\n  title 2024 plan\n  section 1st: step\n    Make tea!: 3\n    Make  TEA: 3\n    Été: 3\n    42: 3\n    ☕: 3\n';
        const result = await cli('import', write('ids.mmd', mmd));
        const { errors, model } = await check(result.stdout);
        expect(errors).toEqual([]);
        expect(model.journey.id).toBe('journey-2024-plan');
        expect(model.stages[0].id).toBe('stage-1st-step');
        expect(model.stages[0].label).toBe('1st: step');
        expect(model.stages[0].steps.map(s => s.id)).toEqual(['make-tea', 'make-tea-2', 'ete', 'step-42', 'step']);
        expect(model.stages[0].steps.map(s => s.label)).toEqual(['Make tea!', 'Make TEA', 'Été', '42', '☕']);
    });

    test('accDescr as a block, accTitle without a title, comments, entity codes and quotes', async () => {
        const mmd = [
            '---',
            'config:',
            '  theme: dark',
            '---',
            '%%{init: {"theme": "forest"}}%%',
            'journey',
            '  accTitle: Checkout "flow"',
            '  accDescr {',
            '    Two lines',
            '    of description',
            '  }',
            '  %% section Hidden',
            '  section Pay #59; ship',
            '    Pays #58; card: 4: Ann #38; Bo, Cy',
            '',
        ].join('\n');
        const result = await cli('import', write('acc.mmd', mmd));
        expect(result.code).toBe(0);
        const { errors, model } = await check(result.stdout);
        expect(errors).toEqual([]);
        expect(model.journey.title).toBe('Checkout "flow"');
        expect(model.journey.description).toBe('Two lines of description');
        expect(model.stages.map(s => s.label)).toEqual(['Pay ; ship']);
        expect(model.stages[0].steps[0].label).toBe('Pays : card');
        expect(model.personas.map(p => [p.id, p.label])).toEqual([['ann-bo', 'Ann & Bo'], ['cy', 'Cy']]);
    });

    test('a title from the file name when the diagram has none; tasks before any section', async () => {
        const result = await cli('import', write('quick-map.mmd', 'journey\n  Wake up: 2\n'));
        const { errors, model } = await check(result.stdout);
        expect(errors).toEqual([]);
        expect(model.journey.title).toBe('quick-map');
        expect(model.stages[0].steps[0].label).toBe('Wake up');
    });

    test('unreadable diagrams: errors with line and column, exit 1, nothing written', async () => {
        const out = path.join(dir, 'never.journey');
        const notJourney = await cli('import', write('flow.mmd', 'graph TD\n  A --> B\n'), '-o', out);
        expect(notJourney.code).toBe(1);
        expect(notJourney.stderr).toContain("flow.mmd:1:1: error: not a Mermaid journey diagram: expected 'journey' first");
        const badScore = await cli('import', write('bad.mmd', 'journey\n  section S\n    Task: great: Me\n    Just words\n'), '-o', out);
        expect(badScore.code).toBe(1);
        expect(badScore.stderr).toContain("bad.mmd:3:11: error: the score of task 'Task' must be a number from 1 to 5, found 'great'");
        expect(badScore.stderr).toContain("bad.mmd:4:5: error: cannot read 'Just words'");
        const unclosed = await cli('import', write('open.mmd', 'journey\n  accDescr {\n    never closed\n'));
        expect(unclosed.code).toBe(1);
        expect(unclosed.stderr).toContain('open.mmd:2:3: error:');
        expect(fs.existsSync(out)).toBe(false);
    });

    test('usage and I/O errors exit 2', async () => {
        expect((await cli('import')).code).toBe(2);
        const missing = await cli('import', path.join(dir, 'missing.mmd'));
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('no such file');
        expect((await cli('import', write('ok.mmd', workingDay), '-o', path.join(dir, 'no/such/dir/x.journey'))).code).toBe(2);
    });

    test('--help', async () => {
        const help = await cli('import', '--help');
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('-o, --output');
    });
});

describe('Mermaid round trip: journey render --format mermaid, then journey import', () => {
    test('keeps stages, steps, personas and scores', async () => {
        const source = [
            'persona dana "Dana"',
            'persona eli "Eli"',
            '',
            'journey rt "Round trip: a test; #1" {',
            '  for dana, eli',
            '',
            '  stage need "Need: it" {',
            '    step notice "Notices; then acts" {',
            '      touchpoint web',
            '      emotion -2',
            '    }',
            '    step ask "Asks #2" {',
            '      touchpoint web',
            '      emotion 1',
            '    }',
            '  }',
            '',
            '  stage buy "Buy" {',
            '    step pay "Pays" {',
            '      touchpoint web',
            '      emotion 2 for dana',
            '      emotion 2 for eli',
            '    }',
            '    step wait "Waits" {',
            '      touchpoint web',
            '      emotion 0 for dana',
            '    }',
            '  }',
            '}',
            '',
        ].join('\n');
        const mapFile = write('rt.journey', source);
        const exported = await cli('render', mapFile, '--format', 'mermaid');
        expect(exported.code).toBe(0);
        const mmd = write('rt.mmd', exported.stdout);
        const imported = await cli('import', mmd);
        expect(imported.code).toBe(0);
        expect(imported.stderr).toBe('');
        const original = (await check(source)).model;
        const { errors, model } = await check(imported.stdout);
        expect(errors).toEqual([]);
        expect(model.journey.title).toBe(original.journey.title);
        expect(model.personas.map(p => p.id)).toEqual(original.personas.map(p => p.id));
        expect(model.stages.map(s => s.label)).toEqual(original.stages.map(s => s.label));
        const shape = (m: typeof model) => m.stages.map(s => s.steps.map(step => ({
            label: step.label,
            scores: Object.fromEntries(step.emotions.map(e => [e.persona, e.score])),
        })));
        expect(shape(model)).toEqual(shape(original));
    });
});

describe('ids and entities', () => {
    test('slugify and the allocator', () => {
        expect(slugify('Make tea!')).toBe('make-tea');
        expect(slugify('Crème brûlée')).toBe('creme-brulee');
        expect(slugify('日本')).toBe('');
        const ids = new IdAllocator('step');
        expect([ids.next('A'), ids.next('a'), ids.next('9'), ids.next('')]).toEqual(['a', 'a-2', 'step-9', 'step']);
    });

    test('entity codes', () => {
        expect(decodeEntities('a #59; b #quot;c#quot; #x41; #unknown; #0;')).toBe('a ; b "c" A #unknown; #0;');
    });

    test('parse result keeps lines and the column of each score', () => {
        const parsed = parseMermaidJourney('journey\nsection S\n  T: 3: A\n');
        expect(parsed.ok && parsed.diagram.sections[0]).toEqual({ name: 'S', line: 2, tasks: [{ name: 'T', score: 3, actors: ['A'], line: 3, scoreColumn: 6 }] });
    });
});
