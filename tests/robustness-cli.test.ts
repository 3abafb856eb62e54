import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { journey, tempFolder } from './cli-lint-support.js';
import {
    binaryJunk, cycleA, cycleB, fifoImport, folderImport, longMap, makeDanglingLink, makeFifo, makeFolder, missingImport, unbalancedBraces,
} from './robustness-support.js';

interface Report { files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number; severity: string }> }>; errorCount: number }

async function lintJson(args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
    const run = await journey(['lint', '--format', 'json', ...args]);
    return { code: run.code, report: run.stdout ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
}

const rulesOf = (report: Report, name: string) =>
    report.files.find(f => path.basename(f.path) === name)!.diagnostics.map(d => d.rule);

describe('journey lint on bad input', () => {
    it('reports binary junk as syntax errors', async () => {
        const dir = tempFolder({ 'junk.journey': binaryJunk() });
        const { code, report } = await lintJson([dir]);
        expect(code).toBe(1);
        const rules = rulesOf(report, 'junk.journey');
        expect(rules.length).toBeGreaterThan(0);
        expect(new Set(rules)).toEqual(new Set(['syntax-error']));
    });

    it('checks a 50,000-line map', async () => {
        const text = longMap(50_000);
        expect(text.split('\n').length).toBeGreaterThanOrEqual(50_000);
        const dir = tempFolder({ 'long.journey': text.replace('touchpoint web "Page 3"', 'touchpoint nowhere "Page 3"') });
        const { code, report } = await lintJson([dir]);
        expect(code).toBe(1);
        expect(report.files[0].diagnostics.map(d => `${d.rule}@${d.line}`)).toEqual(['unresolved-reference@19']);
    }, 60_000);

    it('reports unbalanced braces and checks what it can', async () => {
        const dir = tempFolder({ 'braces.journey': unbalancedBraces });
        const { code, report } = await lintJson([dir]);
        expect(code).toBe(1);
        const rules = rulesOf(report, 'braces.journey');
        expect(rules).toContain('syntax-error');
    });

    it('follows an import cycle without looping', async () => {
        const dir = tempFolder({ 'cycle-a.journey': cycleA, 'cycle-b.journey': cycleB });
        const { code, report } = await lintJson([path.join(dir, 'cycle-a.journey')]);
        expect(rulesOf(report, 'cycle-a.journey')).toEqual([]);
        expect(code).toBe(0);
        const self = tempFolder({ 'self.journey': 'import "self.journey"\npersona ana "Ana"\n' });
        expect((await lintJson([self])).report.files[0].diagnostics.map(d => d.rule)).toEqual(['unused-declaration']);
    });

    it('reports imports of a missing file, a folder and a named pipe as import-not-found', async () => {
        const dir = tempFolder({ 'missing.journey': missingImport, 'folder.journey': folderImport, 'fifo.journey': fifoImport });
        makeFolder(path.join(dir, 'a-folder.journey', 'inner'));
        makeFifo(path.join(dir, 'pipe.journey'));
        // The pipe sits in the folder too: a folder search skips it rather than block on reading it.
        const { code, report } = await lintJson([dir]);
        expect(code).toBe(1);
        expect(report.files.map(f => path.relative(dir, f.path))).toEqual(['fifo.journey', 'folder.journey', 'missing.journey']);
        for (const name of ['missing.journey', 'folder.journey', 'fifo.journey']) {
            expect(rulesOf(report, name)).toContain('import-not-found');
        }
    });

    it('names an unreadable path and exits 2: a pipe, a dangling link, a missing file', async () => {
        const dir = tempFolder({ 'ok.journey': 'persona ana "Ana"\n' });
        makeFifo(path.join(dir, 'pipe.journey'));
        makeDanglingLink(path.join(dir, 'dangling.journey'));
        for (const name of ['pipe.journey', 'dangling.journey', 'gone.journey']) {
            const { code, stderr } = await lintJson([path.join(dir, name)]);
            expect(code).toBe(2);
            expect(stderr).toContain(path.join(dir, name));
        }
        // In a folder search, the pipe and the dangling link are not maps and are skipped.
        const { code, report } = await lintJson([dir]);
        expect(code).toBe(0);
        expect(report.files.map(f => path.basename(f.path))).toEqual(['ok.journey']);
    });

    it('handles an empty file, a byte-order mark and CRLF line ends', async () => {
        const crlf = 'persona ana "Ana"\r\n\r\njourney j "J" {\r\n  for ana\r\n  stage s "S" {\r\n    step a "A" {\r\n      emotion 1\r\n    }\r\n  }\r\n}\r\n';
        const dir = tempFolder({ 'empty.journey': '', 'bom.journey': '\uFEFFpersona ana "Ana"\n', 'crlf.journey': crlf });
        const { report } = await lintJson([dir]);
        expect(rulesOf(report, 'empty.journey')).toEqual([]);
        expect(rulesOf(report, 'bom.journey')).not.toContain('syntax-error');
        const crlfDiagnostics = report.files.find(f => f.path.endsWith('crlf.journey'))!.diagnostics;
        expect(crlfDiagnostics.map(d => `${d.rule}@${d.line}`)).toEqual(['missing-touchpoint@6']);
    });
});
