import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import {
    createMessageConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { ensureBuilt } from './build-support.js';

const bin = path.resolve('bin/journey-language-server.cjs');

/** initialize, shutdown, exit over an established connection; returns the server's capabilities' hover flag and exit code. */
async function roundTrip(connection: MessageConnection, child: ChildProcess): Promise<{ hover: unknown; exitCode: number | null }> {
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
    const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const exitCode = await exited;
    connection.dispose();
    return { hover: result.capabilities.hoverProvider, exitCode };
}

/**
 * Listens where the server is told to connect (a loopback port, or the Unix socket `socketPath`),
 * starts it with the arguments naming that place, and runs `use` on the connection it makes.
 */
async function onServerConnection(
    args: (where: string) => string[], use: (socket: net.Socket, child: ChildProcess) => Promise<void>, socketPath?: string,
): Promise<void> {
    ensureBuilt('out/language-server.cjs');
    const server = net.createServer();
    await new Promise<void>(resolve => (socketPath ? server.listen(socketPath, resolve) : server.listen(0, '127.0.0.1', resolve)));
    const where = socketPath ?? String((server.address() as net.AddressInfo).port);
    const accepted = new Promise<net.Socket>(resolve => server.once('connection', resolve));
    const child = spawn(process.execPath, [bin, ...args(where)], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
        await use(await accepted, child);
    } finally {
        if (child.exitCode === null) child.kill();
        server.close();
    }
}

/** initialize, shutdown and exit over a socket: the server answers and exits with 0. */
async function roundTripOver(socket: net.Socket, child: ChildProcess): Promise<void> {
    const { hover, exitCode } = await roundTrip(createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)), child);
    expect(hover).toBeTruthy();
    expect(exitCode).toBe(0);
}

describe('the standalone language server transports', () => {
    it('--node-ipc: speaks LSP over the Node IPC channel of a forked process', async () => {
        ensureBuilt('out/language-server.cjs');
        const child = fork(bin, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
        const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
        const { hover, exitCode } = await roundTrip(connection, child);
        expect(hover).toBeTruthy();
        expect(exitCode).toBe(0);
    }, 60_000);

    it('--socket=PORT: connects to a port the client listens on (loopback only)', async () => {
        await onServerConnection(port => [`--socket=${port}`], roundTripOver);
    }, 60_000);

    it('--socket PORT: answers a body that is not JSON with ParseError (-32700), as over stdio', async () => {
        await onServerConnection(port => ['--socket', port], async socket => {
            let out = '';
            const answered = new Promise<string>(resolve => socket.on('data', chunk => {
                out += String(chunk);
                if (out.includes('-32700')) resolve(out);
            }));
            const body = '{"jsonrpc":"2.0","id":1,"method":';
            socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
            expect(await answered).toMatch(/"id":null/);
        });
    }, 60_000);
});

describe('the standalone language server over a named pipe', () => {
    it('--pipe=NAME: connects to a Unix domain socket the client listens on', async () => {
        const socketPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'journey-pipe-')), 'lsp.sock');
        await onServerConnection(where => [`--pipe=${where}`], roundTripOver, socketPath);
    }, 60_000);
});

describe('the standalone language server without its client', () => {
    it('exits when stdin closes (the editor went away), and does not hang', async () => {
        ensureBuilt('out/language-server.cjs');
        const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'ignore', 'pipe'] });
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        child.stdin!.end();
        const timer = setTimeout(() => child.kill(), 20_000);
        const code = await exited;
        clearTimeout(timer);
        expect(child.signalCode).toBeNull(); // it ended by itself, not by the kill above
        expect(code).not.toBeNull();
    }, 30_000);

    it.each([[[]], [[`--clientProcessId=${process.pid}`]]])('starts on --stdio by default when no transport is named (arguments %j)', async (args: string[]) => {
        ensureBuilt('out/language-server.cjs');
        const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        let out = '';
        const answered = new Promise<string>(resolve => child.stdout!.on('data', chunk => {
            out += String(chunk);
            if (out.includes('"capabilities"')) resolve(out);
        }));
        const timer = setTimeout(() => child.kill(), 20_000);
        expect(await answered).toMatch(/^Content-Length: \d+\r\n\r\n\{.*"id":1/);
        clearTimeout(timer);
        child.kill();
    }, 30_000);
});
