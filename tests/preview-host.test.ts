// The preview's extension-host side (JourneyPreview) with a stand-in for the `vscode` module:
// the model pushed by the server (whole, then patches) passed on to the page, the version guard,
// the ready handshake, click -> editor selection with the echo guard, exports through the save dialog.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { MapModel } from '../src/model/types.js';
import type { JsonChange } from '../src/protocol/json-patch.js';
import type { MapModelPush } from '../src/protocol/lsp.js';
import type { HostToWebviewMessage, WebviewToHostMessage } from '../src/protocol/webview.js';

const state = vi.hoisted(() => ({
    written: [] as Array<{ path: string; bytes: Uint8Array }>,
    saveTarget: undefined as { fsPath: string; scheme: string; toString(): string } | undefined,
    shown: [] as Array<{ uri: string; selection: { anchor: { line: number; character: number }; active: { line: number; character: number } } }>,
    documentLines: [] as string[],
    notes: [] as Array<{ kind: string; text: string }>,
    settings: {} as Record<string, unknown>,
}));

vi.mock('vscode', async () => {
    const { EventEmitter, Uri, Position, Selection, enums, stubDocument, stubGetConfiguration } = await import('./vscode-stub.js');
    type Uri = InstanceType<typeof Uri>;
    type Selection = InstanceType<typeof Selection>;
    const document = (uri: Uri) => stubDocument(uri, () => state.documentLines);
    return {
        EventEmitter, Uri, Position, Selection, ...enums,
        workspace: {
            getConfiguration: stubGetConfiguration(() => state.settings),
            openTextDocument: async (uri: Uri) => document(uri),
            fs: { writeFile: async (uri: Uri, bytes: Uint8Array) => { state.written.push({ path: uri.path, bytes }); } },
        },
        window: {
            visibleTextEditors: [],
            showTextDocument: async (doc: { uri: Uri }) => {
                const shown = { uri: doc.uri.toString(), selection: undefined as unknown as Selection };
                return {
                    set selection(selection: Selection) { shown.selection = selection; state.shown.push(shown); },
                    revealRange: () => undefined,
                };
            },
            showSaveDialog: async () => state.saveTarget,
            showInformationMessage: async (text: string) => { state.notes.push({ kind: 'info', text }); },
            showErrorMessage: async () => undefined,
            showWarningMessage: async (text: string) => { state.notes.push({ kind: 'warning', text }); },
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

function fakeServer() {
    const subscribed: string[] = [];
    const resyncs: string[] = [];
    let listener: (push: MapModelPush) => void = () => undefined;
    return {
        subscribed, resyncs,
        push: (p: MapModelPush) => listener(p),
        mapModel: async () => { throw new Error('the preview is pushed its models; it never asks'); },
        onMapModelPush: (l: (push: MapModelPush) => void) => { listener = l; return { dispose: () => undefined }; },
        subscribePreview: (uri: string) => {
            subscribed.push(uri);
            return { dispose: () => { subscribed.splice(subscribed.indexOf(uri), 1); } };
        },
        resyncPreview: (uri: string) => { resyncs.push(uri); },
    };
}

const full = (seq: number, version: number, extra: Partial<MapModelPush> = {}): MapModelPush =>
    ({ uri: RESOURCE, version, seq, model, errorCount: 0, syntaxErrorCount: 0, dependencies: [PEOPLE], ...extra });
const patch = (seq: number, base: number, version: number, changes: JsonChange[], extra: Partial<MapModelPush> = {}): MapModelPush =>
    ({ uri: RESOURCE, version, seq, patch: { base, changes }, errorCount: 0, syntaxErrorCount: 0, dependencies: [PEOPLE], ...extra });

function open() {
    const { panel, posted, send } = fakePanel();
    const server = fakeServer();
    const preview = new JourneyPreview(panel as never, vscode.Uri.parse(RESOURCE), vscode.Uri.parse('file:///ext'), server as never, undefined);
    // The manager routes every push to every preview.
    server.onMapModelPush(p => preview.onModelPush(p));
    return { preview, panel, posted, send, server };
}

const updates = (posted: HostToWebviewMessage[]) => posted.filter(m => m.type === 'update');

beforeEach(() => {
    state.written = [];
    state.shown = [];
    state.saveTarget = undefined;
    state.notes = [];
    state.settings = {};
    state.documentLines = ['journey main {', '  stage s {', '    barrier b "Slow" severity high', '  }', '}'];
});

describe('JourneyPreview (extension host)', () => {
    test('sets the page once with a nonce CSP and subscribes at once; sends the whole model when the page is ready', async () => {
        const { panel, posted, send, server } = open();
        expect(panel.webview.html).toMatch(/script-src 'nonce-[A-Za-z0-9]{32}'/);
        // The page may load the extension's media and nothing else; its script and icons live there.
        expect((panel.webview.options as { localResourceRoots: unknown[] }).localResourceRoots.map(String)).toEqual(['file:///ext/media']);
        for (const src of panel.webview.html.match(/(?:src|href)="[^"]*"/g) ?? []) expect(src).toMatch(/^(src|href)="file:\/\/\/ext\/media\//);
        expect(server.subscribed).toEqual([RESOURCE]);
        server.push(full(1, 1));
        expect(posted).toEqual([]);
        send({ type: 'ready' });
        expect(updates(posted)).toEqual([{ type: 'update', resource: RESOURCE, version: 1, seq: 1, model, syntaxErrorCount: 0, errorCount: 0 }]);
        expect(posted[0]).toEqual({ type: 'document', resource: RESOURCE, locked: false });
    });

    test('passes patches on to the page at once, and the whole model when the page asks again', async () => {
        const { posted, send, server } = open();
        send({ type: 'ready' });
        server.push(full(1, 1));
        expect(updates(posted)).toHaveLength(1);
        await new Promise(r => setTimeout(r, 70)); // past the throttle interval: the next one goes at once
        const rename: JsonChange[] = [{ path: ['journey', 'id'], value: 'renamed' }];
        server.push(patch(2, 1, 2, rename));
        expect(updates(posted).at(-1)).toMatchObject({ version: 2, seq: 2, patch: { base: 1, changes: rename } });
        expect(updates(posted).at(-1)).not.toHaveProperty('model');
        send({ type: 'resync' });
        expect(updates(posted).at(-1)).toMatchObject({ version: 2, seq: 2, model: { journey: { id: 'renamed' }, stages: [] } });
        expect(model.journey.id).toBe('main'); // patches never change a model in place
    });

    test('folds a burst of patches into one update after the interval', async () => {
        const { posted, send, server } = open();
        send({ type: 'ready' });
        server.push(full(1, 1));
        server.push(patch(2, 1, 2, [{ path: ['journey', 'id'], value: 'a' }]));
        server.push(patch(3, 2, 3, [{ path: ['journey', 'id'], value: 'ab' }]));
        expect(updates(posted)).toHaveLength(1);
        await vi.waitFor(() => expect(updates(posted)).toHaveLength(2));
        expect(updates(posted)[1]).toMatchObject({ version: 3, seq: 3, patch: { base: 1 } });
        expect(updates(posted)[1].patch?.changes).toHaveLength(2);
    });

    test('a patch for a state it does not hold makes it ask the server for the whole model', async () => {
        const { posted, send, server } = open();
        send({ type: 'ready' });
        server.push(full(1, 1));
        server.push(patch(5, 4, 3, [{ path: ['journey', 'id'], value: 'x' }]));
        expect(server.resyncs).toEqual([RESOURCE]);
        expect(updates(posted)).toHaveLength(1);
    });

    test('ignores pushes for other documents and never shows an older version after a newer one', async () => {
        const { posted, send, server } = open();
        send({ type: 'ready' });
        server.push(full(1, 5));
        server.push({ ...full(2, 6), uri: 'file:///maps/unrelated.journey' });
        server.push(full(3, 4));
        await new Promise(r => setTimeout(r, 100));
        expect(updates(posted).map(m => m.version)).toEqual([5]);
    });

    test('stops the subscription when the panel closes', () => {
        const { preview, server } = open();
        preview.dispose();
        expect(server.subscribed).toEqual([]);
    });

    test('turned to another document, it subscribes to that one, says so to the page, and ignores the old one', async () => {
        const { preview, panel, posted, send, server } = open();
        send({ type: 'ready' });
        expect(posted[0]).toEqual({ type: 'document', resource: RESOURCE, locked: false });
        server.push(full(1, 7));
        expect(panel.title).toBe('Preview main.journey');
        await new Promise(r => setTimeout(r, 70));
        preview.showResource(vscode.Uri.parse(PEOPLE));
        expect(preview.previewed).toBe(PEOPLE);
        expect(server.subscribed).toEqual([PEOPLE]);
        expect(panel.title).toBe('Preview people.journey');
        expect(posted.at(-1)).toEqual({ type: 'document', resource: PEOPLE, locked: false });
        // A late push of the old document is not shown; the new one's first version is, though lower.
        server.push(patch(2, 1, 8, [{ path: ['journey', 'id'], value: 'late' }]));
        server.push({ ...full(3, 1), uri: PEOPLE });
        expect(updates(posted).map(m => [m.resource, m.version])).toEqual([[RESOURCE, 7], [PEOPLE, 1]]);
    });

    test('a locked preview says so in its title and in the state the page keeps for a reload', () => {
        const { preview, panel, posted, send } = open();
        send({ type: 'ready' });
        preview.setLocked(true);
        expect(preview.locked).toBe(true);
        expect(panel.title).toBe('[Preview] main.journey');
        expect(posted.at(-1)).toEqual({ type: 'document', resource: RESOURCE, locked: true });
        preview.setLocked(false);
        expect(panel.title).toBe('Preview main.journey');
    });

    test('restored locked from the state the page kept', () => {
        const { panel } = fakePanel();
        const preview = new JourneyPreview(panel as never, vscode.Uri.parse(RESOURCE), vscode.Uri.parse('file:///ext'), fakeServer() as never,
            { resource: RESOURCE, locked: true, zoom: 1, hiddenLanes: [], personas: null });
        expect(preview.locked).toBe(true);
        expect(panel.title).toBe('[Preview] main.journey');
        expect(panel.webview.html).toContain('&quot;locked&quot;:true');
    });

    test('a click selects the whole source range in the editor, and its echo highlights without scrolling', async () => {
        const { preview, posted, send } = open();
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

    test('the settings turn the cursor highlight and its scrolling off, and a highlight switched off goes at once', async () => {
        const { preview, posted, send } = open();
        send({ type: 'ready' });
        state.settings = { 'journey.preview.scrollPreviewWithEditor': false };
        preview.onEditorCursor(4);
        expect(posted.at(-1)).toEqual({ type: 'highlight', line: 4, reveal: false });
        state.settings = { 'journey.preview.markEditorSelection': false };
        preview.onSettingsChanged();
        expect(posted.at(-1)).toEqual({ type: 'highlight', line: null, reveal: false });
        const count = posted.length;
        preview.onEditorCursor(5);
        expect(posted).toHaveLength(count);
        state.settings = {};
        preview.onEditorCursor(5);
        expect(posted.at(-1)).toEqual({ type: 'highlight', line: 5, reveal: true });
    });

    test('without a range, a click selects the line without its indentation', async () => {
        const { send } = open();
        send({ type: 'ready' });
        send({ type: 'revealSource', line: 2 });
        await vi.waitFor(() => expect(state.shown).toHaveLength(1));
        expect(state.shown[0].selection.active).toMatchObject({ line: 1, character: 2 });
        expect(state.shown[0].selection.anchor).toMatchObject({ line: 1, character: 11 });
    });

    test('an export made while the document has syntax errors says that it shows the picture, not the text', async () => {
        const { send, server } = open();
        send({ type: 'ready' });
        state.saveTarget = vscode.Uri.parse('file:///out/map.svg') as never;
        const exportSvg = () => send({ type: 'export', format: 'svg', encoding: 'utf8', data: '<svg/>', suggestedName: 'main.svg' });
        server.push(full(1, 1));
        exportSvg();
        await vi.waitFor(() => expect(state.notes).toHaveLength(1));
        expect(state.notes[0]).toEqual({ kind: 'info', text: 'Journey map exported to /out/map.svg' });
        server.push(full(2, 2, { syntaxErrorCount: 2, errorCount: 2 }));
        exportSvg();
        await vi.waitFor(() => expect(state.notes).toHaveLength(2));
        expect(state.notes[1].kind).toBe('warning');
        expect(state.notes[1].text).toContain('the document has 2 syntax errors');
        expect(state.written).toHaveLength(2);
    });

    test('a click on an imported persona opens the file the map imports it from; a file the map does not import is not opened', async () => {
        const { preview, send, server } = open();
        send({ type: 'ready' });
        server.push(full(1, 1));
        const range = { line: 2, column: 1, endLine: 4, endColumn: 2 };
        send({ type: 'revealSource', line: 2, range, uri: 'file:///elsewhere/secret.journey' });
        send({ type: 'revealSource', line: 2, range, uri: PEOPLE });
        await vi.waitFor(() => expect(state.shown).toHaveLength(1));
        expect(state.shown[0].uri).toBe(PEOPLE);
        expect(state.shown[0].selection.active).toMatchObject({ line: 1, character: 0 });
        // The editor it opened becoming active must not turn the preview away from the map.
        expect(preview.openedForDeclaration).toBe(PEOPLE);
    });

    test('an export is written where the save dialog says, and reported back; a cancelled dialog writes nothing', async () => {
        const { posted, send } = open();
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
