// A raw JSON-RPC client for conformance tests: it frames and parses messages itself, so a test
// sees exactly what the server wrote (a `result` versus an `error`, a missing reply), and it
// initializes with whatever client capabilities the test names, as an editor we have not seen would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface RawMessage {
    jsonrpc: '2.0';
    id?: number | string | null;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { code: number; message: string; data?: unknown };
}

export interface RawSession {
    process: ChildProcess;
    /** Every message the server sent, in order. */
    received: RawMessage[];
    /** Sends a request and resolves with the server's whole response message (result or error). */
    request(method: string, params?: unknown, timeoutMs?: number): Promise<RawMessage>;
    /** Sends a request with a chosen id without waiting; `response(id)` collects its reply. */
    send(message: RawMessage): void;
    response(id: number | string, timeoutMs?: number): Promise<RawMessage>;
    notify(method: string, params?: unknown): void;
    /** Writes a framed body as is (for malformed JSON). */
    writeBody(body: string): void;
    /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept` (or one already received). */
    diagnostics(uri: string, accept?: (params: { uri: string; diagnostics: any[] }) => boolean, timeoutMs?: number): Promise<{ uri: string; diagnostics: any[] }>;
    open(uri: string, text: string, version?: number): void;
    exitCode(): Promise<number | null>;
    stderr(): string;
}

export function startRawServer(): RawSession {
    const child = spawn(process.execPath, [path.resolve('bin/journey-language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const received: RawMessage[] = [];
    const waiters: Array<{ accept: (m: RawMessage) => boolean; resolve: (m: RawMessage) => void }> = [];
    let buffer = Buffer.alloc(0);
    child.stdout!.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
            const headerEnd = buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
            if (buffer.length < headerEnd + 4 + length) return;
            const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as RawMessage;
            buffer = buffer.subarray(headerEnd + 4 + length);
            received.push(message);
            if (message.method !== undefined && message.id !== undefined) answerServerRequest(message);
            for (const waiter of [...waiters]) {
                if (waiter.accept(message)) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(message);
                }
            }
        }
    });
    const writeBody = (body: string) => {
        const bytes = Buffer.from(body, 'utf8');
        child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
    };
    const send = (message: RawMessage) => writeBody(JSON.stringify(message));
    // Requests from the server: configuration gets nulls, applyEdit is applied, everything else an empty success.
    const answerServerRequest = (message: RawMessage) => {
        const items = (message.params as { items?: unknown[] } | undefined)?.items;
        const result = message.method === 'workspace/configuration' ? (items ?? []).map(() => null)
            : message.method === 'workspace/applyEdit' ? { applied: true }
            : null;
        send({ jsonrpc: '2.0', id: message.id, result });
    };
    const waitFor = (accept: (m: RawMessage) => boolean, what: string, timeoutMs: number) => {
        const already = received.find(accept);
        if (already) return Promise.resolve(already);
        return new Promise<RawMessage>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
            waiters.push({ accept, resolve: m => { clearTimeout(timer); resolve(m); } });
        });
    };
    const response = (id: number | string, timeoutMs = 20_000) =>
        waitFor(m => m.id === id && m.method === undefined, `response to ${id}`, timeoutMs);
    let nextId = 1000;
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
    return {
        process: child,
        received,
        request(method, params, timeoutMs) {
            const id = nextId++;
            send({ jsonrpc: '2.0', id, method, params });
            return response(id, timeoutMs);
        },
        send,
        response,
        notify: (method, params) => send({ jsonrpc: '2.0', method, params }),
        writeBody,
        async diagnostics(uri, accept = () => true, timeoutMs = 20_000) {
            const message = await waitFor(m => m.method === 'textDocument/publishDiagnostics'
                && (m.params as { uri: string }).uri === uri && accept(m.params as { uri: string; diagnostics: any[] }), `diagnostics for ${uri}`, timeoutMs);
            return message.params as { uri: string; diagnostics: any[] };
        },
        open(uri, text, version = 1) {
            send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'journey', version, text } } });
        },
        exitCode: () => exited,
        stderr: () => stderr,
    };
}

/** Runs `use` on a fresh server, which is killed afterwards unless it has exited. */
export async function withRawServer<T>(use: (session: RawSession) => Promise<T>): Promise<T> {
    const session = startRawServer();
    try {
        return await use(session);
    } finally {
        if (session.process.exitCode === null) session.process.kill();
    }
}

/** Initializes like a bare client: no workspace, no root, and only the capabilities given. */
export async function initializeBare(session: RawSession, capabilities: Record<string, unknown> = {}): Promise<RawMessage> {
    const reply = await session.request('initialize', {
        processId: process.pid, rootUri: null, clientInfo: { name: 'raw-conformance-client' },
        capabilities: { general: { positionEncodings: ['utf-16', 'utf-8'] }, ...capabilities },
    });
    session.notify('initialized', {});
    return reply;
}
