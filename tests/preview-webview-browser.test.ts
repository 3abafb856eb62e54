// The preview page in a real (headless) Chromium: the built webview bundle under the same
// strict CSP as in VS Code, with a stand-in for the VS Code webview API that records messages
// (tests/browser/preview-page.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { mapModelOfDocument } from '../src/model/from-document.js';
import type { MapModel } from '../src/model/types.js';
import type { HostToWebviewMessage } from '../src/protocol/webview.js';
import { openPreviewPage, RESOURCE, type PreviewPage } from './browser/preview-page.js';
import { buildFiles } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..');

let preview: PreviewPage;
let page: Page;
let problems: string[];
let logs: string[];
let model: MapModel;

async function exampleModel(): Promise<MapModel> {
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(path.join(root, 'examples'))) {
        if (name.endsWith('.journey')) files[name] = fs.readFileSync(path.join(root, 'examples', name), 'utf8');
    }
    const { services, documents } = await buildFiles(files);
    return mapModelOfDocument(documents['phone-switch.journey'], services.shared.workspace.LangiumDocuments)!;
}

const send = (message: HostToWebviewMessage) => preview.send(message);
const posted = () => preview.posted();
const update = (version: number, m: MapModel | null, syntaxErrorCount = 0): HostToWebviewMessage =>
    ({ type: 'update', resource: RESOURCE, version, model: m, syntaxErrorCount, errorCount: syntaxErrorCount });
const waitForLog = (text: string) => expect.poll(() => logs.some(l => l.includes(text)), { timeout: 10_000 }).toBe(true);

beforeAll(async () => {
    model = await exampleModel();
    preview = await openPreviewPage();
    ({ page, problems, logs } = preview);
}, 60_000);

afterAll(async () => {
    await preview?.close();
});

describe('the preview page in a browser', () => {
    test('draws the map from an update, styled under the CSP, with no console errors', async () => {
        await send(update(1, model));
        await page.locator('#journey-map svg [data-id][data-line]').first().waitFor({ timeout: 10_000 });
        await waitForLog('[journey-preview] updated version=1');
        expect(await page.locator('#journey-map').getAttribute('data-version')).toBe('1');
        // The map's own <style> applied (it needs the nonce): cards are not filled black.
        const fill = await page.locator('#journey-map rect.jm-card').first().evaluate(el => getComputedStyle(el).fill);
        expect(fill).not.toBe('rgb(0, 0, 0)');
        expect(problems).toEqual([]);
    });

    test('a later update patches the picture and keeps the scroll position', async () => {
        await page.locator('#journey-scroll').evaluate(el => { el.scrollLeft = 300; el.scrollTop = 120; });
        // Mark an element that the edit does not touch: it must be the same node afterwards.
        const untouched = `${model.stages[1].id}/${model.stages[1].steps[0].id}`;
        await page.locator(`#journey-map [data-id="${untouched}"]`).evaluate(el => { (el as unknown as { __mark: boolean }).__mark = true; });
        const changed: MapModel = structuredClone(model);
        changed.stages[0].steps[0].label = 'Notices missed calls Zebra';
        await send(update(2, changed));
        await waitForLog('[journey-preview] updated version=2');
        expect(await page.locator('#journey-map').innerText()).toContain('Zebra');
        expect(await page.locator(`#journey-map [data-id="${untouched}"]`).evaluate(el => (el as unknown as { __mark?: boolean }).__mark)).toBe(true);
        const patch = /kept=(\d+) created=(\d+)/.exec((await page.locator('#journey-map').getAttribute('data-patch')) ?? '')!;
        expect(Number(patch[2])).toBeLessThanOrEqual(3);
        expect(Number(patch[1])).toBeGreaterThan(20);
        const scroll = await page.locator('#journey-scroll').evaluate(el => [el.scrollLeft, el.scrollTop]);
        expect(scroll).toEqual([300, 120]);
        // An older version arriving late is ignored.
        await send(update(1, model));
        await page.waitForTimeout(100);
        expect(await page.locator('#journey-map').getAttribute('data-version')).toBe('2');
    });

    test('a click on a card asks the host to select its source', async () => {
        const barrier = model.stages[0].steps[0].barriers[0];
        const card = page.locator(`#journey-map [data-line="${barrier.source.line}"]`).first();
        await card.scrollIntoViewIfNeeded();
        await card.click();
        const reveal = (await posted()).filter(m => m.type === 'revealSource').at(-1);
        expect(reveal).toEqual({ type: 'revealSource', line: barrier.source.line, range: barrier.source });
    });

    test('a click on a persona selects its declaration, in the file it is imported from', async () => {
        const persona = model.personas[0];
        expect(persona.uri).toMatch(/people\.journey$/);
        await page.locator(`#journey-map [data-id="persona:${persona.id}"]`).click();
        const reveal = (await posted()).filter(m => m.type === 'revealSource').at(-1);
        expect(reveal).toEqual({ type: 'revealSource', line: persona.source!.line, range: persona.source, uri: persona.uri });
    });

    test('a click on a fix arrow selects the opportunity it starts at', async () => {
        const step = model.stages.flatMap(s => s.steps).find(s => s.opportunities.some(o => o.fixes.length > 0))!;
        const opportunity = step.opportunities.find(o => o.fixes.length > 0)!;
        const arrow = page.locator(`#journey-map path.jm-fix[data-from$="/opportunity:${opportunity.id}"]`);
        await arrow.dispatchEvent('click');
        const reveal = (await posted()).filter(m => m.type === 'revealSource').at(-1);
        expect(reveal).toEqual({ type: 'revealSource', line: opportunity.source.line, range: opportunity.source });
    });

    test('the editor cursor highlights the matching card and only it', async () => {
        const action = model.stages[0].steps[0].sources.actions[0];
        await send({ type: 'highlight', line: action.line, reveal: true });
        await expect.poll(() => page.locator(`#journey-map [data-line="${action.line}"].highlighted`).count()).toBe(1);
        expect(await page.locator('#journey-map .highlighted').count()).toBe(1);
        // The highlight survives an update.
        await send(update(3, model));
        await waitForLog('[journey-preview] updated version=3');
        expect(await page.locator(`#journey-map [data-line="${action.line}"].highlighted`).count()).toBe(1);
    });

    test('a highlight of no line (the setting switched off) clears it, also after the next update', async () => {
        await expect.poll(() => page.locator('#journey-map .highlighted').count()).toBeGreaterThan(0);
        await send({ type: 'highlight', line: null, reveal: false });
        await expect.poll(() => page.locator('#journey-map .highlighted').count()).toBe(0);
        await send(update(4, model));
        await waitForLog('[journey-preview] updated version=4');
        expect(await page.locator('#journey-map .highlighted').count()).toBe(0);
    });

    test('with syntax errors the last good map stays, under a banner with the count', async () => {
        await send(update(6, { ...model, stages: [] }, 2));
        await waitForLog('[journey-preview] updated version=6');
        await expect.poll(() => page.locator('#journey-banner').isVisible()).toBe(true);
        expect(await page.locator('#journey-banner').innerText()).toContain('2 syntax errors');
        expect(await page.locator('#journey-map [data-id]').count()).toBeGreaterThan(10);
        await send(update(7, model));
        await waitForLog('[journey-preview] updated version=7');
        expect(await page.locator('#journey-banner').isVisible()).toBe(false);
    });

    test('a patch to the model it holds is applied; a patch to another state makes it ask for the whole model', async () => {
        const label = ['stages', 0, 'steps', 0, 'label'];
        await send({ ...update(10, model), seq: 100 } as HostToWebviewMessage);
        await waitForLog('[journey-preview] updated version=10');
        await send({ type: 'update', resource: RESOURCE, version: 11, seq: 101, syntaxErrorCount: 0, errorCount: 0,
            patch: { base: 100, changes: [{ path: label, value: 'Patched label Quokka' }] } });
        await waitForLog('[journey-preview] updated version=11');
        expect(await page.locator('#journey-map').innerText()).toMatch(/Patched label\s*Quokka/);
        const resyncsBefore = (await posted()).filter(m => m.type === 'resync').length;
        await send({ type: 'update', resource: RESOURCE, version: 12, seq: 103, syntaxErrorCount: 0, errorCount: 0,
            patch: { base: 102, changes: [{ path: label, value: 'Never shown' }] } });
        await expect.poll(async () => (await posted()).filter(m => m.type === 'resync').length).toBe(resyncsBefore + 1);
        expect(await page.locator('#journey-map').getAttribute('data-version')).toBe('11');
        expect(await page.locator('#journey-map').innerText()).not.toContain('Never shown');
        await send(update(12, model));
        await waitForLog('[journey-preview] updated version=12');
    });

    test('zoom buttons scale the picture', async () => {
        const width = () => page.locator('#journey-map svg').evaluate(el => el.getBoundingClientRect().width);
        const before = await width();
        await page.locator('[data-action="zoom-in"]').click();
        await expect.poll(width).toBeGreaterThan(before * 1.2);
        await page.locator('[data-action="zoom-fit"]').click();
        await expect.poll(width).toBeLessThanOrEqual(900);
        await page.locator('[data-action="zoom-reset"]').click();
        await expect.poll(width).toBeCloseTo(before, 0);
    });

    test('exports SVG, HTML and PNG through the host', { timeout: 120_000 }, async () => {
        for (const format of ['svg', 'html', 'png'] as const) {
            await page.locator(`[data-action="export-${format}"]`).click();
            await expect.poll(async () => (await posted()).some(m => m.type === "export" && m.format === format), { timeout: 30_000, message: `export ${format}; page problems: ${problems.join(" / ")}` }).toBe(true);
        }
        const exports = (await posted()).filter(m => m.type === 'export');
        const svg = exports.find(m => m.format === 'svg')!;
        expect(svg.data.startsWith('<?xml')).toBe(true);
        expect(svg.suggestedName).toBe('phone-switch.svg');
        expect(exports.find(m => m.format === 'html')!.data).toMatch(/^<!DOCTYPE html>/);
        const png = exports.find(m => m.format === 'png')!;
        expect(png.encoding).toBe('base64');
        expect(Buffer.from(png.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
        expect(problems).toEqual([]);
    });

    test('a file with no journey shows a message instead of a picture', async () => {
        await send(update(16, null));
        await waitForLog('[journey-preview] updated version=16');
        expect(await page.locator('#journey-map svg').count()).toBe(0);
        expect(await page.locator('#journey-map').innerText()).toContain('no journey');
    });

    test('turned to another document, it takes that one\'s first version and keeps resource and lock for a reload', async () => {
        const other = 'file:///maps/other.journey';
        await send({ type: 'document', resource: other, locked: true });
        await expect.poll(async () => (await preview.state())?.resource).toBe(other);
        expect((await preview.state())?.locked).toBe(true);
        // An update still in flight for the document shown before is dropped.
        await send(update(50, model));
        // The new document's versions start low again.
        await send({ ...update(1, model), resource: other } as HostToWebviewMessage);
        await expect.poll(() => page.locator('#journey-map').getAttribute('data-version')).toBe('1');
        expect(logs.some(l => l.includes('updated version=50'))).toBe(false);
    });

    test('a big map hides what is far offscreen, and shows it again as it comes into view', { timeout: 60_000 }, async () => {
        const { generateMap } = await import('../scripts/bench/generate-map.js');
        const { services, documents } = await buildFiles({ 'big.journey': generateMap(200) });
        const big = mapModelOfDocument(documents['big.journey'], services.shared.workspace.LangiumDocuments)!;
        const other = 'file:///maps/other.journey';
        await send({ ...update(2, big), resource: other } as HostToWebviewMessage);
        await expect.poll(() => page.locator('#journey-map').getAttribute('data-version')).toBe('2');
        const culled = async () => Number(await page.locator('#journey-map').getAttribute('data-culled'));
        expect(await culled()).toBeGreaterThan(100);
        const last = big.stages.at(-1)!;
        const lastStep = `#journey-map [data-id="${last.id}/${last.steps.at(-1)!.id}"]`;
        const shown = (selector: string) => page.locator(selector).first().evaluate(el => {
            let node: Element | null = el;
            while (node && node.tagName !== 'svg') {
                if (getComputedStyle(node).display === 'none') return false;
                node = node.parentElement;
            }
            return true;
        });
        expect(await shown(lastStep)).toBe(false);
        // Scrolled to the far end, the last step is drawn again.
        await page.locator('#journey-scroll').evaluate(el => { el.scrollLeft = el.scrollWidth; });
        await expect.poll(() => shown(lastStep)).toBe(true);
        // The editor cursor on a far-away element shows it and scrolls it into view.
        await page.locator('#journey-scroll').evaluate(el => { el.scrollLeft = 0; });
        await expect.poll(() => shown(lastStep)).toBe(false);
        await send({ type: 'highlight', line: last.steps.at(-1)!.source.line, reveal: true });
        await expect.poll(() => page.locator('#journey-scroll').evaluate(el => el.scrollLeft)).toBeGreaterThan(1000);
        await expect.poll(() => shown(lastStep)).toBe(true);
        // Hidden elements stay in the page, only not drawn.
        expect(await page.locator('#journey-map').evaluate(el => el.textContent ?? '')).toContain('Step 0');
        // Find in the page (Ctrl+F) sees the whole map: nothing is culled until the user is back at the map.
        await page.locator('#journey-scroll').evaluate(el => { el.scrollLeft = 0; });
        await expect.poll(culled).toBeGreaterThan(100);
        await page.keyboard.press('Control+F');
        await expect.poll(culled).toBe(0);
        // VS Code's find widget searches with window.find: the far step is found and scrolled to.
        const farLabel = last.steps.at(-1)!.label;
        expect(await page.evaluate(label => (window as unknown as { find(text: string): boolean }).find(label), farLabel)).toBe(true);
        await expect.poll(() => page.locator('#journey-scroll').evaluate(el => el.scrollLeft)).toBeGreaterThan(1000);
        await page.locator('#journey-scroll').evaluate(el => { el.scrollLeft = 0; });
        await page.locator('#journey-scroll').evaluate(el => { el.scrollTop = 1; el.scrollTop = 0; });
        await page.waitForTimeout(100);
        expect(await culled()).toBe(0);
        await page.locator('#journey-map svg').click({ position: { x: 5, y: 5 } });
        await expect.poll(culled).toBeGreaterThan(100);
        expect(problems).toEqual([]);
    });
});
