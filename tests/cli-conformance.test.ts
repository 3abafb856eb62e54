// The CLI checked from outside against the issues: inputs the other CLI tests do not try
// (a BOM, -o onto the input, odd option values, broken config files, a side that does not parse).
import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { ensureBuilt } from './build-support.js';
import { makeFifo } from './robustness-support.js';
import { cleanMap, errorMap, journey, tempFolder } from './cli-lint-support.js';

const BOM = '\uFEFF';

/** A map whose only finding is on line 1: `persona 9` is a syntax error at column 9. */
const brokenFirstLine = 'persona 9 "Ana"\n';

describe('a file that starts with a byte order mark', () => {
    it('lint reports the same columns as without it (editors hide the BOM)', async () => {
        const dir = tempFolder({ 'bom.journey': BOM + brokenFirstLine, 'plain.journey': brokenFirstLine });
        const run = await journey(['lint', '--format', 'json', dir]);
        const report = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ line: number; column: number }> }> };
        const at = (name: string) => report.files.find(f => path.basename(f.path) === name)!.diagnostics.map(d => `${d.line}:${d.column}`);
        expect(at('plain.journey')).toEqual(['1:9']);
        expect(at('bom.journey')).toEqual(at('plain.journey'));
    });

    it('render, fmt and diff name the same column as without it', async () => {
        const dir = tempFolder({ 'bom.journey': BOM + brokenFirstLine, 'ok.journey': cleanMap });
        const file = path.join(dir, 'bom.journey');
        expect((await journey(['render', file])).stderr).toContain('bom.journey:1:9:');
        expect((await journey(['fmt', file])).stderr).toContain('bom.journey:1:9:');
        expect((await journey(['diff', file, path.join(dir, 'ok.journey')])).stderr).toContain('bom.journey:1:9:');
    });

    it('fmt keeps the BOM and calls a canonical file with a BOM formatted', async () => {
        const plain = tempFolder({ 'plain.journey': cleanMap });
        const canonical = (await journey(['fmt', path.join(plain, 'plain.journey')])).stdout;
        const dir = tempFolder({ 'bom.journey': BOM + canonical, 'messy.journey': BOM + cleanMap.replace(/\n {6}/g, '\n ') });
        const file = path.join(dir, 'bom.journey');
        const check = await journey(['fmt', '--check', file]);
        expect(check.code).toBe(0);
        expect((await journey(['fmt', file])).stdout).toBe(BOM + canonical);
        const messy = path.join(dir, 'messy.journey');
        expect((await journey(['fmt', '--write', messy])).code).toBe(0);
        expect(fs.readFileSync(messy, 'utf8')).toBe(BOM + canonical);
    });

    it('a journey.config.json saved with a BOM is read', async () => {
        const dir = tempFolder({ 'journey.config.json': BOM + '{ "rules": { "missing-touchpoint": "off" } }', 'm.journey': cleanMap });
        const run = await journey(['lint', dir]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
    });
});

describe('fmt on text that is not UTF-8', () => {
    it('never rewrites it (its bytes would become U+FFFD) and names the first bad byte', async () => {
        const latin1 = Buffer.from('persona  ana "Ana"\n// caf\xe9 na\xefve\n', 'latin1');
        const dir = tempFolder({ 'latin1.journey': latin1, 'ok.journey': 'persona  bob "Bob"\n' });
        const file = path.join(dir, 'latin1.journey');
        const write = await journey(['fmt', '--write', dir]);
        expect(write.code).toBe(1);
        expect(write.stderr).toContain('latin1.journey:2:7: byte 0xE9 is not UTF-8');
        expect(fs.readFileSync(file).equals(latin1)).toBe(true);
        expect(fs.readFileSync(path.join(dir, 'ok.journey'), 'utf8')).toBe('persona bob "Bob"\n');
        expect((await journey(['fmt', '--check', file])).code).toBe(1);
    });

    it('accepts every well-formed sequence, a BOM and U+FFFD itself', async () => {
        const text = '\uFEFFpersona ana "Ana é ß € 😀 \uFFFD"\n';
        const dir = tempFolder({ 'm.journey': text });
        const run = await journey(['fmt', '--check', path.join(dir, 'm.journey')]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
    });
});

describe('-o never damages the input', () => {
    it('render -o onto the map itself is refused and the map is kept', async () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const file = path.join(dir, 'm.journey');
        for (const out of [file, path.join(dir, '.', 'm.journey')]) {
            const run = await journey(['render', file, '-o', out, '--format', 'svg']);
            expect(run.code).toBe(2);
            expect(run.stderr).toContain('m.journey');
            expect(fs.readFileSync(file, 'utf8')).toBe(cleanMap);
        }
    });

    it('render -o onto a file the map imports is refused', async () => {
        const dir = tempFolder({
            'people.journey': 'persona ana "Ana"\n',
            'm.journey': cleanMap.replace('persona ana "Ana"\n', 'import "people.journey"\n'),
        });
        const run = await journey(['render', path.join(dir, 'm.journey'), '-o', path.join(dir, 'people.journey'), '--format', 'svg']);
        expect(run.code).toBe(2);
        expect(fs.readFileSync(path.join(dir, 'people.journey'), 'utf8')).toBe('persona ana "Ana"\n');
    });

    it('import -o onto the Mermaid file itself is refused and the diagram is kept', async () => {
        const diagram = 'journey\n  title Day\n  section Go\n    Wake: 1: Me\n';
        const dir = tempFolder({ 'd.mmd': diagram });
        const file = path.join(dir, 'd.mmd');
        const run = await journey(['import', file, '-o', file]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('d.mmd');
        expect(fs.readFileSync(file, 'utf8')).toBe(diagram);
    });

    it('render -o into a missing folder names the folder and writes nothing', async () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const run = await journey(['render', path.join(dir, 'm.journey'), '-o', path.join(dir, 'nowhere', 'm.svg')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^journey render: .*nowhere/);
        expect(fs.readdirSync(dir)).toEqual(['m.journey']);
    });
});

describe('option values', () => {
    it('render --personas with an id the map does not have is a usage error, like an unknown lane', async () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const run = await journey(['render', path.join(dir, 'm.journey'), '--personas', 'ana,bob']);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain("unknown persona 'bob'");
        expect((await journey(['render', path.join(dir, 'm.journey'), '--personas', 'ana'])).code).toBe(0);
    });

    it('render -o with an extension that names no format asks for --format instead of writing SVG under that name', async () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const run = await journey(['render', path.join(dir, 'm.journey'), '-o', path.join(dir, 'm.pdf')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/'\.pdf'.*--format/);
        expect(fs.existsSync(path.join(dir, 'm.pdf'))).toBe(false);
        const chosen = await journey(['render', path.join(dir, 'm.journey'), '-o', path.join(dir, 'm.txt'), '--format', 'markdown']);
        expect(chosen.code).toBe(0);
        const bare = await journey(['render', path.join(dir, 'm.journey'), '-o', path.join(dir, 'picture')]);
        expect(bare.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'picture'), 'utf8')).toMatch(/^<\?xml|^<svg/);
    });

    it('render --scale below the smallest readable scale says so, not that the map is too large', async () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const run = await journey(['render', path.join(dir, 'm.journey'), '--scale', '0.1', '-o', path.join(dir, 'm.png')]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--scale');
        expect(run.stderr).not.toContain('too large');
    });
});

describe('arguments after --', () => {
    it('are paths, even when they look like --help or --version', async () => {
        for (const flag of ['--help', '--version']) {
            const run = await journey(['lint', '--', flag]);
            expect(run.code, flag).toBe(2);
            expect(run.stdout, flag).toBe('');
            expect(run.stderr, flag).toContain(`No such file or folder: ${flag}`);
        }
    });
});

describe('a map named on the command line whatever its extension', () => {
    it('is linted, rendered and diffed (docs/cli-lint.md), not an internal error', async () => {
        const dir = tempFolder({ 'notes.txt': errorMap, 'noext': cleanMap, '--help': cleanMap });
        const lint = await journey(['lint', '--format', 'json', path.join(dir, 'notes.txt'), path.join(dir, 'noext'), path.join(dir, '--help')]);
        expect(lint.stderr).toBe('');
        expect(lint.code).toBe(1);
        const report = JSON.parse(lint.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; line: number; column: number }> }> };
        expect(report.files.map(f => f.diagnostics.filter(d => d.rule === 'unresolved-reference').map(d => `${d.line}:${d.column}`)))
            .toEqual([['2:7'], [], []]);
        const render = await journey(['render', path.join(dir, 'noext'), '--format', 'json']);
        expect(render.stderr).toBe('');
        expect(JSON.parse(render.stdout).journey.id).toBe('j');
        const diff = await journey(['diff', path.join(dir, 'noext'), path.join(dir, 'notes.txt'), '--format', 'json']);
        expect(diff.stderr).toBe('');
        expect(JSON.parse(diff.stdout).summary.changed).toBeGreaterThan(0);
    });

    it('an import of a file with another extension is import-not-found, as in the editor', async () => {
        const dir = tempFolder({ 'people.txt': 'persona ana "Ana"\n', 'm.journey': cleanMap.replace('persona ana "Ana"\n', 'import "people.txt"\n') });
        const lint = await journey(['lint', '--format', 'json', path.join(dir, 'm.journey')]);
        expect(lint.stderr).toBe('');
        const rules = (JSON.parse(lint.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; line: number }> }> }).files[0].diagnostics;
        expect(rules).toContainEqual(expect.objectContaining({ rule: 'import-not-found', line: 1 }));
        const diff = await journey(['diff', path.join(dir, 'm.journey'), path.join(dir, 'm.journey')]);
        expect(diff.code).toBe(0);
        expect(diff.stderr).toBe('');
    });
});

describe('an import without its path', () => {
    it('is one syntax error at the end of the line, not also an import of "undefined"', async () => {
        const dir = tempFolder({ 'm.journey': 'import' });
        const run = await journey(['lint', '--format', 'json', path.join(dir, 'm.journey')]);
        const diagnostics = (JSON.parse(run.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; message: string; line: number; column: number }> }> }).files[0].diagnostics;
        expect(diagnostics.map(d => `${d.rule}@${d.line}:${d.column}`)).toEqual(['syntax-error@1:7']);
        expect(run.stdout).not.toContain('undefined');
    });
});

describe('journey new', () => {
    it('refuses a name that is only a folder or a dot (it would write a hidden file that lint skips)', async () => {
        const dir = tempFolder({});
        for (const name of [`${dir}/`, `${dir}/.`, path.join(dir, '.journey'), path.join(dir, '.hidden')]) {
            const run = await journey(['new', name]);
            expect(run.code, name).toBe(2);
            expect(run.stderr, name).toContain('names no map');
        }
        expect(fs.readdirSync(dir)).toEqual([]);
        expect((await journey(['new', path.join(dir, 'onboarding')])).code).toBe(0);
        expect(fs.readdirSync(dir)).toEqual(['onboarding.journey']);
    });
});

describe('journey without a command', () => {
    it('is a usage error: the usage goes to stderr, nothing to stdout, exit 2', async () => {
        const run = await journey([]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('Usage: journey <command>');
        const help = await journey(['--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('Usage: journey <command>');
    });

    it('journey help CMD prints that command\'s help', async () => {
        const run = await journey(['help', 'diff']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe((await journey(['diff', '--help'])).stdout);
        const unknown = await journey(['help', 'paint']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain("unknown command 'paint'");
    });
});

describe('a folder with no maps', () => {
    it('lint and fmt --check pass (exit 0) but say on stderr that they found nothing; stdout stays clean', async () => {
        const dir = tempFolder({ 'notes.md': '# not a map\n' });
        const lint = await journey(['lint', '--format', 'json', dir]);
        expect(lint.code).toBe(0);
        expect(JSON.parse(lint.stdout)).toEqual({ files: [], errorCount: 0, warningCount: 0, infoCount: 0 });
        expect(lint.stderr).toContain(`no .journey files found in ${dir}`);
        const fmt = await journey(['fmt', '--check', dir]);
        expect(fmt.code).toBe(0);
        expect(fmt.stdout).toBe('');
        expect(fmt.stderr).toContain('no .journey files found');
    });
});

describe('--version', () => {
    it('is the version of package.json', async () => {
        const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
        for (const args of [['--version'], ['lint', '--version']]) {
            const run = await journey(args);
            expect(run.code).toBe(0);
            expect(run.stdout).toBe(`${version}\n`);
        }
    });
});

describe('diff --color', () => {
    it('names the option, not a format, when its value is unknown', async () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const file = path.join(dir, 'm.journey');
        const run = await journey(['diff', file, file, '--color', 'sometimes']);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe("journey diff: unknown --color value 'sometimes'; use one of auto, always, never.\n");
    });
});

describe('a broken journey.config.json', () => {
    it('is named with the line and column where the JSON breaks', async () => {
        const dir = tempFolder({ 'journey.config.json': '{\n  "rules": {\n    "emotion-cliff": "off",,\n  }\n}\n', 'm.journey': cleanMap });
        for (const args of [[dir], ['--config', path.join(dir, 'journey.config.json'), path.join(dir, 'm.journey')]]) {
            const run = await journey(['lint', ...args]);
            expect(run.code).toBe(2);
            expect(run.stderr).toMatch(/journey\.config\.json:3:28: invalid JSON/);
        }
    });
});

describe('a journey.config.json with an unknown rule or severity', () => {
    it('is named with the line and column of the offending key', async () => {
        const cases: Array<[string, RegExp]> = [
            ['{\n  "rules": {\n    "emotion-clif": "off"\n  }\n}\n', /journey\.config\.json:3:5: unknown rule 'emotion-clif'/],
            ['{\n  "rules": {\n    "missing-touchpoint": "off",\n      "emotion-cliff": "loud"\n  }\n}\n', /journey\.config\.json:4:7: rule 'emotion-cliff' has severity "loud"/],
            ['{ "rule": {} }', /journey\.config\.json:1:3: unknown key 'rule'/],
        ];
        for (const [config, message] of cases) {
            const dir = tempFolder({ 'journey.config.json': config, 'm.journey': cleanMap });
            const run = await journey(['lint', dir]);
            expect(run.code).toBe(2);
            expect(run.stderr).toMatch(message);
        }
    });
});

describe('diff with a side that does not parse', () => {
    it('does not claim that nothing changed', async () => {
        const dir = tempFolder({ 'old.journey': brokenFirstLine, 'new.journey': cleanMap });
        for (const format of ['text', 'markdown', 'html']) {
            const run = await journey(['diff', path.join(dir, 'old.journey'), path.join(dir, 'new.journey'), '--format', format]);
            expect(run.code).toBe(1);
            expect(run.stderr).toContain('old.journey:1:9:');
            expect(run.stdout).not.toContain('No changes');
            expect(run.stdout).toMatch(/not compared/i);
        }
    });
});

describe('unexpected failures', () => {
    /** Runs the CLI with standard input replaced by a stream that fails while it is read. */
    async function withFailingStdin(args: string[], error: Error) {
        const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
        const failing = { async *[Symbol.asyncIterator]() { yield Buffer.from('persona '); throw error; } };
        Object.defineProperty(process, 'stdin', { value: failing, configurable: true });
        try {
            return await journey(args);
        } finally {
            Object.defineProperty(process, 'stdin', original);
        }
    }

    it('an unreadable standard input is an I/O error (exit 2) without a stack trace', async () => {
        const error = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
        const run = await withFailingStdin(['fmt', '-'], error);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^journey fmt: cannot read standard input \(EISDIR\)/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('an internal error names the command and the error, never a stack trace', async () => {
        const run = await withFailingStdin(['fmt', '--check', '-'], new TypeError('something broke'));
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('something broke');
        expect(run.stderr).toMatch(/^journey fmt: /);
        expect(run.stderr).not.toMatch(/\n\s+at /);
    });
});

describe('the built CLI', () => {
    const bin = path.resolve('bin/journey.cjs');
    beforeAll(() => ensureBuilt('out/cli.cjs'), 120_000);

    it('fmt - with a folder as standard input is an I/O error, not an empty formatted file', () => {
        const dir = tempFolder({ 'm.journey': cleanMap });
        const folder = fs.openSync(dir, 'r');
        try {
            const result = spawnSync(process.execPath, [bin, 'fmt', '--check', '-'], { stdio: [folder, 'pipe', 'pipe'], encoding: 'utf8', timeout: 20_000 });
            expect(result.status).toBe(2);
            expect(result.stderr).toMatch(/standard input is a folder/);
        } finally {
            fs.closeSync(folder);
        }
    });

    it('never blocks on a named pipe or a device: diff, import and --config refuse them (exit 2), an import of one is not read', () => {
        const dir = tempFolder({
            'm.journey': 'import "pipe.journey"\nimport "zero.journey"\njourney j "J" { }\n',
            'ok.journey': cleanMap,
        });
        makeFifo(path.join(dir, 'pipe.journey'));
        makeFifo(path.join(dir, 'pipe.mmd'));
        makeFifo(path.join(dir, 'pipe.json'));
        fs.symlinkSync('/dev/zero', path.join(dir, 'zero.journey'));
        const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        const diffImports = run(['diff', 'm.journey', 'm.journey']);
        expect(diffImports.signal).toBeNull();
        expect(diffImports.status).toBe(0);
        for (const args of [['diff', 'pipe.journey', 'ok.journey'], ['diff', 'ok.journey', 'zero.journey'], ['import', 'pipe.mmd'], ['lint', '--config', 'pipe.json', 'ok.journey']]) {
            const result = run(args);
            expect(result.signal, args.join(' ')).toBeNull();
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).toMatch(/pipe|zero/);
        }
    }, 60_000);

    it('names a file such as ..x.journey relative to the working folder, as GitHub needs for annotations', () => {
        const dir = tempFolder({ '..x.journey': errorMap });
        const run = (format: string) => spawnSync(process.execPath, [bin, 'lint', '--format', format, '..x.journey'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        expect(run('github').stdout).toMatch(/^::error file=\.\.x\.journey,line=2,col=7,/);
        expect(JSON.parse(run('json').stdout).files[0].path).toBe('..x.journey');
        const sarif = JSON.parse(run('sarif').stdout);
        expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: '..x.journey', uriBaseId: '%SRCROOT%' });
    });

    it('diff --git takes a map named ..x.journey at the top of the repository (and its imports) as inside it', () => {
        const dir = tempFolder({ '..x.journey': 'import "..people.journey"\n' + cleanMap.replace('persona ana "Ana"\n', ''), '..people.journey': 'persona ana "Ana"\n' });
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'maps');
        fs.writeFileSync(path.join(dir, '..x.journey'), fs.readFileSync(path.join(dir, '..x.journey'), 'utf8').replace('emotion 1', 'emotion -1'));
        const run = spawnSync(process.execPath, [bin, 'diff', '--git', 'HEAD', '..x.journey', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const changes = JSON.parse(run.stdout).changes as Array<{ element: string; persona: string; before: number; after: number }>;
        expect(changes).toEqual([expect.objectContaining({ element: 'emotion', persona: 'ana', before: 1, after: -1 })]);
    });

    it('diff --git compares a map, not the path a committed symbolic link to it holds', () => {
        const dir = tempFolder({ 'real.journey': cleanMap });
        fs.symlinkSync('real.journey', path.join(dir, 'link.journey'));
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'maps');
        fs.writeFileSync(path.join(dir, 'real.journey'), cleanMap.replace('emotion 1', 'emotion 2'));
        const run = spawnSync(process.execPath, [bin, 'diff', '--git', 'HEAD', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const changes = JSON.parse(run.stdout).changes as Array<{ file: string; element: string; after: number }>;
        expect(changes).toEqual([expect.objectContaining({ file: 'real.journey', element: 'emotion', after: 2 })]);
    });

    it('concurrent fmt --write runs on one folder leave every file formatted and no temporary file behind', async () => {
        const messy = cleanMap.replace(/\n {6}/g, '\n ');
        const files: Record<string, string> = {};
        for (let i = 0; i < 6; i++) files[`m${i}.journey`] = messy;
        const dir = tempFolder(files);
        const once = () => new Promise<number | null>(resolve => {
            spawn(process.execPath, [bin, 'fmt', '--write', dir], { stdio: 'ignore' }).on('close', resolve);
        });
        const codes = await Promise.all([once(), once(), once()]);
        expect(codes).toEqual([0, 0, 0]);
        const canonical = spawnSync(process.execPath, [bin, 'fmt', path.join(dir, 'm0.journey')], { encoding: 'utf8' }).stdout;
        expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
        for (const name of Object.keys(files)) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(canonical);
        const again = spawnSync(process.execPath, [bin, 'fmt', '--write', dir], { encoding: 'utf8' });
        expect(again.status).toBe(0);
        expect(again.stdout).toBe(''); // idempotent: nothing left to rewrite
    }, 60_000);
});
