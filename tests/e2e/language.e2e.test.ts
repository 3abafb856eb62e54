// End to end in a real VS Code (code-server + chromium): the extension loads, .journey files get
// the Journey language, and the language server's diagnostics and completion reach the editor.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectText, launchChromium, waitFor, Workbench, WAIT_MS } from '../../scripts/code-server/workbench.js';
import { artifactsDir } from './paths.js';

const server = inject('codeServer');
let browser: Browser;
let workbench: Workbench;

beforeAll(async () => {
    browser = await launchChromium();
    workbench = await Workbench.open(browser, server.url);
});

afterEach(async context => {
    if (context.task.result?.state === 'fail' && workbench) {
        const base = await workbench.saveArtifacts(artifactsDir, `language-${context.task.name}`);
        console.error(`[e2e] failure artifacts: ${base}.png, ${base}.console.txt; code-server log: ${server.logFile}`);
    }
});

afterAll(async () => {
    await browser?.close();
});

describe('the Journey language in VS Code', () => {
    it('opens an example with language mode "Journey" and no errors', async () => {
        await workbench.openFile('phone-switch.journey');
        await expectText(workbench.statusItem('editor.mode'), /^Journey$/);
        // The language server has checked the file once the problems item settles on 0 errors.
        await waitFor('the problems count of a valid example', async () => (await workbench.problemCounts()).errors === 0);
    });

    it('shows a diagnostic from the server when an error is typed', async () => {
        await workbench.openFile('diagnostics.journey');
        await expectText(workbench.statusItem('editor.mode'), /^Journey$/);
        // `for` must name a declared persona: an unknown one is a linking error from the server.
        await workbench.goTo(14, 1);
        await workbench.page.keyboard.press('End');
        await workbench.page.keyboard.press('Enter');
        await workbench.page.keyboard.type('emotion 1 "lost" for nobody-at-all');
        const squiggle = workbench.activeEditor().locator('.squiggly-error');
        await squiggle.first().waitFor({ timeout: WAIT_MS });
        const counts = await waitFor('an error in the problems count', async () => {
            const c = await workbench.problemCounts();
            return c.errors > 0 ? c : undefined;
        });
        expect(counts.errors).toBeGreaterThan(0);
        // The hover on the error (Ctrl+K Ctrl+I with the cursor in it) shows the server's message.
        await workbench.page.keyboard.press('ArrowLeft');
        await workbench.page.keyboard.press('Control+K');
        await workbench.page.keyboard.press('Control+I');
        await expectText(workbench.page.locator('.monaco-hover:visible'), /nobody-at-all/);
        // Deleting the line clears the error again.
        await workbench.page.keyboard.press('Escape');
        await workbench.page.keyboard.press('End');
        await workbench.page.keyboard.press('Shift+Home');
        await workbench.page.keyboard.press('Backspace');
        await waitFor('the error to go away', async () => (await workbench.problemCounts()).errors === 0);
        expect(await squiggle.count()).toBe(0);
    });

    it('completes persona names from an imported file', async () => {
        await workbench.openFile('completion.journey');
        await workbench.goTo(14, 1);
        await workbench.page.keyboard.press('End');
        await workbench.page.keyboard.press('Enter');
        await workbench.page.keyboard.type('emotion 1 "calm" for ');
        await workbench.page.keyboard.press('Control+Space');
        const suggest = workbench.page.locator('.suggest-widget.visible .monaco-list-row');
        await suggest.first().waitFor({ timeout: WAIT_MS });
        // dana and sam are declared in people.journey, which phone-switch imports.
        await expectText(workbench.page.locator('.suggest-widget.visible'), /\bdana\b/);
        await expectText(workbench.page.locator('.suggest-widget.visible'), /\bsam\b/);
    });
});
