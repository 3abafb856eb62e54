import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { cleanMap, errorMap, journey, tempFolder, warningMap } from './cli-lint-support.js';

describe('journey lint: exit codes', () => {
    it('exits 0 on a clean map and prints a summary', async () => {
        const dir = tempFolder({ 'clean.journey': cleanMap });
        const run = await journey(['lint', dir]);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('0 problems (0 errors, 0 warnings, 0 info) in 1 file\n');
    });

    it('exits 0 when there are warnings only, and 1 when there is an error', async () => {
        const dir = tempFolder({ 'warn.journey': warningMap, 'bad.journey': errorMap });
        expect((await journey(['lint', path.join(dir, 'warn.journey')])).code).toBe(0);
        expect((await journey(['lint', path.join(dir, 'bad.journey')])).code).toBe(1);
        expect((await journey(['lint', dir])).code).toBe(1);
    });

    it('--max-warnings N exits 1 only above N', async () => {
        const file = path.join(tempFolder({ 'warn.journey': warningMap }), 'warn.journey');
        expect((await journey(['lint', file, '--max-warnings', '2'])).code).toBe(0);
        const over = await journey(['lint', file, '--max-warnings', '1']);
        expect(over.code).toBe(1);
        expect(over.stderr).toContain('2 warnings, more than --max-warnings 1');
        expect((await journey(['lint', file, '--max-warnings=0'])).code).toBe(1);
    });

    it('exits 2 and names a missing path', async () => {
        const dir = tempFolder({ 'clean.journey': cleanMap });
        const missing = path.join(dir, 'no-such-map.journey');
        const run = await journey(['lint', dir, missing, '--format', 'json']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(missing);
        expect(run.stdout).toBe('');
    });

    it.each([
        [['--format', 'xml'], "unknown format 'xml'"],
        [['--max-warnings', 'lots'], '--max-warnings needs a whole number'],
        [['--max-warnings', '-1'], '--max-warnings'],
        [['--no-such-option'], "Unknown option '--no-such-option'"],
    ])('exits 2 on bad usage %j', async (args, message) => {
        const dir = tempFolder({ 'clean.journey': cleanMap });
        const run = await journey(['lint', dir, ...args]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(message);
    });

    it('--help and --version', async () => {
        const help = await journey(['lint', '--help']);
        expect(help.code).toBe(0);
        for (const option of ['--format', 'stylish', 'json', 'sarif', 'github', '--config', '--max-warnings', '--quiet']) {
            expect(help.stdout).toContain(option);
        }
        const top = await journey(['--help']);
        expect(top.code).toBe(0);
        expect(top.stdout).toMatch(/^\s+lint\s/m);
        const version = await journey(['--version']);
        expect(version.code).toBe(0);
        expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
        const lintVersion = await journey(['lint', '--version']);
        expect(lintVersion.code).toBe(0);
        expect(lintVersion.stdout).toBe(version.stdout);
    });
});

describe('journey lint: stylish', () => {
    it('prints path:line:col  severity  message  rule, grouped by file, and a summary', async () => {
        const dir = tempFolder({ 'a-bad.journey': errorMap, 'b-warn.journey': warningMap, 'c-clean.journey': cleanMap });
        const run = await journey(['lint', dir]);
        const bad = path.join(dir, 'a-bad.journey');
        const warn = path.join(dir, 'b-warn.journey');
        const lines = run.stdout.split('\n');
        // Headers in file order; a clean file has no group.
        expect(lines.filter(l => l === bad || l === warn)).toEqual([bad, warn]);
        expect(run.stdout).not.toContain('c-clean.journey');
        expect(run.stdout).toContain(`  ${bad}:2:7  error    Unknown persona 'nobody'`);
        expect(run.stdout).toMatch(new RegExp(`  ${escape(warn)}:6:5  warning  .+  missing-touchpoint\\n`));
        expect(run.stdout).toMatch(new RegExp(`  ${escape(warn)}:9:5  warning  .+  missing-emotion\\n`));
        expect(lines.at(-2)).toBe('3 problems (1 error, 2 warnings, 0 info) in 3 files');
        // Not a terminal: no colour codes.
        expect(run.stdout).not.toContain('\u001b[');
    });
});

describe('journey lint: json', () => {
    it('prints only the report object, 1-based, with rule ids and counts', async () => {
        const dir = tempFolder({ 'bad.journey': errorMap, 'warn.journey': warningMap });
        const run = await journey(['lint', dir, '--format', 'json']);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout);
        expect(Object.keys(report)).toEqual(['files', 'errorCount', 'warningCount', 'infoCount']);
        expect(report.files.map((f: { path: string }) => f.path)).toEqual([path.join(dir, 'bad.journey'), path.join(dir, 'warn.journey')]);
        const [unresolved] = report.files[0].diagnostics;
        expect(unresolved).toEqual({
            rule: 'unresolved-reference', severity: 'error', message: expect.stringContaining("'nobody'"),
            line: 2, column: 7, endLine: 2, endColumn: 13,
        });
        expect(report.files[1].diagnostics.map((d: { rule: string; line: number }) => `${d.rule}@${d.line}`))
            .toEqual(['missing-touchpoint@6', 'missing-emotion@9']);
        expect([report.errorCount, report.warningCount, report.infoCount]).toEqual([1, 2, 0]);
    });

    it('lists clean files with no diagnostics', async () => {
        const dir = tempFolder({ 'clean.journey': cleanMap });
        const report = JSON.parse((await journey(['lint', dir, '--format=json'])).stdout);
        expect(report).toEqual({ files: [{ path: path.join(dir, 'clean.journey'), diagnostics: [] }], errorCount: 0, warningCount: 0, infoCount: 0 });
    });

    it('--quiet keeps errors only', async () => {
        const dir = tempFolder({ 'bad.journey': errorMap, 'warn.journey': warningMap });
        const run = await journey(['lint', dir, '--format', 'json', '--quiet']);
        const report = JSON.parse(run.stdout);
        expect(report.files.flatMap((f: { diagnostics: Array<{ severity: string }> }) => f.diagnostics.map(d => d.severity))).toEqual(['error']);
        expect([report.errorCount, report.warningCount, report.infoCount]).toEqual([1, 0, 0]);
        expect(run.code).toBe(1);
    });
});

describe('journey lint: files, folders, imports and config', () => {
    it('searches folders recursively for *.journey, skipping hidden folders and node_modules', async () => {
        const dir = tempFolder({
            'top.journey': cleanMap,
            'nested/deeper/inner.journey': cleanMap,
            'notes.md': '# not a map',
            '.hidden/skip.journey': errorMap,
            'node_modules/dep/skip.journey': errorMap,
        });
        const report = JSON.parse((await journey(['lint', dir, '--format', 'json'])).stdout);
        expect(report.files.map((f: { path: string }) => path.relative(dir, f.path)).sort())
            .toEqual([path.join('nested', 'deeper', 'inner.journey'), 'top.journey']);
        expect(report.errorCount).toBe(0);
    });

    it('follows imports so references resolve, and reports only the named files', async () => {
        const dir = tempFolder({
            'people.journey': 'persona ana "Ana"\nteam ops "Ops"\npersona unused-person "U"\n',
            'main.journey': cleanMap.replace('persona ana "Ana"\nteam ops "Ops"\n', 'import "people.journey"\n'),
        });
        const run = await journey(['lint', path.join(dir, 'main.journey'), '--format', 'json']);
        const report = JSON.parse(run.stdout);
        expect(report.files).toEqual([{ path: path.join(dir, 'main.journey'), diagnostics: [] }]);
        expect(run.code).toBe(0);
    });

    it('uses the nearest journey.config.json, and --config FILE instead', async () => {
        const dir = tempFolder({
            'maps/warn.journey': warningMap,
            'journey.config.json': JSON.stringify({ rules: { 'missing-emotion': 'error' } }),
            'quiet.json': JSON.stringify({ rules: { 'missing-emotion': 'off', 'missing-touchpoint': 'off' } }),
        });
        const nearest = JSON.parse((await journey(['lint', path.join(dir, 'maps'), '--format', 'json'])).stdout);
        expect([nearest.errorCount, nearest.warningCount]).toEqual([1, 1]);
        const explicit = await journey(['lint', path.join(dir, 'maps'), '--format', 'json', '--config', path.join(dir, 'quiet.json')]);
        expect(JSON.parse(explicit.stdout).files[0].diagnostics).toEqual([]);
        expect(explicit.code).toBe(0);
    });

    it('exits 2 on a broken or missing --config file, naming it', async () => {
        const dir = tempFolder({ 'a.journey': cleanMap, 'bad.json': '{ "rules": { "no-such-rule": "off" } }', 'broken.json': '{ nope' });
        for (const config of ['bad.json', 'broken.json', 'missing.json']) {
            const run = await journey(['lint', dir, '--config', path.join(dir, config)]);
            expect(run.code).toBe(2);
            expect(run.stderr).toContain(path.join(dir, config));
        }
    });

    it('exits 2 on a broken nearest journey.config.json, naming it', async () => {
        const dir = tempFolder({ 'maps/a.journey': cleanMap, 'journey.config.json': '{ "rules": { "missing-emotion": "loud" } }' });
        const run = await journey(['lint', path.join(dir, 'maps')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(path.join(dir, 'journey.config.json'));
        expect(run.stdout).toBe('');
    });
});

describe('journey lint: progress', () => {
    const many = () => tempFolder(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`map-${String(i).padStart(2, '0')}.journey`, cleanMap])));

    it('shows progress on stderr on a terminal and erases it', async () => {
        const run = await journey(['lint', many(), '--format', 'json'], { isTTY: true });
        expect(run.stderr).toContain('Checking 25/25 files');
        expect(run.stderr.endsWith('\r\u001b[K')).toBe(true);
        expect(JSON.parse(run.stdout).files).toHaveLength(25);
    });

    it('stays silent when stderr is not a terminal', async () => {
        const run = await journey(['lint', many()]);
        expect(run.stderr).toBe('');
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Keep fixtures honest: the clean map really is clean under every default rule.
it('fixture sanity: the clean map has no diagnostics', async () => {
    const dir = tempFolder({ 'clean.journey': cleanMap });
    expect(JSON.parse((await journey(['lint', dir, '--format', 'json'])).stdout).files[0].diagnostics).toEqual([]);
});
