import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { journey, tempFolder } from './cli-lint-support.js';
import { everyLane } from './render-support.js';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'schema', 'map-model.schema.json'), 'utf8'));
const examples = path.resolve(__dirname, '..', 'examples');

describe('journey render', () => {
    test('--format json prints the map model, valid against the schema', async () => {
        const run = await journey(['render', path.join(examples, 'phone-switch.journey'), '--format', 'json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const model = JSON.parse(run.stdout);
        expect(new Ajv2020({ strict: true }).validate(schema, model)).toBe(true);
        expect(model.journey.id).toBe('phone-switch');
        expect(model.personas.map((p: { id: string }) => p.id)).toEqual(['dana', 'sam']);
        expect(model.stages.at(-1).steps[0]).toMatchObject({ id: 'advocate', implicit: true });
        // Declared in the imported file: its source is there, and the persona says which file that is.
        expect(model.personas[0]).toMatchObject({ file: 'people.journey', source: { line: 3 } });
    });

    test('--format json names the file of an imported persona relative to the map, and no file for its own', async () => {
        const dir = tempFolder({
            'maps/main.journey': 'import "../shared/people.journey"\npersona own "Own"\njourney j { for p, own stage s { emotion 1 } }\n',
            'shared/people.journey': 'persona p "P"\n',
        });
        const run = await journey(['render', path.join(dir, 'maps', 'main.journey'), '--format', 'json']);
        expect(run.stderr).toBe('');
        const model = JSON.parse(run.stdout);
        expect(new Ajv2020({ strict: true }).validate(schema, model)).toBe(true);
        expect(model.personas.map((p: { id: string; file?: string }) => [p.id, p.file])).toEqual([['p', '../shared/people.journey'], ['own', undefined]]);
    });

    test('svg is the default format, written to stdout', async () => {
        const run = await journey(['render', path.join(examples, 'phone-switch.journey')]);
        expect(run.code).toBe(0);
        expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(run.stdout).toContain('data-id="need/missed"');
    });

    test('-o picks the format from the extension and writes atomically, leaving no temporary file', async () => {
        const dir = tempFolder({ 'map.journey': everyLane });
        for (const [name, check] of [
            ['out.html', (t: string) => t.startsWith('<!DOCTYPE html>') && t.includes('<svg ') && !t.includes('<script')],
            ['out.svg', (t: string) => t.startsWith('<?xml')],
            ['out.json', (t: string) => JSON.parse(t).journey.id === 'shop'],
            ['out.mmd', (t: string) => t.startsWith('journey\n')],
            ['out.md', (t: string) => t.startsWith('# Buying a plan')],
        ] as const) {
            const run = await journey(['render', path.join(dir, 'map.journey'), '-o', path.join(dir, name)]);
            expect(run.code, name).toBe(0);
            expect(run.stdout, name).toBe('');
            expect(check(fs.readFileSync(path.join(dir, name), 'utf8')), name).toBe(true);
        }
        expect(fs.readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });

    test('html is self-contained: inline CSS, no script, no remote resource', async () => {
        const run = await journey(['render', path.join(examples, 'day-in-the-life.journey'), '--format', 'html']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('<style>');
        expect(run.stdout).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    });

    test('png is rasterised without a browser', async () => {
        const dir = tempFolder({});
        const out = path.join(dir, 'map.png');
        const run = await journey(['render', path.join(examples, 'phone-switch.journey'), '--format', 'png', '-o', out, '--scale', '1']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const png = fs.readFileSync(out);
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const svgWidth = Number(/width="(\d+)"/.exec((await journey(['render', path.join(examples, 'phone-switch.journey')])).stdout)![1]);
        expect(png.readUInt32BE(16)).toBe(svgWidth);
        expect(png.readUInt32BE(20)).toBeGreaterThan(300);
    }, 60_000);

    test('png refuses a map too wide to read, with exit 2 and nothing written', async () => {
        const steps = Array.from({ length: 400 }, (_, i) => `step s${i} { action "a" }`).join('\n');
        const dir = tempFolder({ 'wide.journey': `journey j { stage s {\n${steps}\n} }\n` });
        const run = await journey(['render', path.join(dir, 'wide.journey'), '-o', path.join(dir, 'wide.png')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/too large for PNG \(\d+x\d+ px\); use --format svg or html/);
        expect(fs.readdirSync(dir)).toEqual(['wide.journey']);
    }, 60_000);

    test('mermaid and markdown', async () => {
        const mermaid = await journey(['render', path.join(examples, 'phone-switch.journey'), '--format', 'mermaid']);
        expect(mermaid.code).toBe(0);
        expect(mermaid.stdout).toContain('  section Problem or need\n    Notices missed calls: 2: dana, sam\n');
        const markdown = await journey(['render', path.join(examples, 'phone-switch.journey'), '--format', 'markdown']);
        expect(markdown.code).toBe(0);
        expect(markdown.stdout).toContain('## Problem or need');
    });

    test('--hide and --personas reach the renderer', async () => {
        const dir = tempFolder({ 'map.journey': everyLane });
        const run = await journey(['render', path.join(dir, 'map.journey'), '--hide', 'thoughts,evidence', '--personas', 'ben']);
        expect(run.code).toBe(0);
        expect(run.stdout).not.toContain('data-lane="thoughts"');
        expect(run.stdout).toContain('data-lane="actions"');
        expect(run.stdout).toContain('emotion:ben');
        expect(run.stdout).not.toContain('emotion:ana');
    });

    test('errors in the map: diagnostics on stderr, exit 1, nothing written', async () => {
        const dir = tempFolder({ 'bad.journey': 'journey j {\n  stage s {\n    step a { emotion 7 touchpoint nowhere }\n  }\n}\n', 'out.svg': 'old' });
        const run = await journey(['render', path.join(dir, 'bad.journey'), '-o', path.join(dir, 'out.svg')]);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/bad\.journey:3:\d+: Emotion score 7 is out of range.* \[emotion-range\]/);
        expect(run.stderr).toMatch(/bad\.journey:3:\d+: .* \[unresolved-reference\]/);
        expect(fs.readFileSync(path.join(dir, 'out.svg'), 'utf8')).toBe('old');
        expect(fs.readdirSync(dir).sort()).toEqual(['bad.journey', 'out.svg']);
    });

    test('a syntax error in an imported file fails the render and names that file', async () => {
        const dir = tempFolder({ 'main.journey': 'import "people.journey"\njourney j { for p stage s { emotion 1 touchpoint web } }\n', 'people.journey': 'persona p "P"\npersona {\n' });
        const run = await journey(['render', path.join(dir, 'main.journey'), '--format', 'json']);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/people\.journey:\d+:\d+: .*\[syntax-error\]/);
    });

    test('warnings do not stop a render', async () => {
        const dir = tempFolder({ 'warn.journey': 'journey j { stage s { step a { action "x" } } }\n' });
        const run = await journey(['render', path.join(dir, 'warn.journey'), '--format', 'json']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
    });

    test('a file without a journey exits 1', async () => {
        const run = await journey(['render', path.join(examples, 'people.journey')]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('people.journey:1:1: the file holds no journey to render [no-journey]');
    });

    test('usage and I/O problems exit 2', async () => {
        const dir = tempFolder({ 'map.journey': everyLane });
        const map = path.join(dir, 'map.journey');
        const cases: Array<[string[], RegExp]> = [
            [['render'], /expected one FILE/],
            [['render', map, map], /expected one FILE/],
            [['render', map, '--format', 'gif'], /unknown format 'gif'/],
            [['render', path.join(dir, 'missing.journey')], /no such file/],
            [['render', dir], /not a file/],
            [['render', map, '--format', 'png'], /png needs -o/],
            [['render', map, '--hide', 'feelings'], /unknown lane 'feelings'/],
            [['render', map, '--scale', '0', '-o', path.join(dir, 'x.png')], /--scale/],
            [['render', map, '--bogus'], /Unknown option/i],
            [['render', map, '-o', path.join(dir, 'no', 'such', 'dir', 'out.svg')], /Cannot write .*out\.svg \(ENOENT\)/],
        ];
        for (const [args, message] of cases) {
            const run = await journey(args);
            expect(run.code, args.join(' ')).toBe(2);
            expect(run.stderr, args.join(' ')).toMatch(message);
        }
    });

    test('-o writes through a symbolic link, keeps an existing file\'s mode, and leaves no temporary file', async () => {
        const dir = tempFolder({ 'map.journey': everyLane, 'pictures/real.svg': 'old', 'kept.svg': 'old' });
        fs.symlinkSync(path.join(dir, 'pictures', 'real.svg'), path.join(dir, 'link.svg'));
        fs.chmodSync(path.join(dir, 'kept.svg'), 0o640);
        for (const name of ['link.svg', 'kept.svg', 'new.svg']) {
            const run = await journey(['render', path.join(dir, 'map.journey'), '-o', path.join(dir, name)]);
            expect(run.code, run.stderr).toBe(0);
        }
        expect(fs.lstatSync(path.join(dir, 'link.svg')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'pictures', 'real.svg'), 'utf8')).toMatch(/^<\?xml/);
        expect(fs.statSync(path.join(dir, 'kept.svg')).mode & 0o777).toBe(0o640);
        expect(fs.readFileSync(path.join(dir, 'new.svg'), 'utf8')).toMatch(/<\/svg>\n$/);
        expect(fs.readdirSync(dir).sort()).toEqual(['kept.svg', 'link.svg', 'map.journey', 'new.svg', 'pictures']);
        expect(fs.readdirSync(path.join(dir, 'pictures'))).toEqual(['real.svg']);
    });

    test('--help describes the formats', async () => {
        const run = await journey(['render', '--help']);
        expect(run.code).toBe(0);
        for (const word of ['svg', 'html', 'png', 'json', 'mermaid', 'markdown', '-o']) expect(run.stdout).toContain(word);
    });
});
