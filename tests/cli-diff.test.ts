import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey } from './helpers.js';

const cli = (...args: string[]) => journey(args);

const before = path.resolve('tests/fixtures/diff/before.journey');
const after = path.resolve('tests/fixtures/diff/after.journey');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-diff-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
};

describe('journey diff OLD NEW', () => {
    test('declarations a journey does not mention, and files with no journey, are compared', async () => {
        const library = (label: string, extra: string) => `persona dana "${label}" {\n  role "Ops"\n}\n\nteam support "Support"\n${extra}`;
        const json = async (a: string, b: string) => {
            const result = await cli('diff', a, b, '--format', 'json', '--exit-code');
            expect(result.code).toBe(1);
            return (JSON.parse(result.stdout) as { changes: unknown[] }).changes;
        };
        expect(await json(write('lib-old.journey', library('Dana', 'channel kiosk "Kiosk"\n')), write('lib-new.journey', library('Dana Smith', 'team sales "Sales"\n')))).toEqual([
            { kind: 'changed', element: 'persona', id: 'dana', path: '', field: 'label', before: 'Dana', after: 'Dana Smith' },
            { kind: 'removed', element: 'channel', id: 'kiosk', path: '', before: 'Kiosk', after: null },
            { kind: 'added', element: 'team', id: 'sales', path: '', before: null, after: 'Sales' },
        ]);
        const map = (team: string) => `team idle "${team}"\n\njourney j {\n  stage s {\n    touchpoint web\n  }\n}\n`;
        expect(await json(write('map-old.journey', map('Idle')), write('map-new.journey', map('Idle team')))).toEqual([
            { kind: 'changed', element: 'team', id: 'idle', path: '', field: 'label', before: 'Idle', after: 'Idle team' },
        ]);
        const same = write('lib-same.journey', library('Dana', ''));
        expect((await cli('diff', same, same, '--exit-code')).code).toBe(0);
    });

    test('text (default): one marked line per change and a summary', async () => {
        const result = await cli('diff', before, after, '--color', 'never');
        expect(result.code).toBe(0);
        const out = result.stdout.split('\n');
        expect(out[0]).toMatch(/^--- .*before\.journey$/);
        expect(out[1]).toMatch(/^\+\+\+ .*after\.journey$/);
        expect(out).toContain('~ emotion of dana at need/missed: score -2 -> 0');
        expect(out).toContain('> step compare moved from evaluate to need');
        expect(out).toContain('+ step welcome at onboard/welcome added: "Welcome call"');
        expect(out).toContain('- barrier no-visibility at need/missed removed (was "No missed-call report" severity medium)');
        expect(out).toContain('18 added, 14 removed, 25 changed, 3 moved');
        expect(result.stdout).not.toContain('\u001b[');
    });

    test('text is coloured when asked (a terminal, or --color always)', async () => {
        const result = await cli('diff', before, after, '--color', 'always');
        expect(result.stdout).toContain('\u001b[32m+ step welcome');
        expect(result.stdout).toContain('\u001b[31m- ');
    });

    test('json prints only {changes, summary}, with the fields of the contract', async () => {
        const result = await cli('diff', before, after, '--format', 'json');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout) as { changes: Array<Record<string, unknown>>; summary: Record<string, number> };
        expect(Object.keys(json)).toEqual(['changes', 'summary']);
        expect(json.summary).toEqual({ added: 18, removed: 14, changed: 25, moved: 3 });
        const allowed = ['kind', 'element', 'id', 'path', 'field', 'persona', 'before', 'after'];
        for (const change of json.changes) {
            for (const key of Object.keys(change)) expect(allowed).toContain(key);
            expect(['added', 'removed', 'changed', 'moved']).toContain(change.kind);
            expect(typeof change.id).toBe('string');
            expect(typeof change.path).toBe('string');
        }
        expect(json.changes).toContainEqual({ kind: 'changed', element: 'emotion', id: 'dana', path: 'need/missed', field: 'score', persona: 'dana', before: -2, after: 0 });
        expect(json.changes).toContainEqual({ kind: 'moved', element: 'step', id: 'compare', path: 'need/compare', field: 'stage', before: 'evaluate', after: 'need' });
        expect(json.changes).toContainEqual({ kind: 'changed', element: 'journey', id: 'phone-switch', path: '', field: 'state', before: 'current', after: 'future' });
        // A removal's path is where it was.
        expect(json.changes).toContainEqual(expect.objectContaining({ kind: 'removed', element: 'step', id: 'legacy-step', path: 'onboard/legacy-step' }));
        const elements = new Set(json.changes.map(c => c.element));
        for (const element of ['journey', 'persona', 'channel', 'team', 'stage', 'step', 'emotion', 'touchpoint', 'action', 'barrier',
            'opportunity', 'question', 'frontstage', 'support', 'metric', 'evidence', 'next']) {
            expect(elements).toContain(element);
        }
    });

    test('markdown: a one-line summary, then a section per stage', async () => {
        const result = await cli('diff', before, after, '--format', 'markdown');
        expect(result.code).toBe(0);
        const md = result.stdout;
        expect(md.split('\n')[0]).toMatch(/^\*\*Switching to cloud phones\*\* \(`.*after\.journey`\): 18 added, 14 removed, 25 changed, 3 moved$/);
        expect(md).toContain('### Problem or need (`need`)');
        expect(md).toContain('- dana at Notices missed calls (`missed`): -2 -> 0 (better)');
        expect(md).toContain('- dana at the stage: +2 -> +1 (worse)');
        expect(md).toMatch(/\*\*Barriers\*\*\n\n- resolved at Notices missed calls \(`missed`\): `no-visibility` "No missed-call report"/);
        expect(md).toContain('- added at Welcome call (`welcome`): `new-barrier` "Calendar is full"');
        expect(md).toContain('- added at Ports numbers (`port`): `status-page`');
        expect(md).toContain('- removed at Ports numbers (`port`): `self-port`');
        expect(md).toContain('- added: Welcome call (`welcome`)');
        expect(md).toContain('- removed: Old setup call (`legacy-step`)');
        expect(md).toContain('- moved here from `evaluate`: Compares prices (`compare`)');
        expect(md).toContain('### Renewal (`renew`): new stage');
        expect(md).toContain('### Retired stage (`retired`): removed');
        // Sections come in the order of the new map, removed stages last.
        const order = ['### Map', '`need`', '`evaluate`', '`onboard`', '`advocate`', '`renew`', '`retired`'].map(s => md.indexOf(s));
        expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    test('markdown escapes user text', async () => {
        const a = write('m1.journey', 'journey j {\n  stage s {\n    step t "Plain" {\n      emotion 0\n    }\n  }\n}\n');
        const b = write('m2.journey', 'journey j {\n  stage s {\n    step t "<img src=x onerror=alert(1)> *bold* [link](javascript:x)" {\n      emotion 0\n    }\n  }\n}\n');
        const md = (await cli('diff', a, b, '--format', 'markdown')).stdout;
        expect(md).not.toMatch(/(^|[^\\])<img/);
        expect(md).toContain('\\<img');
        expect(md).toContain('\\*bold\\*');
        expect(md).toContain('\\[link\\]');
    });

    test('html: the new map with changes marked, beside the list, no script', async () => {
        const result = await cli('diff', before, after, '--format', 'html');
        expect(result.code).toBe(0);
        const html = result.stdout;
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('<svg');
        expect(html).toContain('data-id="onboard/welcome"');
        expect(html).toContain('class="jd-changes"');
        expect(html).toContain('<li class="jd-moved" title="moved">step compare moved from evaluate to need</li>');
        expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    });

    test('no changes: exit 0, and 0 with --exit-code too', async () => {
        const result = await cli('diff', after, after, '--exit-code');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('No changes to the maps.\n');
        const json = JSON.parse((await cli('diff', after, after, '--format', 'json')).stdout);
        expect(json).toEqual({ changes: [], summary: { added: 0, removed: 0, changed: 0, moved: 0 } });
    });

    test('--exit-code: exit 1 when there are changes', async () => {
        expect((await cli('diff', before, after, '--exit-code')).code).toBe(1);
        expect((await cli('diff', before, after)).code).toBe(0);
    });

    test('a side with syntax errors is reported (file:line:column) and not diffed: exit 1', async () => {
        const broken = write('broken.journey', 'journey j {\n  stage s {\n    step t {\n      emotion "x"\n    }\n  }\n}\n');
        const result = await cli('diff', before, broken, '--format', 'json');
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('broken.journey: syntax errors, not diffed');
        expect(result.stderr).toMatch(/broken\.journey:4:15: /);
        expect(JSON.parse(result.stdout)).toEqual({ changes: [], summary: { added: 0, removed: 0, changed: 0, moved: 0 } });
    });

    test('imports are read from the side they belong to', async () => {
        fs.mkdirSync(path.join(dir, 'old'));
        fs.mkdirSync(path.join(dir, 'new'));
        const map = 'import "people.journey"\n\njourney j {\n  for dana\n\n  stage s {\n    emotion 0\n  }\n}\n';
        fs.writeFileSync(path.join(dir, 'old/people.journey'), 'persona dana "Dana"\n');
        fs.writeFileSync(path.join(dir, 'new/people.journey'), 'persona dana "Dana Smith"\n');
        fs.writeFileSync(path.join(dir, 'old/map.journey'), map);
        fs.writeFileSync(path.join(dir, 'new/map.journey'), map);
        const result = await cli('diff', path.join(dir, 'old/map.journey'), path.join(dir, 'new/map.journey'), '--format', 'json');
        expect(JSON.parse(result.stdout).changes).toEqual([
            { kind: 'changed', element: 'persona', id: 'dana', path: '', field: 'label', before: 'Dana', after: 'Dana Smith' },
        ]);
    });

    test('usage and I/O errors exit 2 with a clear message', async () => {
        const missing = await cli('diff', before, path.join(dir, 'nope.journey'));
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('no such file');
        const one = await cli('diff', before);
        expect(one.code).toBe(2);
        expect(one.stderr).toContain('give two files');
        expect((await cli('diff', before, after, '--format', 'yaml')).code).toBe(2);
        expect((await cli('diff', before, after, '--bogus')).code).toBe(2);
        const folder = await cli('diff', dir, after);
        expect(folder.code).toBe(2);
        expect(folder.stderr).toContain('is a folder');
    });

    test('--help lists the formats and --exit-code', async () => {
        const help = await cli('diff', '--help');
        expect(help.code).toBe(0);
        for (const word of ['--git', 'text', 'markdown', 'json', 'html', '--exit-code']) expect(help.stdout).toContain(word);
    });
});
