import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey as runJourney } from './helpers.js';

const cli = (...args: string[]) => runJourney(args);

const journey = (stages: string) => `persona dana "Dana"\n\njourney j "J" {\n  for dana\n${stages}}\n`;
const stage = (id: string, score: number) => `\n  stage ${id} {\n    touchpoint web\n    emotion ${score}\n  }\n`;

let repo: string;
let outside: string;
const cwd = process.cwd();
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    fs.writeFileSync(path.join(repo, name), text);
};

beforeAll(() => {
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'journey-git-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'journey-nogit-')));
    git('init', '-q', '-b', 'main');
    write('maps/kept.journey', journey(stage('a', 0)));
    write('maps/removed.journey', journey(stage('gone', 1)));
    write('maps/same.journey', journey(stage('x', 0)));
    write('other/elsewhere.journey', journey(stage('e', 0)));
    write('lib/people.journey', 'persona dana "Dana"\n');
    write('maps/uses-lib.journey', 'import "../lib/people.journey"\n\njourney u {\n  for dana\n\n  stage s {\n    emotion 0\n  }\n}\n');
    write('.gitignore', 'ignored/\n');
    write('spaced/a map ü.journey', journey(stage('s', -2)));
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    // The work tree: one map changed, one removed, one added (untracked), one ignored, an import changed.
    write('maps/kept.journey', journey(stage('a', 2)));
    fs.rmSync(path.join(repo, 'maps/removed.journey'));
    write('maps/added.journey', journey(stage('new', -1)));
    write('ignored/skip.journey', journey(stage('i', 0)));
    write('lib/people.journey', 'persona dana "Dana Smith"\n');
    write('other/elsewhere.journey', journey(stage('e', 1)));
    write('spaced/a map ü.journey', journey(stage('s', -1)));
    process.chdir(repo);
});

afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
});

describe('journey diff --git REV [paths...]', () => {
    test('compares every map under a path with the work tree, added and removed files included', async () => {
        const result = await cli('diff', '--git', 'main', 'maps', '--format', 'json');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout) as { changes: Array<Record<string, unknown>>; summary: unknown };
        const files = [...new Set(json.changes.map(c => c.file))];
        expect(files).toEqual(['maps/added.journey', 'maps/kept.journey', 'maps/removed.journey', 'maps/uses-lib.journey']);
        expect(json.changes).toContainEqual({ file: 'maps/kept.journey', kind: 'changed', element: 'emotion', id: 'dana', path: 'a', field: 'score', persona: 'dana', before: 0, after: 2 });
        expect(json.changes).toContainEqual(expect.objectContaining({ file: 'maps/added.journey', kind: 'added', element: 'journey', id: 'j' }));
        expect(json.changes).toContainEqual(expect.objectContaining({ file: 'maps/removed.journey', kind: 'removed', element: 'stage', id: 'gone' }));
        // The import is read at the revision on the old side: the persona's new label shows.
        expect(json.changes).toContainEqual({ file: 'maps/uses-lib.journey', kind: 'changed', element: 'persona', id: 'dana', path: '', field: 'label', before: 'Dana', after: 'Dana Smith' });
    });

    test('the default is the whole repository; ignored files are left out', async () => {
        const result = await cli('diff', '--git', 'HEAD', '--format', 'json');
        const files = new Set((JSON.parse(result.stdout) as { changes: Array<{ file: string }> }).changes.map(c => c.file));
        expect(files).toContain('other/elsewhere.journey');
        expect(files).not.toContain('ignored/skip.journey');
        expect(files).not.toContain('maps/same.journey');
    });

    test('a file of shared personas is compared too: it has no journey, but its declarations changed', async () => {
        const result = await cli('diff', '--git', 'main', 'lib', '--format', 'json');
        expect(JSON.parse(result.stdout).changes).toEqual([
            { file: 'lib/people.journey', kind: 'changed', element: 'persona', id: 'dana', path: '', field: 'label', before: 'Dana', after: 'Dana Smith' },
        ]);
    });

    test('file names with spaces and non-ASCII letters are read at the revision', async () => {
        const result = await cli('diff', '--git', 'HEAD', 'spaced', '--format', 'json');
        expect(JSON.parse(result.stdout).changes).toEqual([
            { file: 'spaced/a map ü.journey', kind: 'changed', element: 'emotion', id: 'dana', path: 's', field: 'score', persona: 'dana', before: -2, after: -1 },
        ]);
    });

    test('markdown: a summary over all maps, then a section per map', async () => {
        const result = await cli('diff', '--git', 'main', 'maps', '--format', 'markdown');
        expect(result.stdout.split('\n')[0]).toMatch(/^\*\*4 maps changed\*\*: \d+ added, \d+ removed, \d+ changed, 0 moved$/);
        expect(result.stdout).toContain('## maps/kept.journey');
        expect(result.stdout).toContain('- dana at the stage: 0 -> +2 (better)');
        expect(result.stdout).toContain('(`maps/added.journey`): new map');
    });

    test('text names each side with the revision', async () => {
        const result = await cli('diff', '--git', 'main', 'maps/kept.journey');
        expect(result.stdout).toContain('--- main:maps/kept.journey\n+++ maps/kept.journey\n');
        expect(result.stdout).toContain('1 map changed: 0 added, 0 removed, 1 changed, 0 moved');
    });

    test('--exit-code: 1 with changes, 0 without', async () => {
        expect((await cli('diff', '--git', 'main', 'maps', '--exit-code')).code).toBe(1);
        expect((await cli('diff', '--git', 'main', 'maps/same.journey', '--exit-code')).code).toBe(0);
    });

    test('a file with syntax errors in the work tree is reported, the others still diffed', async () => {
        write('maps/kept.journey', 'journey j {\n  stage a {\n    emotion\n  }\n}\n');
        try {
            const result = await cli('diff', '--git', 'main', 'maps', '--format', 'json');
            expect(result.code).toBe(1);
            expect(result.stderr).toContain('maps/kept.journey: syntax errors, not diffed');
            expect(result.stderr).toMatch(/maps\/kept\.journey:4:3: /);
            const files = new Set((JSON.parse(result.stdout) as { changes: Array<{ file: string }> }).changes.map(c => c.file));
            expect(files).not.toContain('maps/kept.journey');
            expect(files).toContain('maps/added.journey');
        } finally {
            write('maps/kept.journey', journey(stage('a', 2)));
        }
    });

    test('a bad revision is a usage error (exit 2)', async () => {
        const result = await cli('diff', '--git', 'no-such-branch');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("unknown revision 'no-such-branch'");
        expect((await cli('diff', '--git', '--upload-pack=evil')).code).toBe(2);
    });

    test('outside a git repository is a usage error (exit 2)', async () => {
        process.chdir(outside);
        try {
            const result = await cli('diff', '--git', 'HEAD');
            expect(result.code).toBe(2);
            expect(result.stderr).toContain('is not inside a git repository');
        } finally {
            process.chdir(repo);
        }
    });

    test('a path that names nothing, in the work tree or at the revision, is a usage error', async () => {
        const result = await cli('diff', '--git', 'HEAD', 'no-such-folder');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('no such file or folder, in the work tree or at HEAD');
        // A removed file is still a valid path: it exists at the revision.
        const removed = await cli('diff', '--git', 'HEAD', 'maps/removed.journey', '--format', 'json');
        expect(removed.code).toBe(0);
        expect(JSON.parse(removed.stdout).summary.removed).toBeGreaterThan(0);
    });

    test('a path outside the repository is a usage error', async () => {
        const result = await cli('diff', '--git', 'HEAD', outside);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('outside the repository');
    });
});
