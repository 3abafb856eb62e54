import { beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './build-support.js';
import { cleanMap, errorMap, tempFolder, warningMap } from './cli-lint-support.js';

const bin = path.resolve('bin/journey.cjs');
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('the built journey CLI', () => {
    beforeAll(() => ensureBuilt('out/cli.cjs'), 120_000);

    it('lints a folder: stylish output and exit 1 on errors', () => {
        const dir = tempFolder({ 'bad.journey': errorMap, 'warn.journey': warningMap });
        const result = run(['lint', '.'], dir);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('bad.journey:2:7  error    Unknown persona');
        expect(result.stdout).toContain('3 problems (1 error, 2 warnings, 0 info) in 2 files');
        expect(result.stderr).toBe(''); // stderr is a pipe: no progress
    });

    it('writes only JSON to stdout and exits 0 on a clean map', () => {
        const dir = tempFolder({ 'clean.journey': cleanMap });
        const result = run(['lint', '--format', 'json', 'clean.journey'], dir);
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual({ files: [{ path: 'clean.journey', diagnostics: [] }], errorCount: 0, warningCount: 0, infoCount: 0 });
    });

    it('exits 2 and names a missing path; --version and --help work', () => {
        const missing = run(['lint', 'nowhere/at-all.journey']);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('nowhere/at-all.journey');
        const version = run(['--version']);
        expect(version.status).toBe(0);
        expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
        const help = run(['lint', '--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('Usage: journey lint');
    });
});
