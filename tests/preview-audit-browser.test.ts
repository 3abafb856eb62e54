// Outside-in audit of the preview page in a real Chromium: maps and messages the other browser
// tests do not try (big exports, malformed messages, persona filters across edits and files).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPreviewPage, RESOURCE, type PreviewPage } from './browser/preview-page.js';
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

const small = `persona ana "Ana"
persona ben "Ben"
journey j "Small" {
  for ana, ben
  stage s "Stage" {
    step a "A" { action "Acts" emotion 1 "ok" }
    step b "B" { emotion -1 "meh" for ana emotion 2 next a }
  }
}`;

describe('messages the page does not expect', () => {
    test('malformed or unknown messages from the host are ignored with a warning; the page keeps its document and map', async () => {
        const model = await modelOf(small);
        await p.show(version++, model);
        const junk: unknown[] = [
            null, 'update', 42, [], {}, { type: 'nope' }, { type: 'update' }, { type: 'update', resource: RESOURCE, version: 'x' },
            { type: 'highlight' }, { type: 'highlight', line: 'x', reveal: true }, { type: 'exportResult', format: 'exe' },
            { type: 'document' }, { type: 'document', resource: 7, locked: false },
        ];
        p.problems.length = 0;
        for (const message of junk) await p.send(message);
        await expect.poll(() => p.problems.length).toBe(junk.length);
        expect(p.problems.every(text => text.startsWith('[journey-preview] ignored a message'))).toBe(true);
        // Still the same document: the resource kept for a reload is intact, and updates still arrive.
        expect((await p.state())?.resource).toBe(RESOURCE);
        const changed = structuredClone(model);
        changed.stages[0].steps[0].label = 'Still alive';
        await p.show(version++, changed);
        expect(await p.page.locator('#journey-map').innerText()).toContain('Still alive');
        p.problems.length = 0;
    });

    test('a model the renderer cannot draw leaves the last picture with an error banner, and the next good one draws', async () => {
        const model = await modelOf(small);
        await p.show(version++, model);
        await p.send({ type: 'update', resource: RESOURCE, version: version++, model: { journey: { id: 'x' } }, syntaxErrorCount: 0, errorCount: 0 });
        await expect.poll(() => p.page.locator('#journey-banner').isVisible()).toBe(true);
        expect(await p.page.locator('#journey-banner').innerText()).toContain('could not be drawn');
        expect(p.problems.filter(t => t.startsWith('uncaught'))).toEqual([]);
        expect(await p.page.locator('#journey-map [data-id="s/a"]').count()).toBeGreaterThan(0);
        // Exports still take the map shown, not the broken model.
        expect((await exportOf('svg')).data).toContain('data-id="s/a"');
        p.problems.length = 0;
        await p.show(version++, model);
        expect(await p.page.locator('#journey-banner').isVisible()).toBe(false);
        expect(p.problems).toEqual([]);
    });
});

describe('the persona filter', () => {
    // Each option's label, with a star when the dropdown has it ticked.
    const options = () => p.page.locator('[data-action="personas"]').evaluate(select => {
        const chosen = (select as unknown as { value: string[] }).value;
        return [...select.querySelectorAll('vscode-option')].map(o => `${o.textContent}${chosen.includes(o.getAttribute('value')!) ? '*' : ''}`);
    });
    const points = () => p.page.locator('#journey-map svg .jm-emotion').count();

    test('offers the personas\' current labels after an edit of a label (same ids)', async () => {
        const model = await modelOf(small);
        await p.show(version++, model);
        expect(await options()).toEqual(['Ana*', 'Ben*']);
        const renamed = structuredClone(model);
        renamed.personas[0].label = 'Ana Lima';
        await p.show(version++, renamed);
        expect(await options()).toEqual(['Ana Lima*', 'Ben*']);
    });

    test('a choice survives an update of the map, and does not carry over to another file', async () => {
        const model = await modelOf(small);
        await p.show(version++, model);
        expect(await points()).toBe(4);
        // Untick Ben in the dropdown.
        await p.page.locator('[data-action="personas"]').click();
        await p.page.locator('[data-action="personas"] li.option').nth(1).click();
        await p.page.keyboard.press('Escape');
        await expect.poll(points).toBe(2);
        expect((await p.state())?.personas).toEqual(['ana']);
        await p.show(version++, model);
        expect(await points()).toBe(2);
        expect(await options()).toEqual(['Ana*', 'Ben']);
        // The preview turns to another file whose map follows other personas (and one of the same id).
        const other = 'file:///maps/other.journey';
        await p.send({ type: 'document', resource: other, locked: false });
        const otherModel = await modelOf(small.replace(/\bana\b/g, 'cy').replace('"Ana"', '"Cy"'));
        await p.send({ type: 'update', resource: other, version: 1, model: otherModel, syntaxErrorCount: 0, errorCount: 0 });
        await expect.poll(() => p.page.locator('#journey-map').getAttribute('data-version')).toBe('1');
        expect(await points()).toBe(4);
        expect(await options()).toEqual(['Cy*', 'Ben*']);
        expect((await p.state())?.personas).toBeNull();
        await p.send({ type: 'document', resource: RESOURCE, locked: false });
    });
});

describe('editor cursor and toolbar edge cases', () => {
    test('the cursor on a fact whose lane is switched off highlights its step instead of nothing', async () => {
        const model = await modelOf(small);
        await p.show(version++, model);
        const actionLine = model.stages[0].steps[0].sources.actions[0].line;
        await p.send({ type: 'highlight', line: actionLine, reveal: true });
        await expect.poll(() => p.page.locator('#journey-map .highlighted').evaluateAll(els => els.map(e => e.getAttribute('data-id')))).toEqual(['s/a/action#0']);
        // Switch the actions lane off in the toolbar.
        await p.page.locator('[data-action="lanes"]').click();
        await p.page.locator('[data-action="lanes"] li.option').nth(0).click();
        await p.page.keyboard.press('Escape');
        await expect.poll(() => p.page.locator('#journey-map [data-lane="actions"]').count()).toBe(0);
        await expect.poll(() => p.page.locator('#journey-map .highlighted').evaluateAll(els => els.map(e => e.getAttribute('data-id')))).toEqual(['s/a']);
        // Back on, the card itself again.
        await p.page.locator('[data-action="lanes"]').click();
        await p.page.locator('[data-action="lanes"] li.option').nth(0).click();
        await p.page.keyboard.press('Escape');
        await expect.poll(() => p.page.locator('#journey-map .highlighted').evaluateAll(els => els.map(e => e.getAttribute('data-id')))).toEqual(['s/a/action#0']);
        expect((await p.state())?.hiddenLanes).toEqual([]);
    });

    test('export with no map to export says so instead of doing nothing', async () => {
        await p.show(version++, null);
        const before = (await p.posted()).length;
        await p.page.locator('[data-action="export-svg"]').click();
        await expect.poll(() => p.page.locator('#journey-banner').isVisible()).toBe(true);
        expect(await p.page.locator('#journey-banner').innerText()).toMatch(/no map to export/i);
        expect((await p.posted()).length).toBe(before);
    });
});

describe('a map typed from scratch, with syntax errors from the first keystroke', () => {
    test('while no good map was drawn yet, each newer partial map replaces the one shown', async () => {
        const other = 'file:///maps/new.journey';
        await p.send({ type: 'document', resource: other, locked: false });
        const send = (v: number, model: MapModel | null, errors: number) =>
            p.send({ type: 'update', resource: other, version: v, model, syntaxErrorCount: errors, errorCount: errors });
        const shown = () => p.page.locator('#journey-map').getAttribute('data-version');
        await send(1, null, 1);
        await expect.poll(shown).toBe('1');
        expect(await p.page.locator('#journey-map').innerText()).toContain('will appear when the file parses');
        // `journey j "T" {` parses partly: a header without stages.
        const header = await modelOf('journey j "Typed" {\n  stage s "First stage" {');
        expect(header.stages.length).toBe(1);
        await send(2, { ...header, stages: [] }, 1);
        await expect.poll(shown).toBe('2');
        expect(await p.page.locator('#journey-banner').innerText()).toContain('may be incomplete');
        // More typed, still unbalanced: the newer partial map is drawn, not the header kept.
        await send(3, header, 2);
        await expect.poll(shown).toBe('3');
        await expect.poll(() => p.page.locator('#journey-map [data-id="s"]').count()).toBeGreaterThan(0);
        expect(await p.page.locator('#journey-banner').innerText()).toContain('2 syntax errors: the map may be incomplete.');
        // A good map; from then on syntax errors keep it.
        const good = await modelOf('journey j "Typed" {\n  stage s "First stage" {\n    action "Acts"\n  }\n}');
        await send(4, good, 0);
        await expect.poll(shown).toBe('4');
        expect(await p.page.locator('#journey-banner').isVisible()).toBe(false);
        await send(5, header, 1);
        await expect.poll(shown).toBe('5');
        expect(await p.page.locator('#journey-banner').innerText()).toContain('1 syntax error: showing the last good map.');
        expect(await p.page.locator('#journey-map [data-id="s/s/action#0"]').count()).toBe(1);
        await p.send({ type: 'document', resource: RESOURCE, locked: false });
    });
});

describe('turning to another file', () => {
    test('the other file\'s first update with syntax errors does not keep the map of the file shown before', async () => {
        await p.show(version++, await modelOf(small));
        const other = 'file:///maps/broken.journey';
        await p.send({ type: 'document', resource: other, locked: false });
        await p.send({ type: 'update', resource: other, version: 7, model: null, syntaxErrorCount: 3, errorCount: 3 });
        await expect.poll(() => p.page.locator('#journey-map').getAttribute('data-version')).toBe('7');
        expect(await p.page.locator('#journey-map svg').count()).toBe(0);
        expect(await p.page.locator('#journey-map').innerText()).toContain('will appear when the file parses');
        expect(await p.page.locator('#journey-banner').innerText()).not.toContain('last good map');
        await p.send({ type: 'document', resource: RESOURCE, locked: false });
        await p.send({ type: 'update', resource: RESOURCE, version: version++, model: await modelOf(small), syntaxErrorCount: 2, errorCount: 2 });
        await expect.poll(() => p.page.locator('#journey-map [data-id="s/a"]').count()).toBeGreaterThan(0);
        expect(await p.page.locator('#journey-banner').innerText()).toContain('may be incomplete');
    });
});

describe('hostile, right-to-left, CJK and emoji labels', () => {
    const hostile = `persona p "<script>window.__hit=1</script>" { role "\\"><img src=x onerror=window.__hit=2>" }
persona q "مرحبا بالعالم"
journey j "</svg><script>window.__hit=3</script>]]>" {
  for p, q
  stage s "javascript:window.__hit=4" {
    step t "<img src=x onerror=window.__hit=5> 日本語 😀 שלום" {
      action "]]><script>window.__hit=6</script>"
      touchpoint web "<a href=\\"javascript:window.__hit=7\\">x</a>"
      emotion 1 "</title><script>window.__hit=8</script>"
      barrier b "</text></g></svg><img src=x onerror=window.__hit=9>" severity high
      opportunity o "<iframe src=javascript:window.__hit=10>" fixes b
    }
  }
}`;

    test('draw as text: nothing runs, nothing is fetched, no element or attribute comes from a label', async () => {
        const requestsBefore = p.requests.length;
        const model = await modelOf(hostile);
        await p.show(version++, model);
        const text = await p.page.locator('#journey-map').evaluate(el => el.textContent ?? '');
        for (const label of ['<script>window.__hit=1</script>', '</svg><script>window.__hit=3</script>]]>', 'javascript:window.__hit=4', '日本語 😀 שלום', 'مرحبا بالعالم']) {
            expect(text).toContain(label);
        }
        const found = await p.page.evaluate(() => ({
            hit: (window as unknown as { __hit?: number }).__hit,
            tags: [...document.querySelectorAll('#journey-map *')].map(e => e.localName).filter(n => ['script', 'img', 'iframe', 'a', 'foreignObject'].includes(n)),
            handlers: [...document.querySelectorAll('#journey-map *')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on') || n === 'href' || n === 'xlink:href' || n === 'src'),
        }));
        expect(found).toEqual({ hit: undefined, tags: [], handlers: [] });
        // Clicking a hostile card still only asks for its source.
        await p.page.locator('#journey-map [data-id="s/t/barrier:b"]').click();
        expect((await p.posted()).at(-1)).toMatchObject({ type: 'revealSource', line: 10 });
        await p.page.waitForTimeout(100);
        expect(p.requests.slice(requestsBefore)).toEqual([]);
        expect(await p.page.evaluate(() => (window as unknown as { __hit?: number }).__hit)).toBeUndefined();
    });
});

describe('zoom', () => {
    const svgBox = () => p.page.locator('#journey-map svg').evaluate(el => { const r = el.getBoundingClientRect(); return { w: r.width, h: r.height }; });
    const view = () => p.page.locator('#journey-scroll').evaluate(el => ({ w: el.clientWidth, h: el.clientHeight }));

    test('"Fit to window" fits a very wide map (200 steps), and a small one, inside the view', { timeout: 60_000 }, async () => {
        for (const text of [generateMap(200), small]) {
            await p.show(version++, await modelOf(text));
            await p.page.locator('[data-action="zoom-fit"]').click();
            const [box, area] = [await svgBox(), await view()];
            expect(box.w).toBeLessThanOrEqual(area.w);
            expect(box.h).toBeLessThanOrEqual(area.h);
            // Fitted, not merely smaller: one side fills the view but for the margin.
            expect(Math.max(box.w / area.w, box.h / area.h)).toBeGreaterThan(0.9);
        }
        // Zooming out and in again from the fitted size comes back to it exactly; the limits hold.
        const fitted = await p.page.locator('[data-action="zoom-level"]').innerText();
        await p.page.locator('[data-action="zoom-out"]').click();
        await p.page.locator('[data-action="zoom-in"]').click();
        expect(await p.page.locator('[data-action="zoom-level"]').innerText()).toBe(fitted);
        for (let i = 0; i < 12; i++) await p.page.locator('[data-action="zoom-in"]').click();
        expect(await p.page.locator('[data-action="zoom-level"]').innerText()).toBe('400%');
        await p.page.locator('[data-action="zoom-reset"]').click();
        expect((await p.state())?.zoom).toBe(1);
    });
});

describe('a file that cannot be opened', () => {
    test('a notice from the host replaces "Loading the map" (or the map) with its text', async () => {
        await p.send({ type: 'notice', text: 'gone.journey cannot be opened: File not found <b>' });
        await expect.poll(() => p.page.locator('#journey-map').innerText()).toContain('gone.journey cannot be opened: File not found <b>');
        expect(await p.page.locator('#journey-map svg').count()).toBe(0);
        expect(await p.page.locator('#journey-map b').count()).toBe(0);
        expect(await p.page.locator('#journey-map').getAttribute('aria-busy')).toBeNull();
    });
});

describe('a window reload', () => {
    test('brings back zoom, lanes, personas and scroll from the state the page kept', async () => {
        const model = await modelOf(generateMap(30));
        await p.reload({ resource: RESOURCE, zoom: 2, hiddenLanes: ['actions'], personas: ['ben'], scrollX: 500, scrollY: 120, locked: true });
        await p.show(1, model);
        expect(await p.page.locator('#journey-scroll').evaluate(el => [el.scrollLeft, el.scrollTop])).toEqual([500, 120]);
        expect(await p.page.locator('[data-action="zoom-level"]').innerText()).toBe('200%');
        const svgWidth = await p.page.locator('#journey-map svg').evaluate(el => [el.getBoundingClientRect().width, Number(el.getAttribute('width'))]);
        expect(svgWidth[0]).toBeCloseTo(svgWidth[1] * 2, 0);
        expect(await p.page.locator('#journey-map [data-lane="actions"]').count()).toBe(0);
        expect(await p.page.locator('#journey-map [data-id$="/emotion:ana"]').count()).toBe(0);
        expect(await p.page.locator('#journey-map [data-id$="/emotion:ben"]').count()).toBe(30);
        expect(await p.page.locator('[data-action="lanes"]').evaluate(el => (el as unknown as { value: string[] }).value)).not.toContain('actions');
        expect(await p.state()).toMatchObject({ resource: RESOURCE, zoom: 2, hiddenLanes: ['actions'], personas: ['ben'], locked: true });
        // Scroll and zoom survive the next update too.
        const changed = structuredClone(model);
        changed.stages[0].steps[0].label = 'Changed';
        await p.show(2, changed);
        expect(await p.page.locator('#journey-scroll').evaluate(el => [el.scrollLeft, el.scrollTop])).toEqual([500, 120]);
        expect(await p.page.locator('[data-action="zoom-level"]').innerText()).toBe('200%');
        expect(p.problems).toEqual([]);
    });
});

describe('```journey blocks in a Markdown page', () => {
    test('hostile blocks, broken blocks and several maps insert as HTML (as VS Code\'s Markdown preview does) and run nothing', async () => {
        const { default: MarkdownIt } = await import('markdown-it');
        const { journeyMarkdownIt } = await import('../src/extension/markdown/markdown-it-journey.js');
        const md = new MarkdownIt().use(journeyMarkdownIt);
        const markdown = [
            '# Maps', '', '```journey', small.replace('"Small"', '"<script>window.__hit=1</script>"'), '```', '',
            '```journey', 'journey j "</svg><img src=x onerror=window.__hit=2>" {', '  stage s "]]><script>window.__hit=3</script>" {', '    action "<style>*{display:none}</style>"', '  }', '}', '```', '',
            '```journey', 'journey broken "<img src=x onerror=window.__hit=4>" {', '  stage {', '```', '',
            '```journey', 'import "missing.journey"', 'journey k "K" { for nobody stage s { touchpoint nowhere emotion 1 } }', '```', '',
            '```journey', '```', '',
        ].join('\n');
        const html = md.render(markdown);
        expect(html).not.toMatch(/<(script|img|iframe|a)[\s>]/i);
        const context = await p.page.context().browser()!.newContext();
        const page = await context.newPage();
        try {
            await page.setContent('<!DOCTYPE html><body></body>');
            await page.evaluate(markup => { document.body.innerHTML = markup; }, html);
            await page.waitForTimeout(100);
            const found = await page.evaluate(() => ({
                hit: (window as unknown as { __hit?: number }).__hit,
                maps: document.querySelectorAll('.journey-fence svg').length,
                errors: [...document.querySelectorAll('[data-journey-error]')].map(e => e.getAttribute('data-journey-error')),
                tags: [...document.querySelectorAll('script, img, iframe, a')].length,
                handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
                // The label's <style> is text, not a style sheet that hides the page.
                visible: getComputedStyle(document.querySelector('h1')!).display,
                markers: [...document.querySelectorAll('marker')].map(m => m.id),
            }));
            expect(found.hit).toBeUndefined();
            expect(found.maps).toBe(3);
            expect(found.errors).toEqual(['2', '1']);
            expect(found.tags).toBe(0);
            expect(found.handlers).toEqual([]);
            expect(found.visible).toBe('block');
            expect(new Set(found.markers).size).toBe(found.markers.length);
        } finally {
            await context.close();
        }
    });
});
