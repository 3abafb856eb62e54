import { escapeAttr, escapeText } from './escape.js';
import { isRtl } from './text.js';

/** Formats a coordinate: at most two decimals, no float noise, so output is byte-stable. */
export function n(value: number): string {
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
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
 * Collects the SVG text. Small pieces are joined into flat chunks every few hundred pushes so
 * that they die young: a 2,000-step map makes hundreds of thousands of pieces, and keeping them
 * all alive until the end made garbage collection the main cost of rendering.
 */
export class Out {
    private parts: string[] = [];
    private readonly chunks: string[] = [];

    push(piece: string): void {
        const parts = this.parts;
        parts.push(piece);
        if (parts.length >= 256) {
            this.chunks.push(parts.join(''));
            this.parts = [];
        }
    }

    /** The text so far as flat chunks, to be joined once by whoever assembles the picture. */
    pieces(): string[] {
        return this.parts.length > 0 ? [...this.chunks, this.parts.join('')] : this.chunks;
    }

    toString(): string {
        return this.pieces().join('');
    }
}
