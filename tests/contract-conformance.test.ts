import { describe, expect, it } from 'vitest';
import { codesAt, diagnosticsOf } from './helpers.js';

/**
 * Divergences from the contract (/work/shared/design/language.md) found by an outside-style audit,
 * each pinned here by the contract line it breaks.
 */

describe('suppression comments are comments (“silenced for one line with a comment”)', () => {
    const map = (above: string) => `journey j {
  stage s {
    step a { touchpoint web emotion 0 action ${above}
    } step b { }
  }
}
`;

    it('the directive inside a string silences nothing', async () => {
        const codes = codesAt(await diagnosticsOf(map('"// journey-lint-disable-next-line"')));
        expect(codes).toEqual(['missing-emotion@4', 'missing-touchpoint@4', 'no-persona@1']);
    });

    it('a string with an escaped quote before the directive text silences nothing', async () => {
        const codes = codesAt(await diagnosticsOf(map('"say \\"hi\\" // journey-lint-disable-next-line missing-emotion"')));
        expect(codes).toEqual(['missing-emotion@4', 'missing-touchpoint@4', 'no-persona@1']);
    });

    it('the directive text inside a block comment silences nothing', async () => {
        const codes = codesAt(await diagnosticsOf(map('"x" /* // journey-lint-disable-next-line */')));
        expect(codes).toEqual(['missing-emotion@4', 'missing-touchpoint@4', 'no-persona@1']);
    });

    it('a line comment after a string on the same line still works', async () => {
        const codes = codesAt(await diagnosticsOf(map('"a // b" // journey-lint-disable-next-line missing-emotion')));
        expect(codes).toEqual(['missing-touchpoint@4', 'no-persona@1']);
    });

    it('lines are counted across multi-line block comments and CRLF', async () => {
        const text = 'journey j {\r\n  /* one\r\n  two */\r\n  stage s {\r\n    // journey-lint-disable-next-line missing-emotion\r\n    step b { }\r\n  }\r\n}\r\n';
        expect(codesAt(await diagnosticsOf(text))).toEqual(['missing-touchpoint@6', 'no-persona@1']);
    });
});
