import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { codesAt, diagnosticsOf } from './helpers.js';
import { journey, tempFolder } from './cli-lint-support.js';

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

describe('import-not-found: “an import that names no readable file” (never an internal error)', () => {
    it('an import of an existing file that is not a .journey file is import-not-found', async () => {
        const dir = tempFolder({
            'notes.txt': 'persona dana\n',
            'main.journey': 'import "notes.txt"\njourney j { stage s { step a { touchpoint web emotion 0 } } }\n',
        });
        const run = await journey(['lint', '--format', 'json', path.join(dir, 'main.journey')]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; line: number }> }> };
        expect(report.files[0].diagnostics.map(d => `${d.rule}@${d.line}`)).toEqual(['import-not-found@1', 'no-persona@2']);
    });
});

describe('“one [diagnostic] about a fact on the fact\'s line”, also when the fact spans lines', () => {
    const lines = (diagnostics: Awaited<ReturnType<typeof diagnosticsOf>>, code: string) =>
        diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);

    it('emotion-range starts on the line of the emotion keyword', async () => {
        const text = 'persona p\njourney j {\n  for p\n  stage s {\n    step a {\n      touchpoint web\n      emotion\n        5\n    }\n  }\n}\n';
        expect(lines(await diagnosticsOf(text), 'emotion-range')).toEqual([7]);
    });

    it('emotion-range on one line still marks the score only', async () => {
        const diagnostics = await diagnosticsOf('journey j { stage s { step a { touchpoint web emotion 7 } } }\n');
        const range = diagnostics.find(d => d.code === 'emotion-range')!.range;
        expect(range).toEqual({ start: { line: 0, character: 54 }, end: { line: 0, character: 55 } });
    });

    it('duplicate-id of a barrier or an opportunity starts on its fact\'s line', async () => {
        const text = `team t
journey j {
  stage s {
    step a {
      touchpoint web
      emotion 0
      barrier b "one"
      barrier
        b "two"
      opportunity o "x" fixes b owner t
      opportunity
        o "y" owner t
    }
  }
}
`;
        expect(lines(await diagnosticsOf(text), 'duplicate-id')).toEqual([8, 11]);
    });

    it('a suppression comment above a declaration whose id is on the next line works', async () => {
        const text = '// journey-lint-disable-next-line unused-declaration\npersona\n  lonely\n';
        expect(codesAt(await diagnosticsOf(text))).toEqual([]);
    });
});

describe('`// journey-lint-disable-next-line RULE` silences RULE, not everything', () => {
    const map = (directive: string) => `journey j {
  stage s {
    ${directive}
    step b { }
  }
}
`;

    it('a word that is not a rule id (a typo, other case, punctuation) silences nothing', async () => {
        for (const words of ['Missing-Emotion', 'missing-emotion.', 'missing_emotion', '#missing-emotion']) {
            const codes = codesAt(await diagnosticsOf(map(`// journey-lint-disable-next-line ${words}`)));
            expect(codes, words).toEqual(['missing-emotion@4', 'missing-touchpoint@4', 'no-persona@1']);
        }
    });

    it('a real rule id among other words is still silenced', async () => {
        const codes = codesAt(await diagnosticsOf(map('// journey-lint-disable-next-line missing-emotion, Oops')));
        expect(codes).toEqual(['missing-touchpoint@4', 'no-persona@1']);
    });
});
