/**
 * Keystroke -> updated picture painted in the preview, in a real VS Code (code-server + chromium),
 * for a 200-step map. Both ends are measured inside the browser on the same clock
 * (performance.timeOrigin + performance.now()):
 *  - the keystroke: a capturing keydown listener in the workbench page;
 *  - the paint: in the webview's frame, a MutationObserver sees the map patched, then the frame
 *    after the next animation frame (requestAnimationFrame + setTimeout 0) is taken as painted,
 *    once the map's text holds the typed label.
 * Keystrokes are spaced out (a user typing, each edit its own update), so this is the latency of
 * one edit through the language server, the extension host and the webview.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { ensureCodeServer } from '../code-server/install.mjs';
import { installExtension, startCodeServer } from '../code-server/launch.mjs';
import { launchChromium, Workbench, WAIT_MS } from '../code-server/workbench.js';
import { generateMap } from './generate-map.js';
import { report } from './util.js';
import { TRACE_STAMPS, type PreviewTrace } from '../../src/protocol/trace.js';

const STEPS = 200;
const WARMUP = 3;
const SAMPLES = 21;
const BUDGET_MS = 250;
const FILE = 'bench-200.journey';
const TARGET_STEP = 100;
/** `npm run bench` runs from the repository root. */
const repoRoot = process.cwd();

type BenchWindow = Window & {
    __jmKeys: number[];
    __jmPaints: { t: number; ok: boolean }[];
    __jmExpect: string;
};

async function main(): Promise<number> {
    const paths = await ensureCodeServer(m => console.log(`[bench] ${m}`));
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-'));
    const workspace = path.join(temp, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const text = generateMap(STEPS);
    fs.writeFileSync(path.join(workspace, FILE), text);
    const dataDir = path.join(temp, 'data');
    installExtension(path.join(dataDir, 'extensions'), repoRoot);
    const server = await startCodeServer({ paths, workspace, dataDir });
    const browser = await launchChromium();
    let workbench: Workbench | undefined;
    try {
        workbench = await Workbench.open(browser, server.url, FILE);
        await workbench.openFile(FILE);
        await workbench.runCommand('Journey: Open Preview to the Side');
        await workbench.preview().locator('#journey-map svg [data-id]').first().waitFor({ timeout: WAIT_MS });
        const frame = await previewFrame(workbench);

        // The cursor goes just before the closing quote of the label "Step 100".
        const label = `Step ${TARGET_STEP}`;
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes(`step step-${TARGET_STEP} "${label}"`)) + 1;
        const column = lines[line - 1].indexOf(label) + label.length + 1;
        await workbench.focusEditor(FILE);
        await workbench.goTo(line, column);

        await workbench.page.evaluate(() => {
            const w = window as unknown as BenchWindow;
            w.__jmKeys = [];
            window.addEventListener('keydown', () => w.__jmKeys.push(performance.timeOrigin + performance.now()), true);
        });
        await frame.evaluate(() => {
            const w = window as unknown as BenchWindow;
            w.__jmPaints = [];
            w.__jmExpect = '';
            const root = document.getElementById('journey-map')!;
            new MutationObserver(() => {
                requestAnimationFrame(() => setTimeout(() => {
                    const t = performance.timeOrigin + performance.now();
                    w.__jmPaints.push({ t, ok: (root.textContent ?? '').replace(/\s+/g, '').includes(w.__jmExpect) });
                }, 0));
            }).observe(root, { childList: true, subtree: true });
        });

        const latencies: number[] = [];
        // The webview's own figure (update received -> painted, `data-render-ms`): the rest of the
        // latency is the language server and the extension host.
        const webviewMs: number[] = [];
        // Per sample, the stamps of the update that painted the edit (see src/protocol/trace.ts).
        const traces: PreviewTrace[] = [];
        let typed = '';
        for (let i = 0; i < WARMUP + SAMPLES; i++) {
            const letter = String.fromCharCode(97 + (i % 26));
            typed += letter;
            const expected = `${label}${typed}`.replace(/\s+/g, '');
            await frame.evaluate(e => { (window as unknown as BenchWindow).__jmExpect = e; }, expected);
            const paintsBefore = await frame.evaluate(() => (window as unknown as BenchWindow).__jmPaints.length);
            await workbench.page.keyboard.press(letter);
            const keyTime = await workbench.page.evaluate(() => {
                const keys = (window as unknown as BenchWindow).__jmKeys;
                return keys[keys.length - 1];
            });
            const painted = await waitForPaint(frame, paintsBefore, keyTime);
            if (i >= WARMUP) {
                latencies.push(painted - keyTime);
                await new Promise(resolve => setTimeout(resolve, 50)); // the webview's own rAF + setTimeout
                webviewMs.push(await frame.evaluate(() => Number(document.getElementById('journey-map')?.dataset.renderMs ?? NaN)));
                const trace = await frame.evaluate(() => document.getElementById('journey-map')?.dataset.trace);
                if (trace) traces.push({ key: keyTime, ...JSON.parse(trace) as PreviewTrace, painted: painted });
            }
            await new Promise(resolve => setTimeout(resolve, 400)); // let the throttle settle: one edit per update
        }
        latencies.sort((a, b) => a - b);
        const median = latencies[Math.floor(latencies.length / 2)];
        const within = report(`keystroke -> preview painted, ${STEPS}-step map (code-server, median)`, median, BUDGET_MS);
        console.log(`  ${SAMPLES} keystrokes: min ${latencies[0].toFixed(0)} ms, p90 ${latencies[Math.floor(latencies.length * 0.9)].toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`);
        const known = webviewMs.filter(Number.isFinite).sort((a, b) => a - b);
        if (known.length) report('  of which in the webview (update received -> painted, median)', known[Math.floor(known.length / 2)]);
        reportHops(traces);
        const page = await frame.evaluate(() => {
            const root = document.getElementById('journey-map')!;
            return { patch: root.dataset.patch, culled: root.dataset.culled, elements: root.querySelector('svg')?.childElementCount };
        });
        console.log(`  last update: ${page.patch} of ${page.elements} top-level elements; ${page.culled ?? 0} hidden offscreen`);
        console.log(`  machine load average (1 min): ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
        return within ? 0 : 1;
    } catch (error) {
        if (workbench) {
            const dir = path.join(repoRoot, 'test-results', 'bench');
            const base = await workbench.saveArtifacts(dir, 'preview-bench');
            fs.copyFileSync(server.logFile, path.join(dir, 'code-server.log'));
            console.error(`[bench] failed; screenshot ${base}.png, code-server log in ${dir}`);
        }
        throw error;
    } finally {
        await browser.close();
        await server.stop();
        fs.rmSync(temp, { recursive: true, force: true });
    }
}

/**
 * Where the time goes: the median time between consecutive stamps of the traces (keystroke,
 * then each hop the update passed), over the samples whose trace belongs to their keystroke.
 */
function reportHops(traces: PreviewTrace[]): void {
    const own = traces.filter(t => (t['server.change'] ?? 0) >= t.key);
    if (own.length === 0) {
        console.log('  (no update traces: hops not measured)');
        return;
    }
    console.log(`  where the time goes (median per hop, ${own.length} traced keystrokes):`);
    const names = ['key', ...TRACE_STAMPS.filter(name => own.every(t => t[name] !== undefined)), 'painted'];
    for (let i = 1; i < names.length; i++) {
        const gaps = own.map(t => t[names[i]] - t[names[i - 1]]).sort((a, b) => a - b);
        report(`    ${names[i - 1]} -> ${names[i]}`, gaps[Math.floor(gaps.length / 2)]);
    }
}

/** The preview's own document: the frame inside VS Code's webview host frame. */
async function previewFrame(workbench: Workbench): Promise<Frame> {
    const host = await (await workbench.page.locator('iframe.webview').first().elementHandle())?.contentFrame();
    const frame = await (await host?.locator('iframe#active-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the preview webview frame was not found');
    return frame;
}

/** The time of the first painted update after `keyTime` that shows the expected text. */
async function waitForPaint(frame: Frame, from: number, keyTime: number): Promise<number> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
        const paints = await frame.evaluate(n => (window as unknown as BenchWindow).__jmPaints.slice(n), from);
        const hit = paints.find(p => p.ok && p.t >= keyTime);
        if (hit) return hit.t;
        await new Promise(resolve => setTimeout(resolve, 20));
    }
    throw new Error('the preview did not show the edit within 15 s');
}

main().then(code => { process.exitCode = code; }, error => {
    console.error(`[bench] preview: ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 1;
});
