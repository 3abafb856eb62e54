// A minimal LSP client for tests: spawns the built standalone server over stdio and speaks
// JSON-RPC to it with vscode-jsonrpc, the library the server itself uses.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';

export interface PublishedDiagnostics {
    uri: string;
    version?: number;
    diagnostics: Diagnostic[];
}

export interface ServerSession {
    process: ChildProcess;
    connection: MessageConnection;
    initializeResult: InitializeResult;
    /** Every publishDiagnostics so far, in order of arrival. */
    published: PublishedDiagnostics[];
    /** Everything the server wrote to stderr. */
    stderr: () => string;
    /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept` (or one already received). */
    diagnosticsFor(uri: string, accept?: (p: PublishedDiagnostics) => boolean, timeoutMs?: number): Promise<PublishedDiagnostics>;
    open(uri: string, text: string, version?: number): void;
    /** shutdown, exit, and the process's exit code. */
    stop(): Promise<number | null>;
}

export const fileUri = (file: string) => pathToFileURL(file).href;

/** Starts `bin/journey-language-server.cjs --stdio` with `root` as its only workspace folder and initializes it. */
export async function startServer(root: string, settings: Record<string, unknown> = {}): Promise<ServerSession> {
    const child = spawn(process.execPath, [path.resolve('bin/journey-language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: PublishedDiagnostics[] = [];
    const waiters: Array<{ uri: string; accept: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
        published.push(params);
        for (const waiter of [...waiters]) {
            if (waiter.uri === params.uri && waiter.accept(params)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(params);
            }
        }
    });
    // Requests a server may send to its client.
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
        params.items.map(item => (item.section ? settings[item.section] ?? null : null)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();

    const initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: fileUri(root),
        workspaceFolders: [{ uri: fileUri(root), name: path.basename(root) }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: {
                publishDiagnostics: { relatedInformation: true },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                completion: { completionItem: { snippetSupport: true } },
                synchronization: { didSave: true },
            },
        },
    });
    await connection.sendNotification('initialized', {});

    return {
        process: child,
        connection,
        initializeResult,
        published,
        stderr: () => stderr,
        diagnosticsFor(uri, accept = () => true, timeoutMs = 30_000) {
            const already = published.find(p => p.uri === uri && accept(p));
            if (already) return Promise.resolve(already);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
                waiters.push({ uri, accept, resolve: p => { clearTimeout(timer); resolve(p); } });
            });
        },
        open(uri, text, version = 1) {
            void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version, text } });
        },
        async stop() {
            const exited = new Promise<number | null>(resolve => {
                if (child.exitCode !== null) resolve(child.exitCode);
                else child.once('exit', code => resolve(code));
            });
            try {
                await connection.sendRequest('shutdown');
                await connection.sendNotification('exit');
            } finally {
                const timer = setTimeout(() => child.kill(), 10_000);
                const code = await exited;
                clearTimeout(timer);
                connection.dispose();
                return code;
            }
        },
    };
}
