// The preview page in a real (headless) Chromium, for tests that drive it from outside: the
// webview bundle built from the current sources, served under the same strict CSP as in VS
// Code, with a stand-in for the VS Code webview API that records what the page posts.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { previewHtml } from '../../src/extension/preview/html.js';
import type { MapModel } from '../../src/model/types.js';
import type { HostToWebviewMessage, PersistedPreviewState, WebviewToHostMessage } from '../../src/protocol/webview.js';

const root = path.resolve(import.meta.dirname, '../..');
export const NONCE = 'auditNonce0123456789abcdefABCDEF';
export const RESOURCE = 'file:///maps/audit.journey';

/** Records what the page posts, as VS Code's `acquireVsCodeApi` would carry it to the host. */
function fakeApi(savedState: unknown): string {
    return `<script nonce="${NONCE}">
window.__posted = []; window.__state = ${JSON.stringify(savedState ?? null)} ?? undefined;
window.acquireVsCodeApi = () => ({
  postMessage: m => window.__posted.push(JSON.parse(JSON.stringify(m))),
  getState: () => window.__state,
  setState: s => { window.__state = JSON.parse(JSON.stringify(s)); },
});
document.addEventListener('securitypolicyviolation', e => console.warn('CSP violation', e.violatedDirective, e.blockedURI));
</script>`;
}

export interface PreviewPage {
    page: Page;
    /** Console errors and warnings, uncaught exceptions, CSP violations. */
    problems: string[];
    logs: string[];
    /** Every request the page made (anything not served by the test server is a problem). */
    requests: string[];
    send(message: unknown): Promise<void>;
    posted(): Promise<WebviewToHostMessage[]>;
    state(): Promise<PersistedPreviewState | undefined>;
    /** Sends an update with the whole model and waits until the page logged it. */
    show(version: number, model: MapModel | null, syntaxErrorCount?: number): Promise<void>;
    waitForLog(text: string): Promise<void>;
    /** Loads the page again, as VS Code does after a window reload, with this saved state. */
    reload(savedState?: PersistedPreviewState): Promise<void>;
    close(): Promise<void>;
}

let bundle: Promise<string> | undefined;

function buildBundle(): Promise<string> {
    bundle ??= (async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-audit-webview-'));
        await esbuild.build({
            entryPoints: [path.join(root, 'webview/main.ts')], outfile: path.join(dir, 'webview.js'),
            bundle: true, platform: 'browser', format: 'esm', target: 'es2022', logLevel: 'error',
        });
        return path.join(dir, 'webview.js');
    })();
    return bundle;
}

export async function openPreviewPage(options: { viewport?: { width: number; height: number } } = {}): Promise<PreviewPage> {
    const served: Record<string, string> = {
        '/media/dist/webview.js': await buildBundle(),
        '/media/dist/codicons/codicon.css': path.join(root, 'node_modules/@vscode/codicons/dist/codicon.css'),
        '/media/dist/codicons/codicon.ttf': path.join(root, 'node_modules/@vscode/codicons/dist/codicon.ttf'),
        '/media/preview.css': path.join(root, 'media/preview.css'),
    };
    let savedState: PersistedPreviewState | undefined;
    let origin = '';
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/favicon.ico') { res.writeHead(204).end(); return; }
        if (url.pathname === '/') {
            const state = savedState ?? { resource: RESOURCE, zoom: 1, hiddenLanes: [], personas: null };
            const html = previewHtml({
                cspSource: origin, nonce: NONCE, scriptUri: `${origin}/media/dist/webview.js`, styleUri: `${origin}/media/preview.css`,
                codiconsUri: `${origin}/media/dist/codicons/codicon.css`, state, title: 'Preview audit.journey',
            }).replace('<script type="module"', `${fakeApi(savedState)}\n<script type="module"`);
            res.writeHead(200, { 'content-type': 'text/html' }).end(html);
            return;
        }
        const file = served[url.pathname];
        if (!file) { res.writeHead(404).end(); return; }
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
        fs.readFile(file, (err, data) => (err ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': type }).end(data)));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser: Browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 900, height: 600 } });
    const problems: string[] = [];
    const logs: string[] = [];
    const requests: string[] = [];
    page.on('console', m => {
        logs.push(m.text());
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', e => problems.push(`uncaught: ${e.message}`));
    page.on('request', r => requests.push(r.url()));
    const ready = async () => {
        await page.goto(origin);
        await page.waitForFunction(() => (window as unknown as { __posted: WebviewToHostMessage[] }).__posted.some(m => m.type === 'ready'), undefined, { timeout: 10_000 });
    };
    await ready();
    const waitForLog = async (text: string) => {
        const deadline = Date.now() + 10_000;
        while (!logs.some(l => l.includes(text))) {
            if (Date.now() > deadline) throw new Error(`no log "${text}"; problems: ${problems.join(' / ')}`);
            await new Promise(r => setTimeout(r, 20));
        }
    };
    const send = async (message: unknown) => { await page.evaluate(m => window.postMessage(m, '*'), message); };
    let resource = RESOURCE;
    return {
        page, problems, logs, requests, send, waitForLog,
        posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewToHostMessage[] }).__posted),
        state: () => page.evaluate(() => (window as unknown as { __state?: PersistedPreviewState }).__state),
        async show(version, model, syntaxErrorCount = 0) {
            const message: HostToWebviewMessage = { type: 'update', resource, version, model, syntaxErrorCount, errorCount: syntaxErrorCount };
            await send(message);
            await waitForLog(`[journey-preview] updated version=${version} `);
        },
        async reload(state) {
            savedState = state;
            resource = state?.resource ?? RESOURCE;
            logs.length = 0;
            await ready();
        },
        async close() {
            await browser.close();
            await new Promise(resolve => server.close(resolve));
        },
    };
}
