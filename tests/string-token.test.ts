import { describe, expect, it } from 'vitest';
import { JourneyTerminals } from '../src/language/generated/ast.js';
import { linearStringMatcher } from '../src/language/parser/token-builder.js';
import { codesAt, diagnosticsOf } from './helpers.js';

/** The STRING matcher that refuses, without scanning again, quotes that a failed scan has already passed. */
describe('the STRING token matcher', () => {
    const plain = new RegExp(JourneyTerminals.STRING.source, 'y');
    const texts = [
        '"a" "b"', '"a\\"b" x', '"a\\" "b', '"\\\\" "', '"unterminated \\" and "closed"', '"x\n"y"', '"a\\"\\"\\"', 'x "a\r"b" "c"',
        '"\\q" "ok"', '""', '"\\\\\\"" "',
    ];
    for (const text of texts) {
        it(`matches like the grammar's regex at every offset of ${JSON.stringify(text)}`, () => {
            const matcher = linearStringMatcher(JourneyTerminals.STRING);
            for (let offset = 0; offset < text.length; offset++) {
                plain.lastIndex = offset;
                const expected = text[offset] === '"' ? plain.exec(text)?.[0] : undefined;
                const actual = text[offset] === '"' ? (matcher(text, offset, [], {}) as RegExpExecArray | null)?.[0] : undefined;
                expect(actual, `offset ${offset}`).toBe(expected);
            }
        });
    }

    it('a long line full of escaped quotes and no closing quote is an error, without rescanning per quote', async () => {
        const codes = codesAt(await diagnosticsOf(`persona p "${'\\"'.repeat(500_000)}`));
        expect(codes).toContain('syntax-error@1');
    }, 60_000);
});
