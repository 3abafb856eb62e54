import { escapeAttr, escapeText } from './escape.js';
import { isRtl } from './text.js';

/** Formats a coordinate: at most two decimals, no float noise, so output is byte-stable. */
export function n(value: number): string {
    return String(Math.round(value * 100) / 100);
}

/** `data-id` and `data-line` attributes of a map element. */
export function dataAttrs(id: string, line: number | undefined): string {
    return ` data-id="${escapeAttr(id)}"${line ? ` data-line="${line}"` : ''}`;
}

export interface TextOptions {
    cls?: string | undefined;
    /** Right edge for right-to-left text (the box the text sits in). */
    right?: number;
    anchor?: 'middle' | 'end';
}

/** One line of text. Right-to-left text starts at the box's right edge. */
export function textLine(x: number, y: number, text: string, options: TextOptions = {}): string {
    const cls = options.cls ? ` class="${options.cls}"` : '';
    if (!options.anchor && options.right !== undefined && isRtl(text)) {
        return `<text x="${n(options.right)}" y="${n(y)}"${cls} direction="rtl" unicode-bidi="embed">${escapeText(text)}</text>`;
    }
    const anchor = options.anchor ? ` text-anchor="${options.anchor}"` : '';
    return `<text x="${n(x)}" y="${n(y)}"${cls}${anchor}>${escapeText(text)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, cls: string, rx = 0): string {
    return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${rx ? ` rx="${rx}"` : ''} class="${cls}"/>`;
}

export function titleTag(text: string): string {
    return `<title>${escapeText(text)}</title>`;
}

export interface Box { x: number; y: number; w: number; h: number }
