// End to end in a real VS Code (code-server + chromium): the live preview beside the source.
// Opens it to the side, edits the source and sees the picture change, clicks a card and sees the
// editor select its source, moves the cursor and sees the matching card highlighted; the preview
// follows the active journey editor until it is locked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, FrameLocator } from 'playwright-core';
import { expectText, launchChromium, waitFor, Workbench, WAIT_MS } from '../../scripts/code-server/workbench.js';
import { artifactsDir, repoRoot, scratchFiles } from './paths.js';

const server = inject('codeServer');
const FILE = 'preview.journey';
const source = fs.readFileSync(path.join(repoRoot, scratchFiles[FILE]), 'utf8').split('\n');
/** 1-based line of the first source line containing `text`. */
const lineOf = (text: string) => {
    const index = source.findIndex(l => l.includes(text));
    if (index < 0) throw new Error(`"${text}" is not in ${scratchFiles[FILE]}`);
    return index + 1;
};

let browser: Browser;
let workbench: Workbench;
let preview: FrameLocator;

beforeAll(async () => {
    browser = await launchChromium();
    workbench = await Workbench.open(browser, server.url);
});

afterEach(async context => {
    if (context.task.result?.state === 'fail' && workbench) {
        const base = await workbench.saveArtifacts(artifactsDir, `preview-${context.task.name}`);
        console.error(`[e2e] failure artifacts: ${base}.png, ${base}.console.txt; code-server log: ${server.logFile}`);
    }
});

afterAll(async () => {
    await browser?.close();
});

describe('the live preview in VS Code', () => {
    it('opens to the side and draws the map', async () => {
        await workbench.openFile(FILE);
        await workbench.runCommand('Journey: Open Preview to the Side');
        preview = workbench.preview();
        await preview.locator('#journey-map svg [data-id][data-line]').first().waitFor({ timeout: WAIT_MS });
        // The source stays open beside it, in another editor group.
        expect(await workbench.page.locator('.editor-group-container').count()).toBeGreaterThanOrEqual(2);
        await workbench.editorFor(FILE).waitFor({ timeout: WAIT_MS });
        await expectText(preview.locator('#journey-map'), /Compares plans/);
    });

    it('changes the picture when the source is edited', async () => {
        const line = lineOf('step pricing "Compares plans"');
        const column = source[line - 1].indexOf('Compares plans') + 'Compares plans'.length + 1;
        await workbench.focusEditor(FILE);
        await workbench.goTo(line, column);
        expect(await preview.locator('#journey-map').innerText()).not.toContain('Zebra');
        await workbench.page.keyboard.type(' Zebra');
        await expectText(preview.locator('#journey-map'), /Compares plans\s*Zebra/);
        const logged = await waitFor('the preview\'s "updated" console line', async () =>
            workbench.console.find(l => l.includes('[journey-preview] updated')));
        expect(logged).toMatch(/version=\d+/);
    });

    it('selects the source of a card that is clicked', async () => {
        const line = lineOf('barrier per-seat');
        const card = preview.locator(`#journey-map [data-id][data-line="${line}"]`).first();
        await card.scrollIntoViewIfNeeded({ timeout: WAIT_MS });
        await card.click({ timeout: WAIT_MS });
        const cursor = await waitFor(`the editor cursor on line ${line}`, async () => {
            const c = await workbench.cursor();
            return c.line === line ? c : undefined;
        });
        // The whole barrier is selected, not just a caret put on its line, and it is on screen.
        expect(cursor.selected ?? 0).toBeGreaterThan(0);
        await waitFor(`line ${line} scrolled into the editor's view`, () => workbench.isLineVisible(FILE, line));
    });

    it('highlights the card under the editor cursor', async () => {
        const clicked = lineOf('barrier per-seat');
        const line = lineOf('opportunity calculator');
        await workbench.focusEditor(FILE);
        await workbench.goTo(line, 10);
        await preview.locator(`#journey-map [data-line="${line}"].highlighted`).first().waitFor({ timeout: WAIT_MS });
        // Only the element under the cursor is highlighted: the card clicked before is not any more.
        await waitFor('the clicked card to lose its highlight', async () =>
            (await preview.locator(`#journey-map [data-line="${clicked}"].highlighted`).count()) === 0);
    });

    it('turns the cursor highlight off and on with the setting journey.preview.markEditorSelection', async () => {
        const settingsFile = path.join(server.workspace, '.vscode', 'settings.json');
        const highlighted = () => preview.locator('#journey-map .highlighted').count();
        await waitFor('a highlighted card to start from', async () => (await highlighted()) > 0);
        fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
        try {
            fs.writeFileSync(settingsFile, JSON.stringify({ 'journey.preview.markEditorSelection': false }));
            await waitFor('the highlight to go when the setting is switched off', async () => (await highlighted()) === 0);
            await workbench.focusEditor(FILE);
            await workbench.goTo(lineOf('barrier per-seat'), 10);
            await workbench.page.waitForTimeout(1000);
            expect(await highlighted()).toBe(0);
        } finally {
            fs.writeFileSync(settingsFile, '{}');
        }
        await waitFor('the highlight to come back with the setting on', async () =>
            (await preview.locator(`#journey-map [data-line="${lineOf('barrier per-seat')}"].highlighted`).count()) > 0);
    });

    it('opens the declaration of a clicked persona in the file it is imported from, and keeps showing the map', async () => {
        const people = fs.readFileSync(path.join(repoRoot, 'examples', 'people.journey'), 'utf8').split('\n');
        const declared = people.findIndex(l => l.startsWith('persona dana')) + 1;
        const chip = preview.locator('#journey-map [data-id="persona:dana"]');
        await chip.scrollIntoViewIfNeeded({ timeout: WAIT_MS });
        await chip.click({ timeout: WAIT_MS });
        await workbench.editorFor('people.journey').waitFor({ timeout: WAIT_MS });
        // Its tab clicked (the cursor stays): the status bar shows the cursor of a focused editor only,
        // and the webview, just clicked, may still hold the focus.
        await workbench.focusEditor('people.journey');
        const cursor = await waitFor(`the cursor on line ${declared} of people.journey`, async () => {
            const c = await workbench.cursor();
            return c.line === declared ? c : undefined;
        });
        expect(cursor.selected ?? 0).toBeGreaterThan(0);
        // The preview stays with the map: the file it opened itself is not followed.
        await workbench.page.waitForTimeout(1500);
        expect(await workbench.page.locator('.tab').filter({ hasText: /^\s*Preview\s+preview\.journey/ }).count()).toBe(1);
        expect(await preview.locator('#journey-map').innerText()).toContain('Compares plans');
        await workbench.focusEditor(FILE);
    });

    it('follows the journey editor that becomes active, unless locked', async () => {
        // A file no other test opens by name (Quick Open also lists the preview's past titles).
        const other = 'day-in-the-life.journey';
        const previewTab = (title: RegExp) => workbench.page.locator('.tab').filter({ hasText: title });
        await workbench.openFile(other);
        // The side preview turns to the newly active file: its title, then its picture.
        await previewTab(/^\s*Preview\s+day-in-the-life\.journey/).first().waitFor({ timeout: WAIT_MS });
        await expectText(preview.locator('#journey-map'), /Checks the train times/);
        expect(await preview.locator('#journey-map').innerText()).not.toContain('Compares plans');
        // Locked, it stays with its document when another journey editor becomes active.
        await previewTab(/^\s*Preview\s+day-in-the-life\.journey/).first().click();
        await workbench.runCommand('Journey: Toggle Preview Lock');
        await previewTab(/^\s*\[Preview\]\s+day-in-the-life\.journey/).first().waitFor({ timeout: WAIT_MS });
        await workbench.focusEditor(FILE);
        await workbench.page.waitForTimeout(1500);
        expect(await previewTab(/^\s*\[Preview\]\s+day-in-the-life\.journey/).count()).toBe(1);
        expect(await previewTab(/Preview\s+preview\.journey/).count()).toBe(0);
        // Unlocked again, it catches up with the journey editor that was active last.
        await previewTab(/^\s*\[Preview\]\s+day-in-the-life\.journey/).first().click();
        await workbench.runCommand('Journey: Toggle Preview Lock');
        await previewTab(/^\s*Preview\s+preview\.journey/).first().waitFor({ timeout: WAIT_MS });
        await expectText(preview.locator('#journey-map'), /Compares plans\s*Zebra/);
        await workbench.focusEditor(FILE);
    });

    it('opens in the same editor group with "Journey: Open Preview"', async () => {
        // A file with no preview yet (phone-switch.journey is only read by the other tests).
        const other = 'phone-switch.journey';
        await workbench.openFile(other);
        const activeTab = workbench.page.locator('.editor-group-container.active .tab.active');
        await expect.poll(() => activeTab.getAttribute('data-resource-name'), { timeout: WAIT_MS }).toBe(other);
        const groups = await workbench.page.locator('.editor-group-container').count();
        await workbench.runCommand('Journey: Open Preview');
        await expectText(activeTab, new RegExp(`^Preview\\s+${other.replace('.', '\\.')}`));
        expect(await workbench.page.locator('.editor-group-container').count()).toBe(groups);
    });
});
