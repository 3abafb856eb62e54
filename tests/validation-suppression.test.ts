import { describe, expect, it } from 'vitest';
import { codesAt, diagnosticsOf } from './helpers.js';
import { findSuppressions } from '../src/language/validation/suppression.js';

/** `// journey-lint-disable-next-line RULE...` silences lint rules on the next line; never error codes. */

const map = (stepPrefix: string, factPrefix = '') => `persona p
journey j {
  for p
  stage s {
${stepPrefix}    step a {
      action "no touchpoint, no emotion"
${factPrefix}      barrier b "nothing fixes this"
    }
  }
}
`;

describe('journey-lint-disable-next-line', () => {
    it('without it, the step reports both rules', async () => {
        expect(codesAt(await diagnosticsOf(map('')))).toEqual(['missing-emotion@5', 'missing-touchpoint@5', 'unaddressed-barrier@7']);
    });

    it('one rule: silences only that rule on the next line', async () => {
        const text = map('    // journey-lint-disable-next-line missing-emotion\n');
        expect(codesAt(await diagnosticsOf(text))).toEqual(['missing-touchpoint@6', 'unaddressed-barrier@8']);
    });

    it('several rules, separated by spaces or commas', async () => {
        expect(codesAt(await diagnosticsOf(map('    // journey-lint-disable-next-line missing-emotion missing-touchpoint\n')))).toEqual(['unaddressed-barrier@8']);
        expect(codesAt(await diagnosticsOf(map('    // journey-lint-disable-next-line missing-emotion, missing-touchpoint\n')))).toEqual(['unaddressed-barrier@8']);
    });

    it('no rule: silences every lint rule on the next line', async () => {
        const text = map('    // journey-lint-disable-next-line\n', '      // journey-lint-disable-next-line\n');
        expect(codesAt(await diagnosticsOf(text))).toEqual([]);
    });

    it('a reason after -- is allowed', async () => {
        const text = map('    // journey-lint-disable-next-line missing-emotion -- we have no data yet\n');
        expect(codesAt(await diagnosticsOf(text))).toEqual(['missing-touchpoint@6', 'unaddressed-barrier@8']);
    });

    it('on a fact line: silences the fact diagnostic', async () => {
        const text = map('', '      // journey-lint-disable-next-line unaddressed-barrier\n');
        expect(codesAt(await diagnosticsOf(text))).toEqual(['missing-emotion@5', 'missing-touchpoint@5']);
    });

    it('only the next line: not two lines below, not the line itself', async () => {
        const twoAbove = map('    // journey-lint-disable-next-line missing-emotion\n\n');
        expect(codesAt(await diagnosticsOf(twoAbove))).toEqual(['missing-emotion@7', 'missing-touchpoint@7', 'unaddressed-barrier@9']);
        const sameLine = map('').replace('    step a {', '    step a { // journey-lint-disable-next-line missing-emotion');
        expect(codesAt(await diagnosticsOf(sameLine))).toEqual(['missing-emotion@5', 'missing-touchpoint@5', 'unaddressed-barrier@7']);
    });

    it('another rule named: silences nothing else', async () => {
        expect(codesAt(await diagnosticsOf(map('    // journey-lint-disable-next-line emotion-cliff\n')))).toEqual(['missing-emotion@6', 'missing-touchpoint@6', 'unaddressed-barrier@8']);
    });

    it('journey-level and declaration-level rules', async () => {
        const text = '// journey-lint-disable-next-line unused-declaration\npersona lonely\n// journey-lint-disable-next-line no-persona\njourney j { stage s { touchpoint web emotion 1 } }\n';
        expect(codesAt(await diagnosticsOf(text))).toEqual([]);
    });

    it('never silences an error code', async () => {
        const text = `persona p
journey j {
  for p
  stage s {
    step a {
      touchpoint web
      // journey-lint-disable-next-line
      emotion 7
      // journey-lint-disable-next-line emotion-range unresolved-reference
      next nowhere
      // journey-lint-disable-next-line syntax-error
      emotion
    }
  }
}
`;
        const codes = codesAt(await diagnosticsOf(text));
        expect(codes).toContain('emotion-range@8');
        expect(codes).toContain('unresolved-reference@10');
        expect(codes.some(c => c.startsWith('syntax-error@'))).toBe(true);
    });

    it('a block comment is not a directive', async () => {
        const text = map('    /* journey-lint-disable-next-line missing-emotion */\n');
        expect(codesAt(await diagnosticsOf(text))).toEqual(['missing-emotion@6', 'missing-touchpoint@6', 'unaddressed-barrier@8']);
    });
});

describe('findSuppressions', () => {
    it('maps the next line (0-based) to the rules named', () => {
        const found = findSuppressions('a\n// journey-lint-disable-next-line x-y, z\nb\r\n// journey-lint-disable-next-line\nc');
        expect([...found.entries()].map(([line, rules]) => [line, [...rules]])).toEqual([[2, ['x-y', 'z']], [4, []]]);
    });
});
