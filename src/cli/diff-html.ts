/**
 * `journey diff --format html`: one self-contained page (inline CSS, no script, no network). For
 * each changed map, the new map drawn by the renderer with the added, changed and removed
 * elements marked, beside the list of changes.
 */
import { renderSvg } from '../render/index.js';
import { htmlPageHead } from '../render/html.js';
import { summarize, type MapChange } from '../model/diff-types.js';
import { describe, notComparedLine, summaryLine } from './diff-describe.js';
import type { DiffRun, FileDiff } from './diff-run.js';

export function formatHtml(run: DiffRun): string {
    const total = summarize(run.files.flatMap(f => f.diff.changes));
    const notCompared = notComparedLine(run.failures);
    const body = [
        ...(notCompared ? [`<p><strong>${escapeHtml(notCompared)}</strong></p>`] : []),
        ...(run.files.length === 0 && !notCompared ? ['<p>No changes to the maps.</p>'] : []),
        ...run.files.map((file, index) => fileSection(file, index)),
    ].join('\n');
    return [
        ...htmlPageHead(`Map changes: ${summaryLine(total)}`),
        '<style>',
        'body{margin:0;padding:12px;font:14px/1.45 system-ui,sans-serif;background:#fff;color:#1f2328}',
        '@media (prefers-color-scheme: dark){body{background:#1e1e1e;color:#d4d4d4}}',
        'h1{font-size:18px;margin:0 0 12px}h2{font-size:16px;margin:20px 0 8px}',
        '.jd-file{display:flex;gap:16px;align-items:flex-start}',
        '.jd-map{flex:1 1 auto;overflow:auto;border:1px solid #8884;border-radius:4px;padding:4px;max-height:85vh}',
        '.jd-map svg{display:block}',
        '.jd-changes{flex:0 0 360px;margin:0;padding:0;list-style:none;max-height:85vh;overflow:auto}',
        '.jd-changes li{padding:3px 6px;border-left:4px solid;margin:2px 0;word-break:break-word}',
        '.jd-added{border-color:#2da44e}.jd-removed{border-color:#cf222e}.jd-changed{border-color:#bf8700}.jd-moved{border-color:#0969da}',
        '</style>',
        '</head>',
        '<body>',
        `<h1>Map changes: ${escapeHtml(summaryLine(total))}</h1>`,
        body,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

function fileSection(file: FileDiff, index: number): string {
    const picture = file.after
        ? `<div class="jd-map">${renderSvg(file.after, { highlight: file.diff.highlight, standalone: false, idPrefix: `jd${index}-` })}</div>`
        : '<div class="jd-map"><p>This map was removed.</p></div>';
    const items = file.diff.changes.map(change => changeItem(change)).join('\n');
    return [
        `<section><h2>${escapeHtml(file.file)}: ${escapeHtml(summaryLine(file.diff.summary))}</h2>`,
        `<div class="jd-file">${picture}`,
        `<ul class="jd-changes">\n${items}\n</ul></div></section>`,
    ].join('\n');
}

function changeItem(change: MapChange): string {
    // The text says what happened ("added", "removed", "moved", "a -> b"); the colour repeats it.
    return `<li class="jd-${change.kind}" title="${change.kind}">${escapeHtml(describe(change))}</li>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
