import type { PersistedPreviewState } from '../../protocol/webview.js';

/** Everything the webview page needs, as strings, so the page is built (and tested) without vscode. */
export interface PreviewHtmlInput {
    /** `webview.cspSource`: the origin the webview loads its resources from. */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    styleUri: string;
    codiconsUri: string;
    /** Initial state, read by the script from `data-state`. */
    state: PersistedPreviewState;
    title: string;
}

/**
 * The preview page: set once per panel (later updates are messages that patch the DOM).
 * Strict CSP: nothing remote, scripts only with the nonce, styles only from the extension or
 * with the nonce (the webview gives the map's own <style> the nonce when it inserts it).
 * Images from data:/blob: are allowed for the PNG export, which draws the SVG on a canvas.
 */
export function previewHtml(input: PreviewHtmlInput): string {
    const { cspSource, nonce } = input;
    const csp = [
        `default-src 'none'`,
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `font-src ${cspSource}`,
        `img-src ${cspSource} data: blob:`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}" nonce="${nonce}">
<link rel="stylesheet" href="${escapeAttribute(input.codiconsUri)}" nonce="${nonce}" id="vscode-codicon-stylesheet">
<title>${escapeText(input.title)}</title>
</head>
<body>
<div id="journey-toolbar" role="toolbar" aria-label="Map preview"></div>
<div id="journey-banner" role="status" hidden></div>
<div id="journey-scroll">
<div id="journey-map" data-state="${escapeAttribute(JSON.stringify(input.state))}" data-nonce="${nonce}" aria-busy="true"><p class="journey-empty">Loading the map…</p></div>
</div>
<script type="module" src="${escapeAttribute(input.scriptUri)}" nonce="${nonce}"></script>
</body>
</html>`;
}

/** A nonce of 32 letters and digits from a cryptographic source. */
export function makeNonce(): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
    return Array.from(bytes, b => chars[b % chars.length]).join('');
}

function escapeAttribute(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
