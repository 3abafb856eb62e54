/**
 * Deterministic text measuring and wrapping. Widths come from a fixed table (in em), never from
 * a font, so the same text always breaks in the same places in Node, in the browser and in tests.
 * Text is cut into user-perceived characters (clusters) so emoji sequences, combining marks and
 * surrogate pairs are never split.
 */

/** Cut text ends with an ellipsis. */
const ELLIPSIS = '\u2026';

/** Width in em of a character outside ASCII that is not wide, an emoji or a tab (see `clusterEm`). */
const LATIN_EM = 0.66;

/** Width in em of each printable ASCII character (index = code - 32). Generous, to fit wide fonts. */
const ASCII_EM: number[] = (() => {
    const table: number[] = [];
    for (let code = 32; code < 127; code++) table.push(asciiEm(String.fromCharCode(code)));
    return table;
})();

function asciiEm(ch: string): number {
    if (ch === ' ') return 0.32;
    if ("il.,:;'|!`".includes(ch)) return 0.3;
    if ('fjrtI()[]{}-"/\\'.includes(ch)) return 0.4;
    if ('mwMW@%'.includes(ch)) return 0.9;
    if (ch >= 'A' && ch <= 'Z') return 0.72;
    if (ch >= '0' && ch <= '9') return 0.64;
    if (ch >= 'a' && ch <= 'z') return 0.58;
    return 0.64;
}

function isWide(cp: number): boolean {
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

function isEmoji(cp: number): boolean {
    return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff);
}

/** Code points that attach to the cluster before them. */
function isExtender(cp: number): boolean {
    if (cp < 0x300) return false;
    return cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff)
        || (cp >= 0xe0020 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x20e3
        || COMBINING.test(String.fromCodePoint(cp));
}
const COMBINING = /^\p{M}$/u;
const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;

interface Cluster {
    text: string;
    /** Width in em. */
    em: number;
    /** A space: a line may break at it, and it is dropped there. */
    space: boolean;
    /** A CJK-like character: a line may break before and after it. */
    wide: boolean;
}

function clusterEm(first: number, text: string): number {
    if (first < 127 && first >= 32 && text.length === 1) return ASCII_EM[first - 32];
    if (isWide(first)) return 1;
    if (isEmoji(first) || isRegionalIndicator(first) || text.includes('\uFE0F')) return 1.2;
    if (first === 0x09) return 1.28;
    return LATIN_EM;
}

/** Splits text into clusters (never inside a surrogate pair, emoji sequence or before a combining mark). */
export function clusters(text: string): Cluster[] {
    const result: Cluster[] = [];
    let joinNext = false;
    for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        const last = result[result.length - 1];
        const pairsFlag = last !== undefined && isRegionalIndicator(cp) && last.text.length === 2
            && isRegionalIndicator(last.text.codePointAt(0)!);
        if (last && (joinNext || isExtender(cp) || pairsFlag)) {
            last.text += ch;
            joinNext = cp === 0x200d;
            continue;
        }
        joinNext = false;
        const space = cp === 0x20 || cp === 0x09 || cp === 0x3000;
        result.push({ text: ch, em: 0, space, wide: isWide(cp) });
    }
    for (const c of result) c.em = clusterEm(c.text.codePointAt(0)!, c.text);
    return result;
}

const ASCII_ONLY = /^[\x20-\x7e]*$/;

/** Width of a text in pixels at a font size. */
export function textWidth(text: string, fontSize: number): number {
    let em = 0;
    if (SIMPLE.test(text)) {
        // Latin text: no clusters to join, measured character by character.
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            em += code >= 32 && code < 127 ? ASCII_EM[code - 32] : LATIN_EM;
        }
    } else {
        for (const c of clusters(text)) em += c.em;
    }
    return em * fontSize;
}

/**
 * The width in em of text made only of printable ASCII and Latin letters and signs (U+00A1 to
 * U+02FF, such as the `·` of a card's meta line or the `é` of a French map) with nothing to
 * escape in XML (no & < > " ') and no space at either end; -1 for any other text. The common case
 * of a map's text: such text needs no escaping, no clusters and no right-to-left handling, and
 * fits on a line when `em * fontSize <= maxWidth` (the same sum, in the same order, as `textWidth`).
 */
export function plainEm(text: string): number {
    const last = text.length - 1;
    if (last < 0 || text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32) return -1;
    return plainEmAfter(0, text);
}

/**
 * `plainEm` of a known prefix followed by `text`, given the prefix's em (`plainEmAfter(0, prefix)`
 * of a prefix that starts with no space): the same sum in the same order as `plainEm(prefix + text)`,
 * without building that text. The end check is the caller's: `text` must not end with a space.
 */
export function plainEmAfter(prefixEm: number, text: string): number {
    let em = prefixEm;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code > 126) {
            if (code < 0xa1 || code > 0x2ff) return -1;
            em += LATIN_EM;
            continue;
        }
        if (code < 32 || code === 38 || code === 60 || code === 62 || code === 34 || code === 39) return -1;
        em += ASCII_EM[code - 32];
    }
    return em;
}

/** Characters below U+0300 and common punctuation: one character, one cluster, never wide. */
const SIMPLE = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

export interface WrappedText {
    lines: string[];
    /** True when text was cut (with an ellipsis): the caller keeps the whole text in a <title>. */
    truncated: boolean;
}

/**
 * Greedy wrap into lines of at most `maxWidth` pixels, breaking at spaces and around CJK
 * characters, hard-breaking a word longer than a line. More than `maxLines` lines: the last kept
 * line ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): WrappedText {
    if (textWidth(text, fontSize) <= maxWidth && !/^\s|\s$/.test(text)) return { lines: [text], truncated: false };
    const maxEm = maxWidth / fontSize;
    const all = clusters(text);
    const lines: Cluster[][] = [];
    let line: Cluster[] = [];
    let lineEm = 0;
    let breakAt = -1; // index in `line` where the line may end (exclusive)
    const flush = (upTo: number) => {
        const rest = line.slice(upTo);
        lines.push(trimEnd(line.slice(0, upTo)));
        line = trimStart(rest);
        lineEm = sumEm(line);
        breakAt = -1;
    };
    for (const c of all) {
        if (line.length === 0 && c.space) continue;
        if (lineEm + c.em > maxEm && line.length > 0) {
            if (c.space) { flush(line.length); continue; }
            flush(breakAt > 0 ? breakAt : line.length);
        }
        if (c.wide && line.length > 0) breakAt = line.length;
        line.push(c);
        lineEm += c.em;
        if (c.space || c.wide) breakAt = line.length;
    }
    if (line.length > 0) lines.push(trimEnd(line));
    if (lines.length === 0) return { lines: [''], truncated: false };
    if (lines.length <= maxLines) return { lines: lines.map(joinText), truncated: false };
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = withEllipsis(kept[maxLines - 1], maxEm);
    return { lines: kept.map(joinText), truncated: true };
}

/** One line, cut with an ellipsis when too wide. */
export function fitText(text: string, maxWidth: number, fontSize: number): WrappedText {
    if (textWidth(text, fontSize) <= maxWidth) return { lines: [text], truncated: false };
    const cut = withEllipsis(clusters(text), maxWidth / fontSize);
    return { lines: [joinText(cut)], truncated: true };
}

function withEllipsis(line: Cluster[], maxEm: number): Cluster[] {
    const ellipsisEm = 1;
    const result = trimEnd(line.slice());
    let em = sumEm(result);
    while (result.length > 0 && em + ellipsisEm > maxEm) em -= result.pop()!.em;
    const trimmed = trimEnd(result);
    trimmed.push({ text: ELLIPSIS, em: ellipsisEm, space: false, wide: false });
    return trimmed;
}

function trimEnd(line: Cluster[]): Cluster[] {
    let end = line.length;
    while (end > 0 && line[end - 1].space) end--;
    return end === line.length ? line : line.slice(0, end);
}

function trimStart(line: Cluster[]): Cluster[] {
    let start = 0;
    while (start < line.length && line[start].space) start++;
    return start === 0 ? line : line.slice(start);
}

function sumEm(line: Cluster[]): number {
    let em = 0;
    for (const c of line) em += c.em;
    return em;
}

function joinText(line: Cluster[]): string {
    let s = '';
    for (const c of line) s += c.text;
    return s;
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]/;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/** True when the first strong character of the text is right-to-left (Hebrew, Arabic, ...). */
export function isRtl(text: string): boolean {
    if (ASCII_ONLY.test(text)) return false;
    const rtl = RTL_CHAR.exec(text);
    if (!rtl) return false;
    const ltr = LTR_CHAR.exec(text);
    return !ltr || rtl.index < ltr.index;
}
