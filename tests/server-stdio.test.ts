import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ensureBuilt } from './build-support.js';
import { tempFolder } from './cli-lint-support.js';
import { fileUri, startServer, type ServerSession } from './server-support.js';

const people = `/** Dana, operations manager */
persona dana "Dana, operations manager" {
  role "Runs office IT"
}
`;

// Line 4 (0-based 3) names a persona nobody declares.
const map = `import "people.journey"

journey switch "Switching" {
  for dana, ghost
  stage need "Need" {
    step missed "Misses calls" {
      touchpoint phone "Call log"
      emotion -2 "frustrated"
    }
  }
}
`;

const messageText = (message: string | MarkupContent) => (typeof message === 'string' ? message : message.value);

describe('the standalone language server over stdio', () => {
    let server: ServerSession;
    let dir: string;
    let mapUri: string;

    beforeAll(async () => {
        ensureBuilt('out/language-server.cjs');
        dir = tempFolder({ 'people.journey': people, 'switch.journey': map });
        mapUri = fileUri(path.join(dir, 'switch.journey'));
        server = await startServer(dir);
    }, 120_000);

    afterAll(async () => {
        if (server && server.process.exitCode === null) server.process.kill();
    });

    it('announces its features on initialize', () => {
        const capabilities = server.initializeResult.capabilities;
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.completionProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.textDocumentSync).toBeTruthy();
    });

    it('publishes diagnostics with the error code for an opened map', async () => {
        server.open(mapUri, map);
        const { diagnostics } = await server.diagnosticsFor(mapUri, p => p.diagnostics.length > 0);
        const unresolved = diagnostics.find(d => d.code === 'unresolved-reference');
        expect(unresolved).toBeDefined();
        expect(unresolved!.severity).toBe(1);
        expect(unresolved!.range.start).toEqual({ line: 3, character: 12 });
        expect(unresolved!.message).toContain("'ghost'");
        // dana comes from the imported file, so it resolves.
        expect(diagnostics.filter(d => messageText(d.message).includes("'dana'"))).toEqual([]);
    });

    it('answers hover on a persona reference with its declaration', async () => {
        const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri: mapUri }, position: { line: 3, character: 7 },
        });
        expect(hover).not.toBeNull();
        expect((hover!.contents as MarkupContent).value).toContain('Dana, operations manager');
    });

    it('answers completion with the personas in scope', async () => {
        const result = await server.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri: mapUri }, position: { line: 3, character: 6 },
        });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        expect(items.map(item => item.label)).toContain('dana');
    });

    it('shuts down and exits cleanly', async () => {
        expect(await server.stop()).toBe(0);
    });
});
