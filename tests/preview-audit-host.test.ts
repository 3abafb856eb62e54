// The preview's extension-host side from outside: what it does with malformed messages from
// the page, and where the save dialog of an export starts, with a stand-in for `vscode`.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { HostToWebviewMessage } from '../src/protocol/webview.js';

const state = vi.hoisted(() => ({
    dialogs: [] as Array<{ defaultUri?: { toString(): string } }>,
    shown: 0,
    warnings: [] as string[],
    workspaceFolders: undefined as Array<{ uri: unknown }> | undefined,
}));

vi.mock('vscode', async () => {
    const { EventEmitter, Uri, Position, Selection, enums, stubDocument, stubGetConfiguration } = await import('./vscode-stub.js');
    type Uri = InstanceType<typeof Uri>;
    const document = (uri: Uri) => stubDocument(uri, () => ['journey j {', '  stage s {}', '}']);
    return {
        EventEmitter, Uri, Position, Selection, ...enums,
        workspace: {
            getConfiguration: stubGetConfiguration(() => ({})),
            openTextDocument: async (uri: Uri) => {
                if (uri.path.includes('gone')) throw new Error(`cannot open ${uri.toString()}. Detail: Unable to read file (Error: File not found)`);
                return document(uri);
            },
            fs: { writeFile: async () => undefined },
            get workspaceFolders() { return state.workspaceFolders; },
        },
        window: {
            visibleTextEditors: [],
            showTextDocument: async () => { state.shown++; return { revealRange: () => undefined }; },
            showSaveDialog: async (options: { defaultUri?: Uri }) => { state.dialogs.push(options); return undefined; },
            showInformationMessage: async () => undefined,
            showErrorMessage: async () => undefined,
            showWarningMessage: async (text: string) => { state.warnings.push(text); return undefined; },
        },
    };
});

const { JourneyPreview } = await import('../src/extension/preview/journey-preview.js');
const vscode = await import('vscode');

function open(resource: string, options: { notReady?: boolean } = {}) {
    const posted: HostToWebviewMessage[] = [];
    let receive: (m: unknown) => void = () => undefined;
    const panel = {
        title: '', viewColumn: 2, active: true,
        webview: {
            options: {}, html: '', cspSource: 'vscode-resource:',
            asWebviewUri: (u: unknown) => u,
            postMessage: async (m: HostToWebviewMessage) => { posted.push(m); return true; },
            onDidReceiveMessage: (cb: (m: unknown) => void) => { receive = cb; return { dispose: () => undefined }; },
        },
        onDidChangeViewState: () => ({ dispose: () => undefined }),
        onDidDispose: () => ({ dispose: () => undefined }),
        reveal: () => undefined,
        dispose: () => undefined,
    };
    const server = {
        onMapModelPush: () => ({ dispose: () => undefined }),
        subscribePreview: () => ({ dispose: () => undefined }),
        resyncPreview: () => undefined,
    };
    new JourneyPreview(panel as never, vscode.Uri.parse(resource), vscode.Uri.parse('file:///ext'), server as never, undefined);
    const ready = () => receive({ type: 'ready' });
    if (!options.notReady) ready();
    return { posted, send: (m: unknown) => receive(m), ready };
}

const exportMessage = { type: 'export', format: 'svg', encoding: 'utf8', data: '<svg/>', suggestedName: 'j.svg' };

beforeEach(() => {
    state.dialogs = [];
    state.shown = 0;
    state.warnings = [];
    state.workspaceFolders = undefined;
});

describe('the preview host and what the page posts', () => {
    test('malformed messages are dropped: no selection at line NaN, no warning, no save dialog for a file of another kind', async () => {
        const { send } = open('file:///maps/a.journey');
        for (const message of [null, 'ready', { type: 'revealSource', line: Number.NaN }, { type: 'revealSource', line: '2' },
            { ...exportMessage, format: 'exe' }, { ...exportMessage, data: 7 }]) {
            expect(() => send(message)).not.toThrow();
        }
        await new Promise(resolve => setTimeout(resolve, 20));
        expect(state.shown).toBe(0);
        expect(state.warnings).toEqual([]);
        expect(state.dialogs).toEqual([]);
        // A good one still works.
        send({ type: 'revealSource', line: 2 });
        await vi.waitFor(() => expect(state.shown).toBe(1));
    });
});

describe('where the save dialog of an export starts', () => {
    test('beside the map\'s file', async () => {
        const { send } = open('file:///maps/a.journey');
        send(exportMessage);
        await vi.waitFor(() => expect(state.dialogs).toHaveLength(1));
        expect(state.dialogs[0].defaultUri?.toString()).toBe('file:///maps/j.svg');
    });

    test('for an untitled map, in the workspace folder, never at an untitled URI (VS Code\'s dialog cancels on one)', async () => {
        state.workspaceFolders = [{ uri: vscode.Uri.parse('file:///work') }];
        const first = open('untitled:Untitled-1');
        first.send(exportMessage);
        await vi.waitFor(() => expect(state.dialogs).toHaveLength(1));
        expect(state.dialogs[0].defaultUri?.toString()).toBe('file:///work/j.svg');
        state.workspaceFolders = undefined;
        open('untitled:Untitled-2').send(exportMessage);
        await vi.waitFor(() => expect(state.dialogs).toHaveLength(2));
        expect(state.dialogs[1].defaultUri).toBeUndefined();
    });
});

describe('a preview whose file cannot be opened (deleted before a window reload restored the panel)', () => {
    test('the page is told why, instead of showing "Loading the map" for ever; also when it loads after the failure', async () => {
        const early = open('file:///maps/gone.journey');
        await vi.waitFor(() => expect(early.posted.some(m => m.type === 'notice')).toBe(true));
        const notice = early.posted.find(m => m.type === 'notice');
        expect(notice).toMatchObject({ type: 'notice', text: expect.stringContaining('gone.journey cannot be opened') });
        expect(state.warnings).toHaveLength(1);
        // The page loads only after the failure: it gets the notice when it says it is ready.
        const late = open('file:///maps/gone-too.journey', { notReady: true });
        await new Promise(resolve => setTimeout(resolve, 10));
        expect(late.posted).toEqual([]);
        late.ready();
        expect(late.posted.filter(m => m.type === 'notice')).toHaveLength(1);
        // A file that opens gets no notice.
        const fine = open('file:///maps/a.journey');
        await new Promise(resolve => setTimeout(resolve, 10));
        expect(fine.posted.some(m => m.type === 'notice')).toBe(false);
    });
});
