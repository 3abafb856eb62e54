// The language server as an editor we have not seen would use it (Neovim, Helix, eglot, a test
// harness): bare capabilities, no workspace folder, and the LSP 3.17 rules on what a server may
// send to a client that did not ask for more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt } from './build-support.js';
import { fileUri } from './server-support.js';
import { initializeBare, startRawServer, type RawMessage, type RawSession } from './lsp-raw-client.js';

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
});
