// Outside-in audit of the preview page in a real Chromium: maps and messages the other browser
// tests do not try (big exports, malformed messages, persona filters across edits and files).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPreviewPage, type PreviewPage } from './browser/preview-page.js';
import { mapModelOfDocument } from '../src/model/from-document.js';
import type { MapModel } from '../src/model/types.js';
import type { ExportMessage } from '../src/protocol/webview.js';
import { generateMap } from '../scripts/bench/generate-map.js';
import { buildFiles } from './helpers.js';

async function modelOf(text: string): Promise<MapModel> {
    const { services, documents } = await buildFiles({ 'audit.journey': text });
    return mapModelOfDocument(documents['audit.journey'], services.shared.workspace.LangiumDocuments)!;
}

let p: PreviewPage;
let version = 1;
beforeAll(async () => { p = await openPreviewPage(); }, 60_000);
afterAll(async () => { await p?.close(); });

async function exportOf(format: 'svg' | 'png' | 'html'): Promise<ExportMessage> {
    const before = (await p.posted()).filter(m => m.type === 'export').length;
    await p.page.locator(`[data-action="export-${format}"]`).click();
    await expect.poll(async () => (await p.posted()).filter(m => m.type === 'export').length, { timeout: 60_000 }).toBe(before + 1);
    return (await p.posted()).filter((m): m is ExportMessage => m.type === 'export').at(-1)!;
}

describe('exports', () => {
    test('a PNG of a map wider than a canvas can be is drawn smaller, never an empty file', { timeout: 120_000 }, async () => {
        const big = await modelOf(generateMap(200));
        await p.show(version++, big);
        const width = Number(await p.page.locator('#journey-map svg').getAttribute('width'));
        expect(width).toBeGreaterThan(32_767 / 2);
        const png = await exportOf('png');
        const bytes = Buffer.from(png.data, 'base64');
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
        expect(w).toBeLessThanOrEqual(32_767);
        expect(w).toBeGreaterThan(width / 2);
        expect(h).toBeGreaterThan(0);
        // Drawn, not blank: a blank picture of that size compresses to a few kilobytes.
        expect(bytes.length).toBeGreaterThan(500_000);
    });
});
