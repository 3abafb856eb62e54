// The language server as an editor we have not seen would use it (Neovim, Helix, eglot, a test
// harness): bare capabilities, no workspace folder, and the LSP 3.17 rules on what a server may
// send to a client that did not ask for more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt } from './build-support.js';
import { fileUri } from './server-support.js';
import { tempFolder } from './cli-lint-support.js';
import { initializeBare, startRawServer, withRawServer, type RawMessage, type RawSession } from './lsp-raw-client.js';

const examples = path.resolve('examples');
const mapUri = fileUri(path.join(examples, 'phone-switch.journey'));
const mapText = fs.readFileSync(path.join(examples, 'phone-switch.journey'), 'utf8');

/** A reply is either a result or an error; a result must never be an error object in disguise. */
function expectWellFormedReply(reply: RawMessage): void {
    expect('result' in reply !== 'error' in reply).toBe(true);
    if ('error' in reply) {
        expect(typeof reply.error!.code).toBe('number');
        expect(typeof reply.error!.message).toBe('string');
    } else if (reply.result && typeof reply.result === 'object' && !Array.isArray(reply.result)) {
        expect(Object.keys(reply.result)).not.toEqual(['code']);
    }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const itemsOf = (reply: RawMessage): Array<Record<string, any>> => {
    const result = reply.result as { items?: unknown[] } | unknown[] | null;
    return (Array.isArray(result) ? result : result?.items ?? []) as Array<Record<string, any>>;
};

describe('a bare client (no capabilities beyond the defaults, no workspace)', () => {
    let server: RawSession;

    beforeAll(async () => {
        ensureBuilt('out/language-server.cjs');
        server = startRawServer();
        await initializeBare(server);
        server.open(mapUri, mapText);
        await server.diagnostics(mapUri);
    }, 120_000);

    afterAll(() => {
        if (server.process.exitCode === null) server.process.kill();
    });

    it('gets a JSON-RPC error, not an error object as the result, for a document it never opened', async () => {
        const never = fileUri(path.join(examples, 'never-opened-nor-on-disk.journey'));
        for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'textDocument/documentSymbol']) {
            const reply = await server.request(method, { textDocument: { uri: never }, position: { line: 0, character: 0 } });
            expectWellFormedReply(reply);
        }
    });

    it('gets no snippets in completion, since it never declared snippetSupport', async () => {
        // At the start of a new stage, where the stage snippet is offered to clients that take snippets.
        const uri = 'untitled:Untitled-snippets';
        server.open(uri, 'journey j "J" {\n  \n}\n');
        const reply = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
        const items = itemsOf(reply);
        expect(items.map(item => item.label)).toContain('stage');
        expect(items.filter(item => item.insertTextFormat === 2)).toEqual([]);
    });

    it('gets plain text, not Markdown, in hovers and completion documentation', async () => {
        const hover = await server.request('textDocument/hover', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 } });
        const contents = (hover.result as { contents: { kind: string; value: string } }).contents;
        expect(contents.kind).toBe('plaintext');
        expect(contents.value).toContain('persona dana: Dana, operations manager');
        expect(contents.value).not.toMatch(/\*\*|`/);
        const completion = await server.request('textDocument/completion', { textDocument: { uri: mapUri }, position: { line: 10, character: 6 } });
        const documented = itemsOf(completion).filter(item => item.documentation !== undefined);
        expect(documented.length).toBeGreaterThan(0);
        for (const item of documented) expect(typeof item.documentation === 'string' || item.documentation.kind === 'plaintext').toBe(true);
    });

    it('gets Locations, not LocationLinks, from go to definition, since it never declared linkSupport', async () => {
        const reply = await server.request('textDocument/definition', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 } });
        expect(reply.result).toEqual([{
            uri: fileUri(path.join(examples, 'people.journey')),
            range: { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } },
        }]);
    });

    it('gets a flat SymbolInformation list, since it never declared hierarchicalDocumentSymbolSupport', async () => {
        const reply = await server.request('textDocument/documentSymbol', { textDocument: { uri: mapUri } });
        const symbols = reply.result as Array<Record<string, any>>;
        for (const symbol of symbols) {
            expect(symbol.children).toBeUndefined();
            expect(symbol.location.uri).toBe(mapUri);
        }
        const missed = symbols.find(symbol => symbol.name === 'missed');
        expect(missed).toMatchObject({ kind: 24, containerName: 'need', location: { range: { start: { line: 9, character: 4 } } } });
        expect(symbols.find(symbol => symbol.name === 'need')).toMatchObject({ containerName: 'phone-switch' });
    });

    it('gets rename edits at the right columns in an imported file saved with a byte order mark', async () => {
        const dir = tempFolder({
            'people.journey': '\uFEFFpersona dana "Dana"\n',
            'map.journey': 'import "people.journey"\njourney j "J" {\n  for dana\n  stage a "A" { touchpoint web emotion 0 }\n}\n',
        });
        const uri = fileUri(path.join(dir, 'map.journey'));
        server.open(uri, fs.readFileSync(path.join(dir, 'map.journey'), 'utf8'));
        await server.diagnostics(uri);
        const reply = await server.request('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 7 }, newName: 'dora' });
        // Editors hide the BOM: `dana` is at columns 8 to 12 of the first line as they show it.
        expect((reply.result as { changes: Record<string, unknown> }).changes[fileUri(path.join(dir, 'people.journey'))]).toEqual([
            { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } }, newText: 'dora' },
        ]);
    });

    it('gets quick fixes that keep the line endings of a CRLF file', async () => {
        const uri = 'untitled:Untitled-crlf';
        server.open(uri, 'persona dana "Dana"\r\n\r\njourney j "J" {\r\n  for dana, ghost\r\n  stage a "A" {\r\n    touchpoint web\r\n  }\r\n}\r\n');
        const { diagnostics } = await server.diagnostics(uri, p => p.diagnostics.length > 0);
        const reply = await server.request('textDocument/codeAction', {
            textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
        });
        // This client takes only commands: each carries its fix's edit.
        const actions = reply.result as Array<{ title: string; arguments: Array<{ changes: Record<string, Array<{ newText: string }>> }> }>;
        expect(actions.map(a => a.title)).toEqual(expect.arrayContaining(["Declare persona 'ghost'", "Add an emotion for 'dana'"]));
        for (const action of actions) {
            for (const edit of action.arguments[0].changes[uri]) expect(edit.newText.replace(/\r\n/g, '')).not.toContain('\n');
        }
    });

    it('gets workspace symbols it can open, with the kinds of the outline', async () => {
        const reply = await server.request('workspace/symbol', { query: '' });
        const symbols = reply.result as Array<{ name: string; kind: number; location: { uri: string } }>;
        expect(symbols.map(s => s.location.uri).filter(uri => !/^(file|untitled):/.test(uri))).toEqual([]);
        expect(symbols.find(s => s.name === 'phone-switch')).toMatchObject({ kind: 3, location: { uri: mapUri } });
    });

    it('gets completion edits on one real line when it asks past the end of a line or of the text', async () => {
        const lastLine = mapText.split('\n').length - 1;
        for (const position of [{ line: 4, character: 500 }, { line: 9999, character: 5 }]) {
            const reply = await server.request('textDocument/completion', { textDocument: { uri: mapUri }, position });
            const items = itemsOf(reply);
            expect(items.length).toBeGreaterThan(0);
            for (const item of items.filter(i => i.textEdit)) {
                const { start, end } = item.textEdit.range;
                expect(end.line).toBe(start.line);
                expect(end.line).toBe(Math.min(position.line, lastLine));
                expect(end.character).toBeLessThanOrEqual(mapText.split('\n')[end.line].length);
            }
        }
    });

    it('gets RequestFailed with the reason, as is, when a rename is refused', async () => {
        const reply = await server.request('textDocument/rename', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 }, newName: 'sam' });
        expect(reply.error).toEqual({ code: -32803, message: "A persona named 'sam' already exists here." });
    });

    it('gets quick fixes as Commands, since it never declared codeActionLiteralSupport, and running one applies its edit', async () => {
        const uri = 'untitled:Untitled-commands';
        server.open(uri, 'journey j "J" {\n  for ghost\n  stage a "A" { touchpoint web emotion 0 }\n}\n');
        const { diagnostics } = await server.diagnostics(uri, p => p.diagnostics.length > 0);
        const unresolved = diagnostics.filter(d => d.code === 'unresolved-reference');
        const reply = await server.request('textDocument/codeAction', { textDocument: { uri }, range: unresolved[0].range, context: { diagnostics: unresolved } });
        const [command] = reply.result as Array<{ title: string; command: string; arguments: unknown[]; edit?: unknown; kind?: unknown }>;
        expect(command).toMatchObject({ title: "Declare persona 'ghost'", command: 'journey.server.applyEdit' });
        expect(command.edit).toBeUndefined();
        const executed = await server.request('workspace/executeCommand', { command: command.command, arguments: command.arguments });
        expect(executed).toMatchObject({ result: { applied: true } });
        const applyEdit = server.received.find(m => m.method === 'workspace/applyEdit');
        expect((applyEdit!.params as { edit: unknown }).edit).toEqual(command.arguments[0]);
        expect(JSON.stringify(command.arguments[0])).toContain('persona ghost');
    });

    it('gets no quick fixes when it asks only for refactorings', async () => {
        const reply = await server.request('textDocument/codeAction', {
            textDocument: { uri: mapUri }, range: { start: { line: 15, character: 6 }, end: { line: 15, character: 90 } },
            context: { diagnostics: [{ range: { start: { line: 15, character: 6 }, end: { line: 15, character: 90 } }, message: 'x', code: 'unaddressed-barrier' }], only: ['refactor'] },
        });
        expect(reply.result).toEqual([]);
    });

    it('gets RequestCancelled as an error (or a real answer) when it cancels a request', async () => {
        const uri = fileUri(path.join(examples, 'cancelled.journey'));
        // A large map, so the hover is still waiting for the build when the cancellation arrives.
        const stages = Array.from({ length: 400 }, (_, i) => `  stage s${i} "S" {\n    step t${i} "T" {\n      touchpoint web "w"\n      emotion 0 "calm"\n    }\n  }\n`).join('');
        server.open(uri, `persona dana "Dana"\njourney big "Big" {\n  for dana\n${stages}}\n`);
        server.send({ jsonrpc: '2.0', id: 'cancel-me', method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 2, character: 7 } } });
        server.notify('$/cancelRequest', { id: 'cancel-me' });
        const reply = await server.response('cancel-me');
        expectWellFormedReply(reply);
        if ('error' in reply) expect(reply.error!.code).toBe(-32800);
    });

    it('gets diagnostics that name the version of the open document they were computed for', async () => {
        const uri = 'untitled:Untitled-versions';
        server.open(uri, 'journey j "J" {\n  stage s "S" { step a "A" { emotion 5 } }\n}\n', 7);
        const first = await server.diagnostics(uri) as { version?: number; diagnostics: Array<{ code?: unknown }> };
        expect(first.version).toBe(7);
        expect(first.diagnostics.map(d => d.code)).toContain('emotion-range');
        server.notify('textDocument/didChange', {
            textDocument: { uri, version: 8 },
            contentChanges: [{ text: 'journey j "J" {\n  stage s "S" { step a "A" { emotion 1 } }\n}\n' }],
        });
        const second = await server.diagnostics(uri, params => !params.diagnostics.some(d => d.code === 'emotion-range')) as { version?: number };
        expect(second.version).toBe(8);
    });
});

describe('a client that declares snippets, Markdown, links and symbol trees', () => {
    let server: RawSession;

    beforeAll(async () => {
        ensureBuilt('out/language-server.cjs');
        server = startRawServer();
        await initializeBare(server, {
            textDocument: {
                completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                definition: { linkSupport: true },
                documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
            },
        });
        server.open(mapUri, mapText);
        await server.diagnostics(mapUri);
    }, 120_000);

    afterAll(() => {
        if (server.process.exitCode === null) server.process.kill();
    });

    it('gets them all', async () => {
        const uri = 'untitled:Untitled-rich';
        server.open(uri, 'journey j "J" {\n  \n}\n');
        const completion = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
        expect(itemsOf(completion).some(item => item.insertTextFormat === 2 && item.filterText === 'stage')).toBe(true);
        expect(itemsOf(completion).find(item => item.label === 'stage')!.documentation.kind).toBe('markdown');
        const hover = await server.request('textDocument/hover', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 } });
        expect((hover.result as { contents: { kind: string; value: string } }).contents).toMatchObject({ kind: 'markdown', value: expect.stringContaining('**persona** `dana`') });
        const definition = await server.request('textDocument/definition', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 } });
        expect((definition.result as Array<Record<string, unknown>>)[0]).toMatchObject({ targetUri: fileUri(path.join(examples, 'people.journey')) });
        const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: mapUri } });
        expect((symbols.result as Array<Record<string, any>>)[0]).toMatchObject({ name: 'phone-switch', children: expect.any(Array) });
        const barrier = { range: { start: { line: 15, character: 6 }, end: { line: 15, character: 90 } }, message: 'x', code: 'unaddressed-barrier' };
        const actions = await server.request('textDocument/codeAction', { textDocument: { uri: mapUri }, range: barrier.range, context: { diagnostics: [barrier], only: ['quickfix'] } });
        expect((actions.result as Array<Record<string, unknown>>)[0]).toMatchObject({ kind: 'quickfix', edit: { changes: expect.any(Object) } });
    });
});

describe('documents the editor closes', () => {
    let server: RawSession;

    beforeAll(async () => {
        ensureBuilt('out/language-server.cjs');
        server = startRawServer();
        await initializeBare(server);
    }, 120_000);

    afterAll(() => {
        if (server.process.exitCode === null) server.process.kill();
    });

    it('forgets an untitled document on close, clears its diagnostics, and keeps serving the others', async () => {
        const untitled = 'untitled:Untitled-closed';
        server.open(untitled, 'journey j "J" {\n  for ghost\n}\n');
        await server.diagnostics(untitled, p => p.diagnostics.length > 0);
        server.notify('textDocument/didClose', { textDocument: { uri: untitled } });
        // The next build used to crash the server: no language for a URI without the .journey extension.
        const next = 'untitled:Untitled-next';
        server.open(next, 'journey k "K" {\n  for ghost\n}\n');
        const { diagnostics } = await server.diagnostics(next, p => p.diagnostics.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('unresolved-reference');
        await server.diagnostics(untitled, p => p.diagnostics.length === 0);
        const symbols = await server.request('workspace/symbol', { query: '' });
        expect((symbols.result as Array<{ name: string }>).map(s => s.name)).not.toContain('j');
        expect(server.process.exitCode).toBeNull();
    });

    it('ignores a document of another language that a client opens by mistake', async () => {
        server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:Readme', languageId: 'markdown', version: 1, text: '# Readme' } } });
        const uri = 'untitled:After-markdown';
        server.open(uri, 'journey k "K" {\n  for ghost\n}\n');
        await server.diagnostics(uri, p => p.diagnostics.length > 0);
        const hover = await server.request('textDocument/hover', { textDocument: { uri: 'untitled:Readme' }, position: { line: 0, character: 2 } });
        expectWellFormedReply(hover);
        expect(server.process.exitCode).toBeNull();
    });

    it('forgets a file that is not on disk on close, and goes back to the disk text of one that is', async () => {
        const dir = tempFolder({ 'saved.journey': 'team saved "On disk"\n' });
        const gone = fileUri(path.join(dir, 'never-saved.journey'));
        server.open(gone, 'team draft "Draft"\n');
        await server.diagnostics(gone, p => p.diagnostics.length > 0);
        server.notify('textDocument/didClose', { textDocument: { uri: gone } });
        await server.diagnostics(gone, p => p.diagnostics.length === 0);

        const saved = fileUri(path.join(dir, 'saved.journey'));
        server.open(saved, 'team edited "Edited, never saved"\n');
        await server.diagnostics(saved, p => p.diagnostics.some(d => String(d.message).includes("'edited'")));
        server.notify('textDocument/didClose', { textDocument: { uri: saved } });
        await server.diagnostics(saved, p => p.diagnostics.some(d => String(d.message).includes("'saved'")));
    });
});

describe('the lifecycle: before initialize, after shutdown, exit', () => {
    beforeAll(() => ensureBuilt('out/language-server.cjs'), 120_000);

    it('answers a request before initialize with ServerNotInitialized instead of hanging, then starts normally', async () => {
        await withRawServer(async server => {
            const early = await server.request('textDocument/hover', { textDocument: { uri: mapUri }, position: { line: 0, character: 0 } }, 5_000);
            expect(early.error?.code).toBe(-32002);
            server.open(mapUri, mapText); // dropped: a notification before initialize
            await initializeBare(server);
            const symbols = await server.request('workspace/symbol', { query: 'phone' });
            expect(symbols.result).toEqual([]);
            server.open(mapUri, mapText);
            await server.diagnostics(mapUri);
            const shutdown = await server.request('shutdown');
            expect(shutdown).toMatchObject({ result: null });
            const late = await server.request('textDocument/hover', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 } });
            expect(late.error?.code).toBe(-32600);
            server.notify('exit');
            expect(await server.exitCode()).toBe(0);
        });
    });

    it('starts for an initialize without capabilities, as a client with none', async () => {
        await withRawServer(async server => {
            const reply = await server.request('initialize', { processId: null });
            expect((reply.result as { capabilities: Record<string, unknown> }).capabilities.hoverProvider).toBe(true);
            server.notify('initialized', {});
            server.open(mapUri, mapText);
            await server.diagnostics(mapUri);
            const hover = await server.request('textDocument/hover', { textDocument: { uri: mapUri }, position: { line: 4, character: 7 } });
            expect(hover.result).toMatchObject({ contents: { kind: 'plaintext' } });
        });
    });

    it('answers workspace symbols at once for a client without a workspace, however early it asks', async () => {
        // A build of no document skipped its phases' listeners, so a request waiting for the
        // workspace to be indexed waited for the next build, which a client that had opened
        // nothing never caused. Under load this happened right after `initialized`; asking
        // between `initialize` and `initialized` makes it certain.
        await withRawServer(async server => {
            await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
            server.send({ jsonrpc: '2.0', id: 'early-symbols', method: 'workspace/symbol', params: { query: '' } });
            server.notify('initialized', {});
            const reply = await server.response('early-symbols', 10_000);
            expect(reply.result).toEqual([]);
        });
    });

    it('exits with 1 on exit without shutdown, and answers unknown methods with MethodNotFound', async () => {
        await withRawServer(async server => {
            await initializeBare(server);
            const unknown = await server.request('journey/noSuchMethod', {});
            expect(unknown.error?.code).toBe(-32601);
            server.notify('exit');
            expect(await server.exitCode()).toBe(1);
        });
    });

    it('answers a body that is not JSON with ParseError and a value that is no message with InvalidRequest, then goes on', async () => {
        await withRawServer(async server => {
            const errorsWithoutId = () => server.received.filter(m => m.id === null && m.error).map(m => m.error!.code);
            await initializeBare(server);
            server.writeBody('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":');
            await expect.poll(errorsWithoutId).toEqual([-32700]);
            server.writeBody('{"jsonrpc":"2.0","id":{"not":"an id"},"method":"workspace/symbol"}');
            server.writeBody('[]');
            await expect.poll(errorsWithoutId).toEqual([-32700, -32600, -32600]);
            const alive = await server.request('workspace/symbol', { query: '' });
            expect(Array.isArray(alive.result)).toBe(true);
            expect(server.received.some(m => m.id === 77)).toBe(false);
        });
    });

    it('answers a request whose parameters lack what the protocol requires with InvalidParams, naming what is missing', async () => {
        await withRawServer(async server => {
            await initializeBare(server);
            const uri = 'untitled:params';
            server.open(uri, 'journey j "J" {\n  stage s "S" {\n  }\n}\n');
            const cases: Array<[string, unknown, RegExp]> = [
                ['textDocument/hover', { textDocument: { uri } }, /position/],
                ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }, /non-negative/],
                ['textDocument/definition', null, /object/],
                ['textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 9 }, newName: 5 }, /newName/],
                ['textDocument/references', { textDocument: { uri }, position: { line: 0, character: 9 } }, /context/],
                ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }, /range/],
                ['textDocument/documentSymbol', { textDocument: {} }, /textDocument\.uri/],
                ['workspace/symbol', [], /object/],
            ];
            for (const [method, params, says] of cases) {
                const reply = await server.request(method, params);
                expect(reply.error?.code, `${method} ${JSON.stringify(params)}`).toBe(-32602);
                expect(reply.error?.message).toMatch(says);
            }
            const fine = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 9 } });
            expect(fine.error).toBeUndefined();
        });
    });

    it('exits when the client closes stdin: 0 after shutdown, 1 without', async () => {
        for (const shutdown of [true, false]) {
            await withRawServer(async server => {
                await initializeBare(server);
                if (shutdown) expect((await server.request('shutdown')).error).toBeUndefined();
                server.process.stdin!.end();
                expect(await server.exitCode()).toBe(shutdown ? 0 : 1);
            });
        }
    });
});

describe('a client that names only rootUri, no workspaceFolders', () => {
    it('gets the files of its root in rename, opened or not, and no import fix an untitled document cannot use', async () => {
        ensureBuilt('out/language-server.cjs');
        const dir = tempFolder({
            'people.journey': 'persona dana "Dana"\n',
            'map.journey': 'import "people.journey"\njourney j "J" {\n  for dana\n  stage a "A" { touchpoint web emotion 0 }\n}\n',
        });
        await withRawServer(async server => {
            await server.request('initialize', { processId: process.pid, rootUri: fileUri(dir), capabilities: {} });
            server.notify('initialized', {});
            const people = fileUri(path.join(dir, 'people.journey'));
            server.open(people, 'persona dana "Dana"\n');
            await server.diagnostics(people);
            const reply = await server.request('textDocument/rename', { textDocument: { uri: people }, position: { line: 0, character: 9 }, newName: 'dora' });
            expect(Object.keys((reply.result as { changes: Record<string, unknown> }).changes).sort()).toEqual([fileUri(path.join(dir, 'map.journey')), people].sort());
            // An untitled document cannot import a file by a relative path: only declaring is offered.
            const untitled = 'untitled:Untitled-import';
            server.open(untitled, 'journey k "K" {\n  for dana\n  stage a "A" { touchpoint web emotion 0 }\n}\n');
            const { diagnostics } = await server.diagnostics(untitled, p => p.diagnostics.some(d => d.code === 'unresolved-reference'));
            const unresolved = diagnostics.filter(d => d.code === 'unresolved-reference');
            const fixes = await server.request('textDocument/codeAction', { textDocument: { uri: untitled }, range: unresolved[0].range, context: { diagnostics: unresolved } });
            expect((fixes.result as Array<{ title: string }>).map(f => f.title)).toEqual(["Declare persona 'dana'"]);
        });
    });
});
