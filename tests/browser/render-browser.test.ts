/**
 * The renderer in a real browser (Debian Chromium): the standalone HTML export of every example
 * loads without console errors and is screenshotted (test-results/browser/*.png, to look at);
 * hostile labels execute nothing; text stays inside its cards with the browser's real fonts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../src/render/html.js';
import { renderSvg } from '../../src/render/index.js';
import type { MapModel } from '../../src/model/types.js';
import { everyLane, exampleModels, modelOf } from '../render-support.js';
import { launchChromium } from './chromium.js';

const outDir = path.resolve(__dirname, '..', '..', 'test-results', 'browser');
let browser: Browser;

beforeAll(async () => {
    fs.mkdirSync(outDir, { recursive: true });
    browser = await launchChromium();
}, 180_000);

afterAll(async () => {
    await browser?.close();
});

interface Loaded { page: Page; problems: string[]; dialogs: string[] }

/** Opens a file in a fresh page, collecting console errors, page errors, dialogs and requests that leave the file. */
async function open(file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Loaded> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme });
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('console', msg => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`); });
    page.on('pageerror', err => problems.push(`page error: ${err.message}`));
    page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    page.on('request', req => { if (!req.url().startsWith('file://')) problems.push(`request: ${req.url()}`); });
    await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 60_000 });
    return { page, problems, dialogs };
}

function write(name: string, text: string): string {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, text);
    return file;
}

describe('the browser tests themselves', () => {
    test('fail with a clear message, never skip, when Chromium is missing', async () => {
        await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium/);
    });
});

describe('standalone HTML in Chromium', () => {
    let models: Record<string, MapModel>;
    beforeAll(async () => { models = await exampleModels(); });

    test('every example loads without console errors, shows its map and is screenshotted', async () => {
        expect(Object.keys(models).length).toBeGreaterThanOrEqual(2);
        for (const [name, model] of Object.entries(models)) {
            const base = name.replace(/\.journey$/, '');
            const { page, problems } = await open(write(`${base}.html`, renderHtml(model)));
            try {
                expect(problems, name).toEqual([]);
                expect(await page.title()).toBe(model.journey.title);
                const ids = await page.$$eval('[data-id]', els => els.map(e => e.getAttribute('data-id')));
                for (const stage of model.stages) {
                    expect(ids, `${name}: ${stage.id}`).toContain(stage.id);
                    for (const step of stage.steps) expect(ids).toContain(`${stage.id}/${step.id}`);
                }
                const size = await page.$eval('svg.jm', el => el.getBoundingClientRect().toJSON());
                expect(size.width).toBeGreaterThan(700);
                expect(size.height).toBeGreaterThan(300);
                // The whole map, however wide: the page scrolls sideways rather than cutting it.
                expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThanOrEqual(Math.floor(size.width));
                await page.setViewportSize({ width: Math.ceil(size.width) + 16, height: 900 });
                await page.screenshot({ path: path.join(outDir, `${base}.png`), fullPage: true, timeout: 90_000 });
            } finally {
                await page.close();
            }
        }
    }, 300_000);

    test('the dark colour scheme is used when the viewer prefers it', async () => {
        const model = models['phone-switch.journey'] ?? Object.values(models)[0];
        const { page, problems } = await open(write('dark.html', renderHtml(model)), 'dark');
        try {
            expect(problems).toEqual([]);
            const fill = await page.$eval('.jm text', el => getComputedStyle(el).fill);
            expect(fill).toBe('rgb(212, 212, 212)');
            await page.screenshot({ path: path.join(outDir, 'dark.png'), timeout: 90_000 });
        } finally {
            await page.close();
        }
    }, 120_000);

    test('inside VS Code the colours follow the theme variables', async () => {
        const svg = renderSvg(await modelOf(everyLane));
        const page = await browser.newPage();
        try {
            // What a webview gets from VS Code: --vscode-* variables on the page.
            await page.setContent(`<html><body style="--vscode-editor-foreground: rgb(1, 2, 3); --vscode-editorWidget-background: rgb(4, 5, 6); --vscode-contrastBorder: rgb(7, 8, 9); --vscode-charts-blue: rgb(10, 11, 12)">${svg}</body></html>`);
            expect(await page.$eval('.jm text', el => getComputedStyle(el).fill)).toBe('rgb(1, 2, 3)');
            expect(await page.$eval('.jm rect.jm-card', el => getComputedStyle(el).fill)).toBe('rgb(4, 5, 6)');
            expect(await page.$eval('.jm rect.jm-card', el => getComputedStyle(el).stroke)).toBe('rgb(7, 8, 9)');
            expect(await page.$eval('.jm path.jm-curve.jm-p0', el => getComputedStyle(el).stroke)).toBe('rgb(10, 11, 12)');
        } finally {
            await page.close();
        }
    }, 120_000);

    test('text stays inside its card with the browser\u2019s fonts', async () => {
        const model = await modelOf(everyLane);
        const { page } = await open(write('every-lane.html', renderHtml(model)));
        try {
            const overflow = await page.$$eval('g.jm-fact', groups => groups.flatMap(g => {
                const card = g.querySelector('rect.jm-card') as SVGRectElement;
                const width = card.width.baseVal.value;
                return [...g.querySelectorAll('text')].flatMap(t => {
                    const box = (t as SVGTextElement).getBBox();
                    return box.x < 0 || box.x + box.width > width + 1 ? [`${g.getAttribute('data-id')}: ${t.textContent} (${box.x + box.width} > ${width})`] : [];
                });
            }));
            expect(await page.$$eval('g.jm-fact text', els => els.length)).toBeGreaterThan(20);
            expect(overflow).toEqual([]);
        } finally {
            await page.close();
        }
    }, 120_000);

    test('a long title and stage label, in bold, stay inside the picture and the stage header', async () => {
        const words = 'Customer onboarding for enterprise accounts across every region and channel ';
        const model = await modelOf(`journey j "${words.repeat(4).trim()}" {\n  stage s "${words.repeat(2).trim()}" {\n`
            + '    step a "A" { emotion 1 }\n    step b "B" { emotion 1 }\n  }\n}\n');
        const { page } = await open(write('long-labels.html', renderHtml(model)));
        try {
            const overflow = await page.evaluate(() => {
                const svg = document.querySelector('svg.jm') as SVGSVGElement;
                const stage = document.querySelector('.jm-stage-head rect') as SVGRectElement;
                const beyond = (t: SVGTextElement, right: number) => {
                    const box = t.getBBox();
                    return box.x + box.width > right + 1 ? [`${t.textContent}: ${Math.round(box.x + box.width)} > ${right}`] : [];
                };
                return [
                    ...[...svg.querySelectorAll<SVGTextElement>('.jm-title')].flatMap(t => beyond(t, svg.width.baseVal.value - 16)),
                    ...[...svg.querySelectorAll<SVGTextElement>('.jm-stage-head text')].flatMap(t => beyond(t, stage.x.baseVal.value + stage.width.baseVal.value)),
                ];
            });
            expect(overflow).toEqual([]);
        } finally {
            await page.close();
        }
    }, 120_000);
});

describe('hostile labels in Chromium', () => {
    const hostile = [
        '<script>window.__pwned = 1; alert(1)</script>',
        '"><img src=x onerror="window.__pwned = 2; alert(2)">',
        "'><svg onload=\"window.__pwned = 3\">",
        'javascript:window.__pwned=4',
        '</text><a href="javascript:window.__pwned=5"><text>click</text></a>',
        '<foreignObject><iframe src="javascript:parent.__pwned=6"></iframe></foreignObject>',
        '<style>*{display:none}</style>',
    ];
    const map = hostile.map((text, i) => `step s${i} ${JSON.stringify(text)} {
      action ${JSON.stringify(text)}
      thought ${JSON.stringify(text)}
      emotion 1 ${JSON.stringify(text)}
      barrier b${i} ${JSON.stringify(text)}
      opportunity ${JSON.stringify(text)} fixes b${i}
      touchpoint web ${JSON.stringify(text)}
    }`).join('\n');
    const source = `persona p ${JSON.stringify(hostile[0])}\njourney j ${JSON.stringify(hostile[1])} {\n for p\n goal ${JSON.stringify(hostile[2])}\n stage st ${JSON.stringify(hostile[3])} {\n${map}\n }\n}`;

    test('execute nothing in the HTML page or the standalone SVG, and show as text', async () => {
        const model = await modelOf(source);
        for (const file of [write('hostile.html', renderHtml(model)), write('hostile.svg', renderSvg(model, { standalone: true }))]) {
            const { page, problems, dialogs } = await open(file);
            try {
                await page.waitForTimeout(300);
                expect(dialogs, file).toEqual([]);
                expect(problems, file).toEqual([]);
                expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
                expect(await page.$$eval('script, img, iframe, a, foreignObject, svg svg', els => els.length)).toBe(0);
                const handlers = await page.$$eval('*', els => els.flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => a.name)));
                expect(handlers).toEqual([]);
                const texts = await page.$$eval('text', els => els.map(e => e.textContent ?? ''));
                expect(texts.some(t => t.includes('<script>'))).toBe(true);
                // Still visible: a user <style> did not hide the map.
                expect(await page.$eval('svg.jm', el => getComputedStyle(el).display)).not.toBe('none');
            } finally {
                await page.close();
            }
        }
    }, 120_000);

    test('every rendered SVG parses as XML in the browser', async () => {
        const svgs = [
            renderSvg(await modelOf(source), { standalone: true }),
            ...Object.values(await exampleModels()).map(m => renderSvg(m, { standalone: true })),
        ];
        const page = await browser.newPage();
        try {
            const errors = await page.evaluate(list => list.map(svg => {
                const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
                return doc.querySelector('parsererror')?.textContent ?? '';
            }), svgs);
            expect(errors.every(e => e === '')).toBe(true);
        } finally {
            await page.close();
        }
    }, 120_000);
});
