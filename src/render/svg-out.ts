import { escapeAttr, escapeText } from './escape.js';
import { isRtl } from './text.js';

/** Formats a coordinate: at most two decimals, no float noise, so output is byte-stable. */
export function n(value: number): string {
    if (Number.isInteger(value)) return String(value);
    // Half pixels (centres of columns, text baselines) are common: written without float formatting.
    if (value > 0 && Number.isInteger(value * 2)) return `${value - 0.5}.5`;
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

/** One line of text. Right-to-left text is aligned on the box's right edge. */
export function textLine(x: number, y: number, text: string, options: TextOptions = {}): string {
    const cls = options.cls ? ` class="${options.cls}"` : '';
    if (!options.anchor && options.right !== undefined && isRtl(text)) {
        // Right-aligned, inside a right-to-left embedding (RLE ... PDF) rather than with
        // direction="rtl": browsers and resvg agree on this, they do not on `direction`.
        return `<text x="${n(options.right)}" y="${n(y)}"${cls} text-anchor="end">&#x202B;${escapeText(text)}&#x202C;</text>`;
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

/**
 * The same text, flattened in place. V8 keeps the result of `a + b` or a template literal as a
 * tree of its parts until something reads its characters, and every join walks such a tree part
 * by part. Markup made once and reused in thousands of cards (a text start tag, a frame, a
 * column's key prefix) is flattened when it is made, so each use is one part instead of many.
 * Reading a character is what flattens it; the text is unchanged.
 */
export function flat(text: string): string {
    text.charCodeAt(0);
    return text;
}

/**
 * Collects the SVG text. A 2,000-step map is megabytes of markup in tens of thousands of pieces,
 * and a piece built with `+` is a tree of small strings in V8. Pieces are collected in an array
 * that is joined into one flat chunk every 16 KB, while the pieces are still in the processor's
 * cache: the pieces die young and only the chunks live until the picture is assembled. Keeping
 * every piece alive to the end made garbage collection the main cost of rendering. Chunks this
 * small are ordinary heap objects, whose memory V8 reuses from render to render; chunks above
 * 128 KB each get fresh memory from the system, and on the 2-core reference machine paging it in
 * cost more than the collector copying small chunks (the bench map rendered in 35 ms with 256 KB
 * chunks, 31 ms with 16 to 64 KB).
 */
export class Out {
    private readonly parts: string[] = [];
    private size = 0;
    private readonly chunks: string[] = [];

    push(piece: string): void {
        this.parts.push(piece);
        this.size += piece.length;
        if (this.size > CHUNK) this.seal();
    }

    /** The text so far as a few large strings, to be joined once by whoever assembles the picture. */
    pieces(): string[] {
        this.seal();
        return this.chunks;
    }

    toString(): string {
        return this.pieces().join('');
    }

    private seal(): void {
        if (this.parts.length === 0) return;
        this.chunks.push(this.parts.join(''));
        this.parts.length = 0;
        this.size = 0;
    }
}

const CHUNK = 16 * 1024;
