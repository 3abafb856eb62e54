import { describe, expect, test } from 'vitest';
import { clusters, fitText, isRtl, plainEm, textWidth, wrapText } from '../src/render/text.js';
import { Out } from '../src/render/svg-out.js';
import { escapeAttr, escapeText } from '../src/render/escape.js';

describe('clusters', () => {
    test('keep surrogate pairs, emoji sequences, flags and combining marks whole', () => {
        const family = '\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67';
        const flag = '\uD83C\uDDEB\uD83C\uDDF7';
        const thumb = '\uD83D\uDC4D\uD83C\uDFFD';
        const accented = 'e\u0301';
        const keycap = '1\uFE0F\u20E3';
        expect(clusters(`${family}${flag}${thumb}${accented}${keycap}x`).map(c => c.text)).toEqual([family, flag, thumb, accented, keycap, 'x']);
        expect(clusters(`${flag}${flag}`).map(c => c.text)).toEqual([flag, flag]);
    });
});

describe('textWidth', () => {
    test('is a fixed table: narrow, wide, CJK and emoji', () => {
        expect(textWidth('iii', 10)).toBeLessThan(textWidth('MMM', 10));
        expect(textWidth('\u65C5', 12)).toBe(12);
        expect(textWidth('\uD83D\uDE00', 10)).toBeCloseTo(12);
        expect(textWidth('', 12)).toBe(0);
        expect(textWidth('hello', 24)).toBeCloseTo(2 * textWidth('hello', 12));
    });
});

describe('wrapText', () => {
    test('breaks at spaces, never beyond the width, and keeps all words in order', () => {
        const text = 'The quick brown fox jumps over the lazy dog and keeps running far away';
        const { lines, truncated } = wrapText(text, 100, 12, 20);
        expect(truncated).toBe(false);
        expect(lines.length).toBeGreaterThan(2);
        for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(100);
        expect(lines.join(' ')).toBe(text);
    });

    test('hard-breaks a word longer than a line', () => {
        const { lines } = wrapText('x'.repeat(80), 100, 12, 20);
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.join('')).toBe('x'.repeat(80));
    });

    test('breaks CJK text between characters', () => {
        const text = '\u7528\u6237\u65C5\u7A0B'.repeat(10);
        const { lines } = wrapText(text, 100, 12, 20);
        expect(lines.length).toBe(5);
        expect(lines.join('')).toBe(text);
    });

    test('cuts after maxLines with an ellipsis that fits', () => {
        const { lines, truncated } = wrapText('word '.repeat(100), 100, 12, 3);
        expect(truncated).toBe(true);
        expect(lines).toHaveLength(3);
        expect(lines[2].endsWith('\u2026')).toBe(true);
        expect(textWidth(lines[2], 12)).toBeLessThanOrEqual(100);
    });

    test('never splits an emoji sequence across lines', () => {
        const family = '\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67';
        const { lines } = wrapText(family.repeat(30), 100, 12, 50);
        for (const line of lines) expect(line.split(family).join('')).toBe('');
    });

    test('is deterministic', () => {
        const text = 'Mixed \u05E9\u05DC\u05D5\u05DD text \u7528\u6237 with \uD83D\uDE00 emoji and more words to wrap';
        expect(wrapText(text, 80, 12, 4)).toEqual(wrapText(text, 80, 12, 4));
    });
});

describe('fitText', () => {
    test('keeps text that fits and cuts text that does not', () => {
        expect(fitText('short', 100, 12)).toEqual({ lines: ['short'], truncated: false });
        const cut = fitText('a much longer label than fits', 60, 12);
        expect(cut.truncated).toBe(true);
        expect(cut.lines[0].endsWith('\u2026')).toBe(true);
        expect(textWidth(cut.lines[0], 12)).toBeLessThanOrEqual(60);
    });
});

describe('isRtl', () => {
    test('follows the first strong character', () => {
        expect(isRtl('\u05E9\u05DC\u05D5\u05DD')).toBe(true);
        expect(isRtl('\u0645\u0631\u062D\u0628\u0627 hello')).toBe(true);
        expect(isRtl('hello \u05E9\u05DC\u05D5\u05DD')).toBe(false);
        expect(isRtl('123 \u05E9')).toBe(true);
        expect(isRtl('\u7528\u6237')).toBe(false);
    });
});

describe('escaping', () => {
    test('text and attributes', () => {
        expect(escapeText('<a & b>')).toBe('&lt;a &amp; b&gt;');
        expect(escapeAttr(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
        expect(escapeText('ok \uD83D\uDE00')).toBe('ok \uD83D\uDE00');
        expect(escapeText('bad\u0000\uDC00')).toBe('bad\uFFFD\uFFFD');
    });
});

describe('plainEm (the renderer\'s fast path for plain ASCII and Latin text)', () => {
    test('measures like textWidth, per em', () => {
        for (const text of ['Does thing 5', 'CSAT: 3.5', 'x', 'Impact: high, effort: low (v2)', 'Impact: high \u00B7 Effort: low', 'Caf\u00E9 cr\u00E8me, \u0141\u00F3d\u017A', '\u00BFQu\u00E9?']) {
            expect(plainEm(text) * 12).toBe(textWidth(text, 12));
        }
    });

    test('refuses text that needs escaping, clusters or trimming', () => {
        const refused = ['', 'a & b', '<b>', 'say "hi"', "it's", ' lead', 'trail ', 'tab\there', 'no\u00A0break', 'e\u0301', '\u0300', 'del\u007F', '\u0085', '\u05E9', '\u4E2D', '\u2026', '\uD83D\uDE00'];
        for (const text of refused) {
            expect(plainEm(text)).toBe(-1);
        }
    });
});

describe('Out', () => {
    test('keeps every piece in order across its chunks', () => {
        const out = new Out();
        const pieces: string[] = [];
        for (let i = 0; i < 40000; i++) {
            const piece = `<g data-id="step-${i}">\u00B7 ${'x'.repeat(i % 17)}</g>`;
            pieces.push(piece);
            out.push(piece);
        }
        expect(out.pieces().length).toBeGreaterThan(1);
        expect(out.toString()).toBe(pieces.join(''));
    });
});
