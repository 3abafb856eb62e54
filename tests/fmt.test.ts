import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { formatStream } from '../src/cli/fmt.js';
import { journey } from './helpers.js';

const cli = (...args: string[]) => journey(args);

const ugly = 'persona dana "Dana"\njourney x "X" {  for dana\n stage a { step b { // first step\n emotion 1 "ok"   /* keep */\n touchpoint web }}}\n';
const canonical = [
    'persona dana "Dana"',
    '',
    'journey x "X" {',
    '  for dana',
    '',
    '  stage a {',
    '    step b { // first step',
    '      emotion 1 "ok" /* keep */',
    '      touchpoint web',
    '    }',
    '  }',
    '}',
    '',
].join('\n');
const broken = 'journey x {\n  stage a {\n    step b {\n      emotion "oops"\n    }\n  }\n}\n';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-fmt-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });
const write = (name: string, text: string, mode = 0o644) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { mode });
    fs.chmodSync(file, mode);
    return file;
};

describe('journey fmt', () => {
    test('prints the formatted text without a flag, keeping comments', async () => {
        const file = write('a.journey', ugly);
        const result = await cli('fmt', file);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('// first step');
        expect(result.stdout).toContain('/* keep */');
        expect(result.stdout).toBe(canonical);
        expect(fs.readFileSync(file, 'utf8')).toBe(ugly); // printing never writes
    });

    test('formatting is idempotent', async () => {
        const once = (await cli('fmt', write('a.journey', ugly))).stdout;
        const twice = (await cli('fmt', write('b.journey', once))).stdout;
        expect(twice).toBe(once);
    });

    test('--check lists the files not in canonical form and exits 1', async () => {
        const a = write('a.journey', ugly);
        write('sub/b.journey', canonical);
        const result = await cli('fmt', '--check', dir);
        expect(result.code).toBe(1);
        expect(result.stdout.trim().split('\n')).toEqual([a]);
        expect(result.stderr).toContain('1 file is not formatted');
    });

    test('--check exits 0 when every file is canonical', async () => {
        write('a.journey', canonical);
        const result = await cli('fmt', '--check', dir);
        expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('--write rewrites atomically, keeps the mode and leaves no temporary file', async () => {
        const a = write('a.journey', ugly, 0o640);
        const b = write('b.journey', canonical);
        const bTime = fs.statSync(b).mtimeMs;
        const result = await cli('fmt', '--write', dir);
        expect(result.code).toBe(0);
        expect(result.stdout.trim()).toBe(a);
        expect(fs.readFileSync(a, 'utf8')).toBe(canonical);
        expect(fs.statSync(a).mode & 0o777).toBe(0o640);
        expect(fs.statSync(b).mtimeMs).toBe(bTime); // canonical files are not touched
        expect(fs.readdirSync(dir).sort()).toEqual(['a.journey', 'b.journey']);
        expect((await cli('fmt', '--check', dir)).code).toBe(0);
    });

    test('--write follows a symbolic link and keeps it a link', async () => {
        const real = write('real.journey', ugly);
        const link = path.join(dir, 'link.journey');
        fs.symlinkSync(real, link);
        await cli('fmt', '--write', link);
        expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(real, 'utf8')).toBe(canonical);
    });

    test('never touches a file with syntax errors and reports them with line and column (exit 1)', async () => {
        const bad = write('bad.journey', broken);
        const good = write('good.journey', ugly);
        const result = await cli('fmt', '--write', dir);
        expect(result.code).toBe(1);
        expect(fs.readFileSync(bad, 'utf8')).toBe(broken);
        expect(fs.readFileSync(good, 'utf8')).toBe(canonical);
        expect(result.stderr).toContain(`${bad}: syntax errors, not formatted`);
        expect(result.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:15: `));
    });

    test('--check and print report syntax errors with exit 1', async () => {
        const bad = write('bad.journey', broken);
        expect((await cli('fmt', '--check', bad)).code).toBe(1);
        const printed = await cli('fmt', bad);
        expect(printed.code).toBe(1);
        expect(printed.stdout).toBe('');
    });

    test('usage errors exit 2: both flags, a missing path, an unknown flag', async () => {
        expect((await cli('fmt', '--check', '--write', dir)).code).toBe(2);
        const missing = await cli('fmt', path.join(dir, 'nope.journey'));
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('No such file or folder');
        expect((await cli('fmt', '--frobnicate')).code).toBe(2);
    });

    test("'journey fmt -' formats standard input", async () => {
        let stdout = '';
        let stderr = '';
        const io = { stdout: (t: string) => { stdout += t; }, stderr: (t: string) => { stderr += t; }, isTTY: false };
        expect(await formatStream(Readable.from([ugly.slice(0, 20), ugly.slice(20)]), 'print', io)).toBe(0);
        expect(stdout).toBe(canonical);
        stdout = '';
        expect(await formatStream(Readable.from([ugly]), 'check', io)).toBe(1);
        expect(stdout).toBe('<stdin>\n');
        expect(await formatStream(Readable.from([broken]), 'print', io)).toBe(1);
        expect(stderr).toContain('<stdin>:4:15: ');
        expect((await cli('fmt', '--write', '-')).code).toBe(2);
    });

    test('--help describes the flags', async () => {
        const result = await cli('fmt', '--help');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('--check');
        expect(result.stdout).toContain('--write');
    });
});
