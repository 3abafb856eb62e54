import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Commands } from '../src/extension/command-ids.js';
import { PREVIEW_VIEW_TYPE } from '../src/protocol/webview.js';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
const manifest = read('package.json');
const contributes = manifest.contributes;

describe('extension manifest', () => {
    test('contributes every command the extension registers, with a Journey category', () => {
        const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
        expect(contributed).toEqual(Object.values(Commands).sort());
        for (const c of contributes.commands) expect(c.category).toBe('Journey');
        const titles = contributes.commands.map((c: { title: string }) => c.title);
        expect(titles).toEqual(expect.arrayContaining(['Open Preview', 'Open Preview to the Side', 'Show Source', 'New Map from Template']));
    });

    test('Ctrl+K V (Cmd+K V) opens the preview to the side in a journey editor', () => {
        const binding = contributes.keybindings.find((k: { command: string }) => k.command === Commands.openPreviewToSide);
        expect(binding).toMatchObject({ key: 'ctrl+k v', mac: 'cmd+k v', when: 'editorLangId == journey' });
    });

    test('has the editor-title button and Show Source in the preview title', () => {
        const title = contributes.menus['editor/title'];
        expect(title).toContainEqual(expect.objectContaining({ command: Commands.openPreviewToSide, when: 'editorLangId == journey', group: 'navigation' }));
        expect(title).toContainEqual(expect.objectContaining({ command: Commands.showSource, when: `activeWebviewPanelId == '${PREVIEW_VIEW_TYPE}'` }));
        const icon = contributes.commands.find((c: { command: string }) => c.command === Commands.openPreviewToSide).icon;
        expect(icon).toMatch(/^\$\(.+\)$/);
    });

    test('activates on journey files and restored previews, and extends the Markdown preview', () => {
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:journey', `onWebviewPanel:${PREVIEW_VIEW_TYPE}`]));
        expect(contributes['markdown.markdownItPlugins']).toBe(true);
        for (const style of contributes['markdown.previewStyles']) expect(fs.existsSync(new URL(`../${style}`, import.meta.url))).toBe(true);
    });

    test('the lint setting is resource-scoped', () => {
        expect(contributes.configuration.properties['journey.lint.rules'].scope).toBe('resource');
    });

    test('the language configuration has comments, brackets and auto-closing quotes', () => {
        const language = contributes.languages.find((l: { id: string }) => l.id === 'journey');
        expect(language.extensions).toEqual(['.journey']);
        const config = read(language.configuration.replace(/^\.\//, ''));
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toContainEqual(['{', '}']);
        expect(config.autoClosingPairs).toContainEqual(expect.objectContaining({ open: '"', close: '"' }));
        expect(config.autoClosingPairs).toContainEqual(expect.objectContaining({ open: '{', close: '}' }));
        // Ids may hold '-': double-click selects `porting-delay` whole.
        expect(new RegExp(config.wordPattern).exec('porting-delay')?.[0]).toBe('porting-delay');
    });

    test('.vscodeignore keeps what the packaged extension needs', () => {
        const ignore = fs.readFileSync(new URL('../.vscodeignore', import.meta.url), 'utf8');
        for (const kept of ['!out/extension.cjs', '!out/language-server.cjs', '!media/**', '!syntaxes/**', '!language-configuration.json']) {
            expect(ignore.split('\n')).toContain(kept);
        }
    });
});
