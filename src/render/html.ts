import type { MapModel } from '../model/types.js';
import { escapeText } from './escape.js';
import type { RenderOptions } from './options.js';
import { renderSvg } from './svg.js';

/**
 * A self-contained HTML page holding the map: inline SVG and CSS only, no script, no network,
 * readable without JavaScript. Follows the viewer's light or dark preference.
 */
export function renderHtml(model: MapModel, options: RenderOptions = {}): string {
    const svg = renderSvg(model, { ...options, standalone: false });
    return [
        ...htmlPageHead(model.journey.title),
        '<style>',
        'html,body{margin:0;padding:0}',
        'body{background:#ffffff;color:#1f2328}',
        '@media (prefers-color-scheme: dark){body{background:#1e1e1e;color:#d4d4d4}}',
        '.jm-page{padding:8px;width:max-content}',
        '.jm-page svg{display:block}',
        '</style>',
        '</head>',
        '<body>',
        `<main class="jm-page">${svg}</main>`,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

/**
 * The opening lines of a self-contained page, up to the `<style>` element: a strict CSP (no
 * script, no network; inline styles and data images only), light and dark colour schemes.
 */
export function htmlPageHead(title: string): string[] {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        `<title>${escapeText(title)}</title>`,
    ];
}
