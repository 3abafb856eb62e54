import { EmptyFileSystemProvider, URI, type FileSystemProvider } from 'langium';
import { createJourneyServices } from '../src/language/journey-module.js';
import type { Connection } from 'vscode-languageserver';
import { describe, expect, test, vi } from 'vitest';
import { mapModelResult, registerPreviewProtocol } from '../src/language/preview-protocol-handler.js';
import {
    MapModelPushNotificationMethod, MapModelRequestMethod, PreviewSubscribeNotificationMethod, type MapModelPush,
} from '../src/protocol/lsp.js';
import { applyJsonChanges } from '../src/protocol/json-patch.js';
import type { MapModel } from '../src/model/types.js';
import { buildFiles, createTestServices } from './helpers.js';

const people = `persona dana "Dana, operations manager"\nteam sales "Sales"\n`;
const journey = `import "people.journey"

journey switch "Switching" {
  for dana
  stage need "Need" {
    step missed "Notices missed calls" {
      touchpoint phone "Call log"
      emotion -2 "frustrated"
    }
  }
}
`;

/** An in-memory file system: rebuilding a changed document re-reads its text from here. */
function memoryFileSystem(files: Map<string, string>): FileSystemProvider {
    const readFileSync = (uri: URI): string => {
        const text = files.get(uri.toString());
        if (text === undefined) throw new Error(`no file ${uri.toString()}`);
        return text;
    };
    return Object.assign(new EmptyFileSystemProvider(), { readFileSync, readFile: (uri: URI) => Promise.resolve(readFileSync(uri)) });
}

/** Services whose workspace is "initialised" as a language server's would be. */
async function readyServices(fileSystem?: FileSystemProvider) {
    const services = fileSystem ? createJourneyServices({ fileSystemProvider: () => fileSystem }) : createTestServices();
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    return services;
}

/** A connection that records notifications and request handlers. */
function fakeConnection() {
    const notifications: Array<{ method: string; params: unknown }> = [];
    const handlers = new Map<string, (params: unknown, token: unknown) => unknown>();
    const listeners = new Map<string, (params: unknown) => void>();
    const connection = {
        onNotification: (method: string, listener: (params: unknown) => void) => { listeners.set(method, listener); },
        sendNotification: (method: string, params: unknown) => { notifications.push({ method, params }); return Promise.resolve(); },
        onRequest: (method: string, handler: (params: unknown, token: unknown) => unknown) => { handlers.set(method, handler); },
    } as unknown as Connection;
    const pushes = () => notifications.filter(n => n.method === MapModelPushNotificationMethod).map(n => n.params as MapModelPush);
    const subscribe = (uri: string, subscribed = true) => listeners.get(PreviewSubscribeNotificationMethod)!({ uri, subscribed });
    return { connection, handlers, pushes, subscribe };
}

describe('preview protocol on the server', () => {
    test('answers the map model of a validated document, with the files it imports', async () => {
        const { services } = await buildFiles({ 'people.journey': people, 'main.journey': journey }, await readyServices());
        const result = await mapModelResult(services.shared, { uri: 'file:///work/main.journey' });
        expect(result.version).toBe(0);
        expect(result.syntaxErrorCount).toBe(0);
        expect(result.errorCount).toBe(0);
        expect(result.model?.journey.id).toBe('switch');
        expect(result.model?.personas.map(p => p.label)).toEqual(['Dana, operations manager']);
        expect(result.model?.stages[0].steps[0].source.line).toBe(6);
        expect(result.dependencies).toEqual(['file:///work/people.journey']);
    });

    test('counts syntax errors separately and still returns the recovered model', async () => {
        const broken = journey.replace('emotion -2 "frustrated"', 'emotion -2 "frustrated\n      action {');
        const { services } = await buildFiles({ 'people.journey': people, 'main.journey': broken }, await readyServices());
        const result = await mapModelResult(services.shared, { uri: 'file:///work/main.journey' });
        expect(result.syntaxErrorCount).toBeGreaterThan(0);
        expect(result.errorCount).toBeGreaterThanOrEqual(result.syntaxErrorCount);
        expect(result.model?.journey.id).toBe('switch');
    });

    test('returns an empty result for a document the server does not know', async () => {
        const services = await readyServices();
        const result = await mapModelResult(services.shared, { uri: 'file:///work/unknown.journey' });
        expect(result).toEqual({ uri: 'file:///work/unknown.journey', version: null, model: null, errorCount: 0, syntaxErrorCount: 0, dependencies: [] });
    });

    test('a library file has no model', async () => {
        const { services } = await buildFiles({ 'people.journey': people }, await readyServices());
        const result = await mapModelResult(services.shared, { uri: 'file:///work/people.journey' });
        expect(result.model).toBeNull();
        expect(result.version).toBe(0);
    });

    test('registers the request, which answers with the version and the error counts', async () => {
        const services = await readyServices();
        const { connection, handlers } = fakeConnection();
        registerPreviewProtocol(connection, services.shared);
        expect(handlers.has(MapModelRequestMethod)).toBe(true);
        await buildFiles({ 'people.journey': people, 'main.journey': journey.replace('for dana', 'for dana,') }, services);
        const answer = await handlers.get(MapModelRequestMethod)!({ uri: 'file:///work/main.journey' }, undefined) as { model: unknown; version: number; syntaxErrorCount: number };
        expect(answer.model).not.toBeNull();
        expect(answer.version).toBe(0);
        expect(answer.syntaxErrorCount).toBeGreaterThan(0);
    });

    test('after a change to an imported file the request answers with the new model', async () => {
        const files = new Map<string, string>();
        const services = await readyServices(memoryFileSystem(files));
        await buildFiles({ 'people.journey': people, 'main.journey': journey }, services);
        const peopleUri = URI.parse('file:///work/people.journey');
        files.set(peopleUri.toString(), people.replace('Dana, operations manager', 'Dana'));
        await services.shared.workspace.DocumentBuilder.update([peopleUri], []);
        const result = await mapModelResult(services.shared, { uri: 'file:///work/main.journey' });
        expect(result.model?.personas[0].label).toBe('Dana');
    });
});

describe('map models pushed to open previews', () => {
    const MAIN = 'file:///work/main.journey';

    /** Services over an in-memory workspace with both files built, and the protocol registered. */
    async function pushing() {
        const files = new Map<string, string>();
        const services = await readyServices(memoryFileSystem(files));
        const fake = fakeConnection();
        registerPreviewProtocol(fake.connection, services.shared);
        await buildFiles({ 'people.journey': people, 'main.journey': journey }, services);
        for (const [name, text] of [['people.journey', people], ['main.journey', journey]]) files.set(`file:///work/${name}`, text);
        const rebuild = async (name: string, text: string) => {
            files.set(`file:///work/${name}`, text);
            await services.shared.workspace.DocumentBuilder.update([URI.parse(`file:///work/${name}`)], []);
        };
        return { services, rebuild, ...fake };
    }

    /** The model a client holds after applying every push in order. */
    function held(pushes: MapModelPush[]): MapModel | null | undefined {
        let model: MapModel | null | undefined;
        let seq: number | undefined;
        for (const push of pushes) {
            if (push.patch) {
                expect(push.patch.base).toBe(seq);
                model = applyJsonChanges(model, push.patch.changes);
            } else {
                model = push.model;
            }
            seq = push.seq;
        }
        return model;
    }

    test('a subscription gets the whole model, then each edit as a small patch', async () => {
        const { pushes, subscribe, rebuild, services } = await pushing();
        subscribe(MAIN);
        await vi.waitFor(() => expect(pushes()).toHaveLength(1));
        expect(pushes()[0]).toMatchObject({ uri: MAIN, seq: expect.any(Number), dependencies: ['file:///work/people.journey'] });
        expect(pushes()[0].model?.journey.id).toBe('switch');

        await rebuild('main.journey', journey.replace('"Notices missed calls"', '"Notices missed calls Zebra"'));
        expect(pushes()).toHaveLength(2);
        const edit = pushes()[1];
        expect(edit.model).toBeUndefined();
        // The label and the step's source end moved; nothing else travels.
        expect(edit.patch!.changes.length).toBeLessThanOrEqual(4);
        expect(edit.patch!.changes).toContainEqual({ path: ['stages', 0, 'steps', 0, 'label'], value: 'Notices missed calls Zebra' });
        const fresh = await mapModelResult(services.shared, { uri: MAIN });
        expect(held(pushes())).toEqual(JSON.parse(JSON.stringify(fresh.model)));
    });

    test('a change to an imported file is pushed to the importer\'s preview', async () => {
        const { pushes, subscribe, rebuild } = await pushing();
        subscribe(MAIN);
        await vi.waitFor(() => expect(pushes()).toHaveLength(1));
        await rebuild('people.journey', people.replace('Dana, operations manager', 'Dana'));
        await vi.waitFor(() => expect(held(pushes())?.personas[0].label).toBe('Dana'));
        expect(pushes().every(p => p.uri === MAIN)).toBe(true);
    });

    test('nothing is pushed for a rebuild that changes nothing, nor after the preview closed', async () => {
        const { pushes, subscribe, rebuild } = await pushing();
        subscribe(MAIN);
        await vi.waitFor(() => expect(pushes()).toHaveLength(1));
        await rebuild('main.journey', journey);
        expect(pushes()).toHaveLength(1);
        subscribe(MAIN, false);
        await rebuild('main.journey', journey.replace('frustrated', 'annoyed'));
        expect(pushes()).toHaveLength(1);
    });

    test('subscribing again pushes the whole model again (a resync)', async () => {
        const { pushes, subscribe } = await pushing();
        subscribe(MAIN);
        await vi.waitFor(() => expect(pushes()).toHaveLength(1));
        subscribe(MAIN);
        await vi.waitFor(() => expect(pushes()).toHaveLength(2));
        expect(pushes()[1].model?.journey.id).toBe('switch');
        expect(pushes()[1].seq).toBeGreaterThan(pushes()[0].seq);
    });

    test('syntax errors are counted in the push; the recovered model still travels', async () => {
        const { pushes, subscribe, rebuild } = await pushing();
        subscribe(MAIN);
        await vi.waitFor(() => expect(pushes()).toHaveLength(1));
        await rebuild('main.journey', journey.replace('emotion -2 "frustrated"', 'emotion -2 "frustrated\n      action {'));
        expect(pushes().at(-1)!.syntaxErrorCount).toBeGreaterThan(0);
        expect(held(pushes())?.journey.id).toBe('switch');
    });
});
