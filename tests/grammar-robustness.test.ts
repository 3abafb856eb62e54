import { describe, expect, it } from 'vitest';
import { buildFiles, codesAt, diagnosticsOf } from './helpers.js';

/**
 * Any text gives diagnostics, never a crash or a hang; a broken file is still checked past its
 * syntax errors. Every diagnostic must carry one of the known codes (a crashing check would
 * show up as a diagnostic without one).
 */

const KNOWN = /^(syntax-error|unresolved-reference|duplicate-id|emotion-range|duplicate-emotion|mixed-stage|import-not-found|multiple-journeys|missing-emotion|missing-touchpoint|empty-stage|no-persona|unaddressed-barrier|emotion-cliff|unused-declaration|opportunity-without-owner|missing-evidence)$/;

function expectKnownCodes(codes: string[]): void {
    for (const code of codes) expect(code.split('@')[0]).toMatch(KNOWN);
}

describe('a broken file is still checked past its syntax errors', () => {
    it('later stages and steps still get lint diagnostics after a broken line', async () => {
        const text = `persona p
journey j {
  for p
  stage one {
    step a {
      touchpoint web
      emotion happy "not a number"
    }
  }
  stage two {
    step b {
      action "no touchpoint, no emotion"
    }
  }
  stage three { }
}
`;
        const codes = codesAt(await diagnosticsOf(text));
        expect(codes).toContain('syntax-error@7');
        expect(codes).toContain('missing-emotion@11');
        expect(codes).toContain('missing-touchpoint@11');
        expect(codes).toContain('empty-stage@15');
        expectKnownCodes(codes);
    });

    it('after an unterminated string', async () => {
        const text = 'persona p\njourney j {\n  for p\n  stage one {\n    step a {\n      action "never closed\n      touchpoint web\n    }\n    step b {\n      touchpoint web\n    }\n  }\n}\n';
        const diagnostics = await diagnosticsOf(text);
        const codes = codesAt(diagnostics);
        expect(codes).toContain('syntax-error@6');
        expect(codes).toContain('missing-emotion@9');
        expect(diagnostics.find(d => d.range.start.line === 5)?.message).toMatch(/Unterminated text/);
        expectKnownCodes(codes);
    });

    it('after an unknown fact keyword', async () => {
        const codes = codesAt(await diagnosticsOf('persona p\njourney j { for p\n  stage s {\n    step a { feeling 1 touchpoint web emotion 0 }\n    step b { touchpoint web }\n  }\n}\n'));
        expect(codes).toContain('syntax-error@4');
        expect(codes).toContain('missing-emotion@5');
        expectKnownCodes(codes);
    });
});

describe('bad input never crashes or hangs', () => {
    it('binary junk', async () => {
        let seed = 42;
        const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const junk = Array.from({ length: 4000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
        const diagnostics = await diagnosticsOf(junk + '\0\uFFFD\u0001');
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(diagnostics.some(d => d.code === 'syntax-error')).toBe(true);
        expectKnownCodes(codesAt(diagnostics));
    });

    it('unbalanced braces, both ways', async () => {
        for (const text of [
            'persona p\njourney j { for p stage s { step a { touchpoint web emotion 0 }\n',
            'persona p\njourney j { for p stage s { step a { touchpoint web emotion 0 } } } } }\n}',
            '{{{{ }}}} journey { stage { step {',
            '}'.repeat(500) + '{'.repeat(500),
        ]) {
            const codes = codesAt(await diagnosticsOf(text));
            expect(codes.some(c => c.startsWith('syntax-error'))).toBe(true);
            expectKnownCodes(codes);
        }
    });

    it('an empty file, whitespace, a lone comment, an unclosed block comment', async () => {
        for (const text of ['', '   \n\n\t', '// only a comment', '/* never closed\npersona p']) {
            expectKnownCodes(codesAt(await diagnosticsOf(text)));
        }
        expect(codesAt(await diagnosticsOf(''))).toEqual([]);
        expect(codesAt(await diagnosticsOf('/* never closed\npersona p')).some(c => c.startsWith('syntax-error'))).toBe(true);
    });

    it('every prefix of a valid map', async () => {
        const text = 'import "x.journey"\npersona p "P" { role "r" }\nteam t\njourney j "J" { for p state future goal "g"\n  stage s "S" { step a "A" { touchpoint web "w" emotion +1 "ok" for p barrier b "x" severity high opportunity o "y" fixes b impact low effort high owner t metric NPS -2.5 target 3 next a } }\n}\n';
        for (let end = 0; end <= text.length; end += 11) {
            expectKnownCodes(codesAt(await diagnosticsOf(text.slice(0, end), { 'x.journey': '' })));
        }
    });

    it('an import cycle, and a file importing itself', async () => {
        const { documents } = await buildFiles({
            'a.journey': 'import "b.journey"\npersona pa\njourney j { for pb stage s { touchpoint web emotion 0 } }',
            'b.journey': 'import "c.journey"\npersona pb',
            'c.journey': 'import "a.journey"\nimport "c.journey"\nteam tc',
        });
        // Each file sees the whole cycle; only the unused declarations are reported.
        expect(codesAt(documents['a.journey'].diagnostics ?? [])).toEqual(['unused-declaration@2']);
        expect(codesAt(documents['b.journey'].diagnostics ?? [])).toEqual([]);
        expect(codesAt(documents['c.journey'].diagnostics ?? [])).toEqual(['unused-declaration@3']);
    });

    it('a cycle of files declaring the same id reports each declaration once', async () => {
        const { documents } = await buildFiles({
            'a.journey': 'import "b.journey"\npersona p',
            'b.journey': 'import "a.journey"\npersona p',
        });
        expect(codesAt((documents['a.journey'].diagnostics ?? []).filter(d => d.code === 'duplicate-id'))).toEqual(['duplicate-id@2']);
        expect(codesAt((documents['b.journey'].diagnostics ?? []).filter(d => d.code === 'duplicate-id'))).toEqual(['duplicate-id@2']);
    });

    it('a 50,000-line file', async () => {
        const lines = ['persona p', 'journey big {', '  for p'];
        let step = 0;
        while (lines.length < 50_000 - 10) {
            lines.push(`  stage s${step} {`, `    step a${step} {`, '      touchpoint web', `      emotion ${(step % 5) - 2}`, '    }', '  }');
            step++;
        }
        lines.push('}');
        const diagnostics = await diagnosticsOf(lines.join('\n'));
        const codes = codesAt(diagnostics);
        expect(codes.some(c => c.startsWith('syntax-error') || c.startsWith('missing-'))).toBe(false);
        // -2 follows +2 once per five steps: a cliff each time.
        expect(codes.filter(c => c.startsWith('emotion-cliff')).length).toBe(Math.floor((step - 1) / 5));
    });

    it('50,000 lines of garbage', async () => {
        const text = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? 'step {' : i % 3 === 1 ? '"unclosed' : '} ~ 1.2.3')).join('\n');
        const diagnostics = await diagnosticsOf(text);
        expect(diagnostics.some(d => d.code === 'syntax-error')).toBe(true);
        expectKnownCodes(codesAt(diagnostics));
    });
});

describe('a run of hundreds of thousands of comments', () => {
    // Langium's CST builder added such a run with one spread call and overflowed the stack.
    it('before a syntax error gives diagnostics, not a stack overflow', async () => {
        const comments = Array.from({ length: 300_000 }, () => '/* c */').join('\n');
        const codes = codesAt(await diagnosticsOf(`${comments}\njourney j { stage s { step a { touchpoint } } }\n`));
        expect(codes).toContain('syntax-error@300001');
        expectKnownCodes(codes);
    }, 60_000);
});

describe('a very long unterminated string', () => {
    // The STRING terminal is an unrolled loop: a per-character alternation overflowed the regex stack here.
    it('is a syntax error at its quote, not a stack overflow', async () => {
        const codes = codesAt(await diagnosticsOf(`persona p\n"${'a'.repeat(5_000_000)}`));
        expect(codes).toContain('syntax-error@2');
        expectKnownCodes(codes);
    }, 60_000);
});
