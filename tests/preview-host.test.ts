// The preview's extension-host side (JourneyPreview) with a stand-in for the `vscode` module:
// updates on "validated" for the document and its imports, the version guard, the ready
// handshake, click -> editor selection with the echo guard, exports through the save dialog.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { MapModel } from '../src/model/types.js';
import type { DocumentValidatedParams, MapModelResult } from '../src/protocol/lsp.js';
import type { HostToWebviewMessage, WebviewToHostMessage } from '../src/protocol/webview.js';

const state = vi.hoisted(() => ({
    written: [] as Array<{ path: string; bytes: Uint8Array }>,
    saveTarget: undefined as { fsPath: string; scheme: string; toString(): string } | undefined,
    shown: [] as Array<{ uri: string; selection: { anchor: { line: number; character: number }; active: { line: number; character: number } } }>,
    documentLines: [] as string[],
}));

vi.mock('vscode', () => {
    class EventEmitter<T> {
        private listeners: Array<(e: T) => void> = [];
        event = (listener: (e: T) => void) => {
            this.listeners.push(listener);
            return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
        };
        fire(e: T) { for (const l of [...this.listeners]) l(e); }
        dispose() { this.listeners = []; }
    }
    class Uri {
        constructor(readonly scheme: string, readonly path: string) {}
        get fsPath() { return this.path; }
        toString() { return `${this.scheme}://${this.path}`; }
        static parse(s: string) { const [scheme, rest] = s.split('://'); return new Uri(scheme, rest); }
        static joinPath(base: Uri, ...parts: string[]) {
            const segments = base.path.split('/');
            for (const p of parts) { if (p === '..') segments.pop(); else segments.push(p); }
            return new Uri(base.scheme, segments.join('/'));
        }
    }
    class Position {
        constructor(readonly line: number, readonly character: number) {}
        translate(_l: number, c: number) { return new Position(this.line, this.character + c); }
    }
    class Selection {
        constructor(readonly anchor: Position, readonly active: Position) {}
    }
    const document = (uri: Uri) => ({
        uri,
        get lineCount() { return state.documentLines.length; },
        lineAt: (line: number) => {
            const text = state.documentLines[line];
            return { range: { start: new Position(line, 0), end: new Position(line, text.length) }, firstNonWhitespaceCharacterIndex: text.length - text.trimStart().length };
        },
        validatePosition: (p: Position) => p,
    });
    return {
        EventEmitter, Uri, Position, Selection,
        ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
        TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
        workspace: {
            openTextDocument: async (uri: Uri) => document(uri),
            fs: { writeFile: async (uri: Uri, bytes: Uint8Array) => { state.written.push({ path: uri.path, bytes }); } },
        },
        window: {
            visibleTextEditors: [],
            showTextDocument: async (doc: { uri: Uri }, options: { selection: Selection }) => {
                state.shown.push({ uri: doc.uri.toString(), selection: options.selection });
                return { revealRange: () => undefined };
            },
            showSaveDialog: async () => state.saveTarget,
            showInformationMessage: async () => undefined,
            showErrorMessage: async () => undefined,
            showWarningMessage: async () => undefined,
        },
    };
});

const { JourneyPreview } = await import('../src/extension/preview/journey-preview.js');
const vscode = await import('vscode');

const RESOURCE = 'file:///maps/main.journey';
const PEOPLE = 'file:///maps/people.journey';
const model = { journey: { id: 'main' }, stages: [] } as unknown as MapModel;

function fakePanel() {
    const posted: HostToWebviewMessage[] = [];
    let receive: (m: WebviewToHostMessage) => void = () => undefined;
    const panel = {
        title: 'Preview main.journey', viewColumn: 2, active: true,
        webview: {
            options: {}, html: '', cspSource: 'vscode-resource:',
            asWebviewUri: (u: { toString(): string }) => u,
            postMessage: async (m: HostToWebviewMessage) => { posted.push(m); return true; },
            onDidReceiveMessage: (cb: (m: WebviewToHostMessage) => void) => { receive = cb; return { dispose: () => undefined }; },
        },
        onDidChangeViewState: () => ({ dispose: () => undefined }),
        onDidDispose: () => ({ dispose: () => undefined }),
        reveal: () => undefined,
        dispose: () => undefined,
    };
    return { panel, posted, send: (m: WebviewToHostMessage) => receive(m) };
}

function fakeServer(results: MapModelResult[]) {
    const requests: string[] = [];
    return {
        requests,
        mapModel: async (params: { uri: string }) => {
            requests.push(params.uri);
            return results.length > 1 ? results.shift()! : results[0];
        },
        onDocumentValidated: (_l: (p: DocumentValidatedParams) => void) => ({ dispose: () => undefined }),
    };
}

const result = (version: number | null, extra: Partial<MapModelResult> = {}): MapModelResult =>
    ({ uri: RESOURCE, version, model, errorCount: 0, syntaxErrorCount: 0, dependencies: [PEOPLE], ...extra });

function open(results: MapModelResult[]) {
    const { panel, posted, send } = fakePanel();
    const server = fakeServer(results);
    const preview = new JourneyPreview(panel as never, vscode.Uri.parse(RESOURCE), vscode.Uri.parse('file:///ext'), server, undefined);
    return { preview, panel, posted, send, server };
}

const updates = (posted: HostToWebviewMessage[]) => posted.filter(m => m.type === 'update');

beforeEach(() => {
    state.written = [];
    state.shown = [];
    state.saveTarget = undefined;
    state.documentLines = ['journey main {', '  stage s {', '    barrier b "Slow" severity high', '  }', '}'];
});

describe('JourneyPreview (extension host)', () => {
    test('sets the page once with a nonce CSP and asks for the model at once; sends it when the page is ready', async () => {
        const { panel, posted, send, server } = open([result(1)]);
        expect(panel.webview.html).toMatch(/script-src 'nonce-[A-Za-z0-9]{32}'/);
        await vi.waitFor(() => expect(server.requests).toEqual([RESOURCE]));
        expect(posted).toEqual([]);
        send({ type: 'ready' });
        expect(updates(posted)).toEqual([{ type: 'update', resource: RESOURCE, version: 1, model, syntaxErrorCount: 0, errorCount: 0 }]);
    });

    test('updates when the document or a file it imports is validated, not for other files', async () => {
        const { preview, posted, send, server } = open([result(1), result(2), result(2, { model: { ...model, journey: { id: 'renamed' } } as MapModel })]);
        send({ type: 'ready' });
        await vi.waitFor(() => expect(updates(posted)).toHaveLength(1));
        preview.onDocumentValidated('file:///maps/unrelated.journey');
        await new Promise(r => setTimeout(r, 100));
        expect(server.requests).toHaveLength(1);
        preview.onDocumentValidated(RESOURCE);
        await vi.waitFor(() => expect(updates(posted)).toHaveLength(2));
        preview.onDocumentValidated(PEOPLE);
        await vi.waitFor(() => expect(updates(posted)).toHaveLength(3));
        expect(updates(posted).map(m => m.version)).toEqual([1, 2, 2]);
    });

    test('drops an answer older than the version shown, and one identical to it', async () => {
        const { preview, posted, send, server } = open([result(5), result(4), result(5)]);
        send({ type: 'ready' });
        await vi.waitFor(() => expect(updates(posted)).toHaveLength(1));
        preview.onDocumentValidated(RESOURCE);
        await vi.waitFor(() => expect(server.requests).toHaveLength(2));
        preview.onDocumentValidated(RESOURCE);
        await vi.waitFor(() => expect(server.requests).toHaveLength(3));
        await new Promise(r => setTimeout(r, 20));
        expect(updates(posted).map(m => m.version)).toEqual([5]);
    });

    test('a document the server does not know yet shows nothing until it is validated', async () => {
        const { preview, posted, send } = open([result(null, { model: null, dependencies: [] }), result(1)]);
        send({ type: 'ready' });
        await new Promise(r => setTimeout(r, 50));
        expect(updates(posted)).toHaveLength(0);
        preview.onDocumentValidated(RESOURCE);
        await vi.waitFor(() => expect(updates(posted)).toHaveLength(1));
    });

    test('a click selects the whole source range in the editor, and its echo highlights without scrolling', async () => {
        const { preview, posted, send } = open([result(1)]);
        send({ type: 'ready' });
        send({ type: 'revealSource', line: 3, range: { line: 3, column: 5, endLine: 3, endColumn: 37 } });
        await vi.waitFor(() => expect(state.shown).toHaveLength(1));
        expect(state.shown[0].uri).toBe(RESOURCE);
        // Cursor (active) at the start, so the editor's cursor line is the element's line.
        expect(state.shown[0].selection.active).toMatchObject({ line: 2, character: 4 });
        expect(state.shown[0].selection.anchor).toMatchObject({ line: 2, character: 36 });
        preview.onEditorCursor(3);
        expect(posted.at(-1)).toEqual({ type: 'highlight', line: 3, reveal: false });
        preview.onEditorCursor(2);
        expect(posted.at(-1)).toEqual({ type: 'highlight', line: 2, reveal: true });
    });

    test('without a range, a click selects the line without its indentation', async () => {
        const { send } = open([result(1)]);
        send({ type: 'ready' });
        send({ type: 'revealSource', line: 2 });
        await vi.waitFor(() => expect(state.shown).toHaveLength(1));
        expect(state.shown[0].selection.active).toMatchObject({ line: 1, character: 2 });
        expect(state.shown[0].selection.anchor).toMatchObject({ line: 1, character: 11 });
    });

    test('an export is written where the save dialog says, and reported back; a cancelled dialog writes nothing', async () => {
        const { posted, send } = open([result(1)]);
        send({ type: 'ready' });
        send({ type: 'export', format: 'png', encoding: 'base64', data: Buffer.from('PNGDATA').toString('base64'), suggestedName: 'main.png' });
        await vi.waitFor(() => expect(posted.some(m => m.type === 'exportResult')).toBe(true));
        expect(state.written).toEqual([]);
        state.saveTarget = vscode.Uri.parse('file:///out/map.png') as never;
        send({ type: 'export', format: 'png', encoding: 'base64', data: Buffer.from('PNGDATA').toString('base64'), suggestedName: 'main.png' });
        await vi.waitFor(() => expect(state.written).toHaveLength(1));
        expect(state.written[0].path).toBe('/out/map.png');
        expect(Buffer.from(state.written[0].bytes).toString()).toBe('PNGDATA');
        await vi.waitFor(() => expect(posted.filter(m => m.type === 'exportResult').at(-1)).toEqual({ type: 'exportResult', format: 'png', path: '/out/map.png' }));
    });
});
