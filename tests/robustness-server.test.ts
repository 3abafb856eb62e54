import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { ensureBuilt } from './build-support.js';
import { tempFolder } from './cli-lint-support.js';
import { fileUri, startServer, type ServerSession } from './server-support.js';
import {
    binaryJunk, cycleA, cycleB, fifoImport, folderImport, longMap, makeDanglingLink, makeFifo, makeFolder, missingImport, unbalancedBraces,
} from './robustness-support.js';

const codes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map(d => String(d.code));

async function completionLabels(server: ServerSession, uri: string, line: number, character: number): Promise<string[]> {
    const result = await server.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
        textDocument: { uri }, position: { line, character },
    });
    return (Array.isArray(result) ? result : result?.items ?? []).map(item => item.label);
}

describe('the language server on bad input', () => {
    let server: ServerSession;
    let dir: string;
    const uri = (name: string) => fileUri(path.join(dir, name));

    beforeAll(async () => {
        ensureBuilt('out/language-server.cjs');
        dir = tempFolder({
            'junk.journey': binaryJunk(),
            'long.journey': longMap(50_000),
            'braces.journey': unbalancedBraces,
            'cycle-a.journey': cycleA,
            'cycle-b.journey': cycleB,
            'missing.journey': missingImport,
            'folder.journey': folderImport,
            'fifo.journey': fifoImport,
        });
        makeFolder(path.join(dir, 'a-folder.journey'));
        makeFifo(path.join(dir, 'pipe.journey'));
        makeDanglingLink(path.join(dir, 'dangling.journey'));
        server = await startServer(dir);
    }, 120_000);

    afterAll(async () => {
        if (server?.process.exitCode === null) server.process.kill();
    });

    it('publishes syntax errors for binary junk and unbalanced braces', async () => {
        server.open(uri('junk.journey'), fs.readFileSync(path.join(dir, 'junk.journey'), 'utf8'));
        server.open(uri('braces.journey'), unbalancedBraces);
        const junk = await server.diagnosticsFor(uri('junk.journey'), p => p.diagnostics.length > 0);
        expect(new Set(codes(junk))).toEqual(new Set(['syntax-error']));
        const braces = await server.diagnosticsFor(uri('braces.journey'), p => p.diagnostics.length > 0);
        expect(codes(braces)).toContain('syntax-error');
    }, 60_000);

    it('checks a 50,000-line map', async () => {
        const text = longMap(50_000).replace('touchpoint web "Page 3"', 'touchpoint nowhere "Page 3"');
        server.open(uri('long.journey'), text, 2);
        const long = await server.diagnosticsFor(uri('long.journey'), p => p.diagnostics.length > 0, 60_000);
        expect(codes(long)).toEqual(['unresolved-reference']);
    }, 90_000);

    it('follows an import cycle and reports imports of a missing file, a folder and a pipe', async () => {
        server.open(uri('cycle-a.journey'), cycleA);
        const cycle = await server.diagnosticsFor(uri('cycle-a.journey'));
        expect(codes(cycle)).toEqual([]);
        for (const [name, text] of [['missing.journey', missingImport], ['folder.journey', folderImport], ['fifo.journey', fifoImport]]) {
            server.open(uri(name), text);
            const published = await server.diagnosticsFor(uri(name), p => p.diagnostics.length > 0);
            expect(codes(published)).toContain('import-not-found');
        }
    }, 60_000);

    it('stays up and answers after all of it', async () => {
        expect(await completionLabels(server, uri('cycle-a.journey'), 4, '  for '.length)).toContain('ana');
        const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri: uri('cycle-a.journey') }, position: { line: 4, character: '  for ana, b'.length },
        });
        expect(JSON.stringify(hover?.contents)).toContain('Ben'); // declared in the other file of the cycle
        expect(server.process.exitCode).toBeNull();
        expect(server.stderr()).not.toMatch(/Uncaught|unhandled|TypeError|RangeError/i);
        expect(await server.stop()).toBe(0);
    }, 30_000);
});

describe('the language server while a large workspace is indexed', () => {
    let server: ServerSession;

    afterAll(async () => {
        if (server?.process.exitCode === null) server.process.kill();
    });

    it('answers hover and completion on an open map before it has checked 500 files', async () => {
        ensureBuilt('out/language-server.cjs');
        const files: Record<string, string> = { 'people.journey': '/** Ana, the buyer */\npersona ana "Ana, buyer"\n' };
        for (let i = 0; i < 500; i++) {
            files[`maps/team-${i % 10}/map-${i}.journey`] = `import "../../people.journey"\n\njourney j${i} "Map ${i}" {\n  for ana\n`
                + Array.from({ length: 5 }, (_, s) => `  stage s${s} "S" {\n    step st${s} "T" {\n      touchpoint web "page"\n      emotion ${(s % 5) - 2} "felt"\n      barrier b${s} "slow"\n    }\n  }\n`).join('')
                + '}\n';
        }
        const opened = `import "people.journey"\n\njourney open "Open" {\n  for ana\n  stage s "S" {\n    step a "A" {\n      touchpoint web\n      emotion 1 for ana\n    }\n  }\n}\n`;
        files['open.journey'] = opened;
        const dir = tempFolder(files);
        server = await startServer(dir);
        const openUri = fileUri(path.join(dir, 'open.journey'));
        server.open(openUri, opened);
        const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri: openUri }, position: { line: 3, character: 7 },
        });
        const labels = await completionLabels(server, openUri, 7, '      emotion 1 for '.length);
        const publishedWhenAnswered = new Set(server.published.map(p => p.uri)).size;
        expect(JSON.stringify(hover?.contents)).toContain('Ana');
        expect(labels).toContain('ana');
        // The answers came while the workspace was still being checked; then every map is checked.
        expect(publishedWhenAnswered).toBeLessThan(502);
        const last = fileUri(path.join(dir, 'maps/team-9/map-499.journey'));
        const lastPublished = await server.diagnosticsFor(last, () => true, 120_000);
        expect(codes(lastPublished)).toEqual(['unaddressed-barrier', 'unaddressed-barrier', 'unaddressed-barrier', 'unaddressed-barrier', 'unaddressed-barrier']);
        await server.connection.sendRequest('shutdown');
        await server.connection.sendNotification('exit');
    }, 180_000);
});
