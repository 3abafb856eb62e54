import { EmptyFileSystemProvider, URI, type FileSystemProvider } from 'langium';
import { createJourneyServices } from '../src/language/journey-module.js';
import type { Connection } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { mapModelResult, registerPreviewProtocol } from '../src/language/preview-protocol-handler.js';
import { DocumentValidatedNotificationMethod, MapModelRequestMethod, type DocumentValidatedParams } from '../src/protocol/lsp.js';
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
    const notifications: Array<{ method: string; params: DocumentValidatedParams }> = [];
    const handlers = new Map<string, (params: unknown, token: unknown) => unknown>();
    const connection = {
        sendNotification: (method: string, params: DocumentValidatedParams) => { notifications.push({ method, params }); return Promise.resolve(); },
        onRequest: (method: string, handler: (params: unknown, token: unknown) => unknown) => { handlers.set(method, handler); },
    } as unknown as Connection;
    return { connection, notifications, handlers };
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

    test('notifies each validated document with its version and error counts, and registers the request', async () => {
        const services = await readyServices();
        const { connection, notifications, handlers } = fakeConnection();
        registerPreviewProtocol(connection, services.shared);
        expect(handlers.has(MapModelRequestMethod)).toBe(true);
        await buildFiles({ 'people.journey': people, 'main.journey': journey.replace('for dana', 'for dana,') }, services);
        const validated = notifications.filter(n => n.method === DocumentValidatedNotificationMethod).map(n => n.params);
        expect(validated.map(p => p.uri).sort()).toEqual(['file:///work/main.journey', 'file:///work/people.journey']);
        const main = validated.find(p => p.uri === 'file:///work/main.journey')!;
        expect(main.syntaxErrorCount).toBeGreaterThan(0);
        expect(main.version).toBe(0);
        const answer = await handlers.get(MapModelRequestMethod)!({ uri: 'file:///work/main.journey' }, undefined) as { model: unknown };
        expect(answer.model).not.toBeNull();
    });

    test('a change to an imported file is notified, so a preview of the importer can refresh', async () => {
        const files = new Map<string, string>();
        const services = await readyServices(memoryFileSystem(files));
        const { connection, notifications } = fakeConnection();
        registerPreviewProtocol(connection, services.shared);
        await buildFiles({ 'people.journey': people, 'main.journey': journey }, services);
        notifications.length = 0;
        const peopleUri = URI.parse('file:///work/people.journey');
        files.set(peopleUri.toString(), people.replace('Dana, operations manager', 'Dana'));
        await services.shared.workspace.DocumentBuilder.update([peopleUri], []);
        expect(notifications.map(n => n.params.uri)).toContain('file:///work/people.journey');
        const result = await mapModelResult(services.shared, { uri: 'file:///work/main.journey' });
        expect(result.model?.personas[0].label).toBe('Dana');
    });
});
