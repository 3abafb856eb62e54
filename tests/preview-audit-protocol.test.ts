// The run-time checks of the preview's messages: every message the host and the page really
// send passes; malformed and unknown ones do not (a listener must never act on them).
import { describe, expect, test } from 'vitest';
import { asHostMessage, asWebviewMessage } from '../src/protocol/webview-guards.js';
import { ModelFeed } from '../src/extension/preview/model-feed.js';
import { mapModelOfDocument } from '../src/model/from-document.js';
import { buildFiles } from './helpers.js';
import { updateDecision } from '../webview/update-decision.js';
import type { MapModel } from '../src/model/types.js';
import type { UpdateMessage } from '../src/protocol/webview.js';

const resource = 'file:///maps/a.journey';

describe('messages from the host to the page', () => {
    test('the updates the host really sends pass: whole model, patch, no journey, with a trace', async () => {
        const text = 'journey j "J" {\n  stage s "S" {\n    action "a"\n  }\n}';
        const { services, documents } = await buildFiles({ 'a.journey': text });
        const model = mapModelOfDocument(documents['a.journey'], services.shared.workspace.LangiumDocuments)!;
        const feed = new ModelFeed(resource);
        feed.receive({ uri: resource, version: 1, seq: 1, model, errorCount: 0, syntaxErrorCount: 0, dependencies: [], trace: { 'server.received': 1 } } as never);
        const whole = feed.takeUpdate()!;
        expect(asHostMessage(whole)).toBe(whole);
        feed.receive({ uri: resource, version: 2, seq: 2, patch: { base: 1, changes: [{ path: ['stages', 0, 'label'], value: 'T' }, { path: ['journey', 'goal'], delete: true }] }, errorCount: 1, syntaxErrorCount: 1, dependencies: [] });
        const patch = feed.takeUpdate()!;
        expect(patch.patch).toBeDefined();
        expect(asHostMessage(patch)).toBe(patch);
        const none = { type: 'update', resource, version: 0, model: null, syntaxErrorCount: 0, errorCount: 0 };
        expect(asHostMessage(none)).toBe(none);
        for (const message of [
            { type: 'highlight', line: 3, reveal: true },
            { type: 'exportResult', format: 'png', path: '/tmp/a.png' },
            { type: 'exportResult', format: 'svg' },
            { type: 'exportResult', format: 'html', error: 'EACCES' },
            { type: 'document', resource, locked: false },
        ]) expect(asHostMessage(message)).toBe(message);
    });

    test('malformed and unknown ones do not', () => {
        for (const message of [
            null, undefined, 'update', 1, [], {}, { type: 'unknown' }, { type: 'ready' },
            { type: 'update' },
            { type: 'update', resource, version: '2', syntaxErrorCount: 0, errorCount: 0 },
            { type: 'update', resource, version: 2, syntaxErrorCount: -1, errorCount: 0 },
            { type: 'update', resource, version: 2, syntaxErrorCount: 0, errorCount: 0, model: 'x' },
            { type: 'update', resource, version: 2, syntaxErrorCount: 0, errorCount: 0, patch: { base: 1, changes: [{ path: 'x' }] } },
            { type: 'highlight', line: 0, reveal: true },
            { type: 'highlight', line: Number.NaN, reveal: true },
            { type: 'highlight', line: 2 },
            { type: 'exportResult', format: 'exe' },
            { type: 'document', locked: false },
            { type: 'document', resource: '', locked: false },
        ]) expect(asHostMessage(message), JSON.stringify(message)).toBeUndefined();
    });
});

describe('messages from the page to the host', () => {
    test('the messages the page really sends pass', () => {
        for (const message of [
            { type: 'ready' },
            { type: 'resync' },
            { type: 'revealSource', line: 4 },
            { type: 'revealSource', line: 4, range: { line: 4, column: 5, endLine: 6, endColumn: 2 } },
            { type: 'export', format: 'png', data: 'iVBORw0KGgo=', encoding: 'base64', suggestedName: 'j.png' },
            { type: 'export', format: 'svg', data: '<svg/>', encoding: 'utf8', suggestedName: 'j.svg' },
        ]) expect(asWebviewMessage(message)).toBe(message);
    });

    test('malformed and unknown ones do not: no file of another kind, no selection at line NaN', () => {
        for (const message of [
            null, 'ready', {}, { type: 'update' }, { type: 'revealSource' },
            { type: 'revealSource', line: Number.NaN },
            { type: 'revealSource', line: '3' },
            { type: 'revealSource', line: 3, range: { line: 3 } },
            { type: 'export', format: 'exe', data: 'x', encoding: 'utf8', suggestedName: 'x.exe' },
            { type: 'export', format: 'svg', data: 42, encoding: 'utf8', suggestedName: 'x.svg' },
            { type: 'export', format: 'svg', data: 'x', encoding: 'hex', suggestedName: 'x.svg' },
            { type: 'export', format: 'svg', data: 'x', encoding: 'utf8' },
        ]) expect(asWebviewMessage(message), JSON.stringify(message)).toBeUndefined();
    });
});

describe('updates under syntax errors (webview/update-decision.ts)', () => {
    const model = { journey: { id: 'j' } } as unknown as MapModel;
    const update = (syntaxErrorCount: number, m: MapModel | null = model): UpdateMessage =>
        ({ type: 'update', resource, version: 5, model: m, syntaxErrorCount, errorCount: syntaxErrorCount });

    test('a partial map shown is replaced by a newer partial map; a good one is kept', () => {
        expect(updateDecision(update(1), 4, true, true)).toEqual({ action: 'render', banner: '1 syntax error: the map may be incomplete.' });
        expect(updateDecision(update(1), 4, true, false)).toEqual({ action: 'keep', banner: '1 syntax error: showing the last good map.' });
        // No model at all this time: the partial map stays, and the banner does not call it good.
        expect(updateDecision(update(2, null), 4, true, true)).toEqual({ action: 'keep', banner: '2 syntax errors: the map may be incomplete.' });
    });
});
