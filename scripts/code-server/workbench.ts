// Drives the VS Code workbench served by code-server in Debian's headless chromium, the way a
// user would: keyboard shortcuts, the command palette, clicks. Selectors are VS Code's own.
// Used by the e2e tests (tests/e2e) and the preview benchmark (scripts/bench/preview.bench.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Start-up on two busy cores takes 10-30 s; everything after that is given a minute. */
export const STARTUP_MS = 90_000;
export const WAIT_MS = 60_000;

export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(chromiumPath)) {
        throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    }
    return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

export class Workbench {
    /** Every console line of the page, including the extension host's ("[Extension Host] …"). */
    readonly console: string[] = [];

    private constructor(readonly page: Page) {
        page.on('console', message => this.console.push(`${message.type()}: ${message.text()}`));
        page.on('pageerror', error => this.console.push(`pageerror: ${error.message}`));
    }

    /** Opens the workbench at `url` and waits until the explorer shows the workspace. */
    static async open(browser: Browser, url: string, firstFile = 'phone-switch.journey'): Promise<Workbench> {
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        const workbench = new Workbench(page);
        await page.goto(url, { timeout: STARTUP_MS });
        await page.locator('.monaco-workbench').waitFor({ timeout: STARTUP_MS });
        await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${firstFile}"]`)
            .first().waitFor({ timeout: STARTUP_MS });
        return workbench;
    }

    /** Quick Open (Ctrl+P) a file by name and wait for its editor to have focus. */
    async openFile(name: string): Promise<void> {
        await this.focusWorkbench();
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: WAIT_MS });
        await input.fill(name);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: WAIT_MS });
        await this.page.keyboard.press('Enter');
        await this.page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ timeout: WAIT_MS });
        await this.activeEditor().locator('.view-lines').waitFor({ timeout: WAIT_MS });
        await this.focusEditor();
    }

    /** Runs a command from the palette (F1) by its exact title, e.g. "Journey: Open Preview". */
    async runCommand(title: string): Promise<void> {
        const input = this.page.locator('.quick-input-widget input');
        for (let attempt = 1; ; attempt++) {
            await this.page.keyboard.press('F1');
            try {
                await input.waitFor({ timeout: WAIT_MS });
                await input.fill(`>${title}`, { timeout: 5000 });
                break;
            } catch (err) {
                // Right after a click on a preview tab, focus settling into the webview can close
                // the palette as it opens (seen once in CI): open it again, at most three times.
                if (attempt === 3) throw err;
                await this.focusWorkbench();
            }
        }
        // The exact row: "Open Preview" also matches "Open Preview to the Side", and recently used
        // commands come first, so Enter on the top row is not enough.
        const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
        const row = this.page.locator('.quick-input-list .monaco-list-row')
            .filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
        await row.waitFor({ timeout: WAIT_MS });
        await row.click();
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
    }

    /** The text editor of the active editor group. */
    activeEditor(): Locator {
        return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
    }

    /** The text editor of the group whose active tab is the file `name`. */
    editorFor(name: string): Locator {
        return this.page.locator(`.editor-group-container:has(.tab.active[data-resource-name="${name}"]) .editor-instance .monaco-editor`).first();
    }

    /**
     * Gives the keyboard to a text editor (the active group's, or the one showing `name`) by
     * clicking its tab, which leaves the cursor where it was.
     */
    async focusEditor(name?: string): Promise<void> {
        const tab = name
            ? this.page.locator(`.tab[data-resource-name="${name}"]`).first()
            : this.page.locator('.editor-group-container.active .tab.active').first();
        await tab.click();
        await this.page.locator('.monaco-editor.focused').waitFor({ timeout: WAIT_MS });
    }

    /** Whether line `line` of the editor showing `name` is on screen (Monaco renders visible lines only). */
    async isLineVisible(name: string, line: number): Promise<boolean> {
        const editor = this.editorFor(name);
        const number = editor.locator('.margin-view-overlays .line-numbers', { hasText: new RegExp(`^${line}$`) });
        if (await number.count() === 0) return false;
        const [box, frame] = await Promise.all([number.first().boundingBox(), editor.boundingBox()]);
        return !!box && !!frame && box.y >= frame.y && box.y + box.height <= frame.y + frame.height;
    }

    /** Puts the cursor at line:column (1-based) with Go to Line (Ctrl+G). */
    async goTo(line: number, column = 1): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: WAIT_MS });
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
        await expectText(this.statusItem('editor.selection'), new RegExp(`Ln ${line}, Col ${column}\\b`));
    }

    /** A status bar item by id, e.g. "editor.mode" (language), "editor.selection", "status.problems". */
    statusItem(id: string): Locator {
        return this.page.locator(`[id="${id.startsWith('status.') ? id : `status.${id}`}"]`);
    }

    /** The text of the "Ln X, Col Y" status bar item, parsed. */
    async cursor(): Promise<{ line: number; column: number; selected?: number }> {
        const text = await this.statusItem('editor.selection').innerText();
        const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
        if (!match) throw new Error(`unexpected selection status "${text}"`);
        return { line: Number(match[1]), column: Number(match[2]), selected: match[3] ? Number(match[3]) : undefined };
    }

    /** Error and warning counts from the problems item of the status bar ("Errors: 1, Infos: 7"). */
    async problemCounts(): Promise<{ errors: number; warnings: number }> {
        const item = this.statusItem('status.problems');
        const label = (await item.locator('[aria-label]').first().getAttribute('aria-label', { timeout: 5000 }).catch(() => null))
            ?? await item.innerText();
        if (!/Errors?|Warnings?|Infos?|No Problems/i.test(label)) throw new Error(`unexpected problems status "${label}"`);
        // Counts of zero are left out of the label.
        const count = (kind: string) => Number(new RegExp(`${kind}s?:\\s*(\\d+)`, 'i').exec(label)?.[1] ?? 0);
        return { errors: count('Error'), warnings: count('Warning') };
    }

    /** The preview's content: two iframes deep (VS Code's webview host, then the active frame). */
    preview(): FrameLocator {
        return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    }

    /** Leaves a screenshot and the page's console behind (for a failed test) in `artifactsDir`. */
    async saveArtifacts(artifactsDir: string, name: string): Promise<string> {
        fs.mkdirSync(artifactsDir, { recursive: true });
        const base = path.join(artifactsDir, name.replace(/[^\w.-]+/g, '-'));
        await this.page.screenshot({ path: `${base}.png` }).catch(() => undefined);
        fs.writeFileSync(`${base}.console.txt`, this.console.join('\n'));
        return base;
    }

    private async focusWorkbench(): Promise<void> {
        await this.page.keyboard.press('Escape');
    }
}

/** Polls until the locator's text matches (the message says what was there instead). */
export async function expectText(locator: Locator, pattern: RegExp, timeout = WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
        last = await locator.first().innerText({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => last);
        if (pattern.test(last)) return last;
        if (Date.now() > deadline) throw new Error(`expected text matching ${pattern}, last seen "${last}"`);
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}

/** Polls an async condition until it returns a truthy value. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, timeout = WAIT_MS): Promise<NonNullable<T>> {
    const deadline = Date.now() + timeout;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (error) { lastError = error; }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}
