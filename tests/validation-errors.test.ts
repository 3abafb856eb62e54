import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildFiles, codesAt, diagnosticsOf } from './helpers.js';

/**
 * The error codes of the contract, each firing and not firing, on the right line. Files are
 * written so that no lint rule fires unless a test means it to (persona p, team t are used).
 */

/** `code@line` of the error-severity diagnostics only. */
async function errorsOf(text: string, extra: Record<string, string> = {}): Promise<string[]> {
    const diagnostics = await diagnosticsOf(text, extra);
    return codesAt(diagnostics.filter(d => d.severity === DiagnosticSeverity.Error));
}

const clean = `persona p
team t
journey j {
  for p
  stage s {
    step a {
      touchpoint web
      emotion 1
      barrier b "x"
      opportunity o "y" fixes b owner t
      next a
    }
  }
}
`;

describe('a clean map', () => {
    it('has no diagnostic at all', async () => {
        expect(codesAt(await diagnosticsOf(clean))).toEqual([]);
    });
});

describe('syntax-error', () => {
    it('fires on the broken token, as an error', async () => {
        const diagnostics = await diagnosticsOf('persona p\njourney j {\n  for p\n  stage s {\n    step a {\n      emotion happy\n    }\n  }\n}\n');
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax.map(d => d.range.start.line + 1)).toEqual([6]);
        expect(syntax[0].severity).toBe(DiagnosticSeverity.Error);
    });

    it('fires for a lexing error (a character outside the language)', async () => {
        expect(await errorsOf('persona p §\n')).toContain('syntax-error@1');
    });

    it('fires for a modifier written twice', async () => {
        const text = clean.replace('barrier b "x"', 'barrier b "x" severity low severity high')
            .replace('opportunity o "y" fixes b owner t', 'opportunity o "y" fixes b owner t owner t impact low impact high effort low effort low');
        expect(await errorsOf(text)).toEqual(['syntax-error@10', 'syntax-error@10', 'syntax-error@10', 'syntax-error@9']);
        expect(await errorsOf(clean.replace('emotion 1', 'emotion 1 for p for p').replace('next a', 'metric m 1 target 2 target 3'))).toEqual(['syntax-error@11', 'syntax-error@8']);
        expect(await errorsOf(clean.replace('next a', 'frontstage "f" owner t owner t\nbackstage "b" owner t owner t\nsupport "s" owner t owner t'))).toEqual(['syntax-error@11', 'syntax-error@12', 'syntax-error@13']);
        expect(await errorsOf(clean.replace('  for p', '  for p\n  state current\n  state future\n  goal "a"\n  goal "b"\n  description "c"\n  description "d"\n  for p'))).toEqual(['syntax-error@10', 'syntax-error@11', 'syntax-error@6', 'syntax-error@8']);
    });

    it('fires for a journey header after the first stage, and an import after a declaration', async () => {
        expect(await errorsOf(clean.replace('  stage s {', '  stage z { touchpoint web emotion 0 }\n  goal "late"\n  stage s {'))).toContain('syntax-error@6');
        expect(await errorsOf('persona p\nimport "x.journey"\n')).toContain('syntax-error@2');
    });

    it('does not fire for modifiers given once each, in any order', async () => {
        expect(await errorsOf(clean.replace('fixes b owner t', 'owner t impact low fixes b effort high'))).toEqual([]);
    });
});

describe('unresolved-reference', () => {
    it('persona, channel, team, barrier and step, each on its own line', async () => {
        const text = `persona p
team t
journey j {
  for p, ghost
  stage s {
    step a {
      touchpoint nowhere
      emotion 1 for nobody
      opportunity o "y" fixes b, missing owner nobody-team
      next nostep
      frontstage "f" owner t2
      backstage "f" owner t3
      support "f" owner t4
      barrier b "x"
    }
  }
}
`;
        const diagnostics = await diagnosticsOf(text);
        const unresolved = diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(codesAt(unresolved)).toEqual([
            'unresolved-reference@10', 'unresolved-reference@11', 'unresolved-reference@12', 'unresolved-reference@13',
            'unresolved-reference@4', 'unresolved-reference@7', 'unresolved-reference@8', 'unresolved-reference@9', 'unresolved-reference@9',
        ]);
        const messages = unresolved.map(d => d.message).join('\n');
        for (const phrase of ["persona 'ghost'", "channel 'nowhere'", "persona 'nobody'", "barrier 'missing'", "team 'nobody-team'", "step 'nostep'", "team 't2'"]) {
            expect(messages).toContain(phrase);
        }
        for (const d of unresolved) expect(d.severity).toBe(DiagnosticSeverity.Error);
        // The squiggle covers the name itself.
        const ghost = unresolved.find(d => String(d.message).includes("'ghost'"))!;
        expect(ghost.range).toEqual({ start: { line: 3, character: 9 }, end: { line: 3, character: 14 } });
    });

    it('resolves through imports, transitively', async () => {
        const text = clean.replace('persona p\nteam t\n', 'import "lib/a.journey"\n');
        expect(await errorsOf(text, { 'lib/a.journey': 'import "b.journey"\npersona p', 'lib/b.journey': 'team t' })).toEqual([]);
    });

    it('a file sees nothing it does not import, even when the workspace holds it', async () => {
        const text = clean.replace('persona p\nteam t\n', '');
        const { documents } = await buildFiles({ 'main.journey': text, 'people.journey': 'persona p\nteam t' });
        expect(codesAt(documents['main.journey'].diagnostics ?? [])).toEqual(['unresolved-reference@2', 'unresolved-reference@8']);
        // Nor does an imported file see what its importer declares.
        const lib = await buildFiles({ 'main.journey': 'import "lib.journey"\npersona p', 'lib.journey': 'journey k { for p stage s { touchpoint web emotion 0 } }' });
        expect(codesAt(lib.documents['lib.journey'].diagnostics ?? [])).toContain('unresolved-reference@1');
    });

    it('barriers and steps are those of the same journey only', async () => {
        const text = `persona p\nteam t\njourney j { for p stage s { step a { touchpoint web emotion 0 next x opportunity "o" fixes y owner t } } }
journey k { for p stage s2 { step x { touchpoint web emotion 0 barrier y "y" } } }`;
        const errors = await errorsOf(text);
        expect(errors.filter(e => e.startsWith('unresolved'))).toEqual(['unresolved-reference@3', 'unresolved-reference@3']);
    });

    it('does not fire for a built-in channel or a declared one', async () => {
        expect(await errorsOf(clean.replace('touchpoint web', 'touchpoint survey\ntouchpoint kiosk') + 'channel kiosk\n')).toEqual([]);
    });
});

describe('duplicate-id', () => {
    it('personas, channels and teams within a file, reported on the repeat', async () => {
        const text = clean + 'persona p\nchannel c\nchannel c\nteam t\n';
        expect(await errorsOf(text)).toEqual(['duplicate-id@15', 'duplicate-id@17', 'duplicate-id@18']);
    });

    it('a built-in channel cannot be declared again', async () => {
        const diagnostics = await diagnosticsOf(clean + 'channel web "Our site"\n');
        const dup = diagnostics.filter(d => d.code === 'duplicate-id');
        expect(codesAt(dup)).toEqual(['duplicate-id@15']);
        expect(dup[0].message).toContain('built-in');
    });

    it('stages, steps (across stages), barriers and opportunities within a journey', async () => {
        const text = `persona p
team t
journey j {
  for p
  stage s {
    step a { touchpoint web emotion 0 barrier b "x" opportunity o "y" fixes b owner t }
  }
  stage s {
    step a { touchpoint web emotion 0 barrier b "x2" opportunity o "y2" fixes b owner t }
  }
}
`;
        expect(await errorsOf(text)).toEqual(['duplicate-id@8', 'duplicate-id@9', 'duplicate-id@9', 'duplicate-id@9']);
    });

    it('a repeated stage or step id is reported on its keyword line, even with the id on the next', async () => {
        const text = 'persona p\njourney j { for p\n  stage s { touchpoint web emotion 0 }\n  stage\n    s { touchpoint web emotion 0 }\n}\n';
        expect(await errorsOf(text)).toEqual(['duplicate-id@4']);
    });

    it('kinds do not share a namespace', async () => {
        const text = `persona demo
channel demo
team demo
journey demo {
  for demo
  stage demo {
    step demo { touchpoint demo emotion 0 barrier demo "x" opportunity demo "y" fixes demo owner demo }
  }
}
`;
        expect(await errorsOf(text)).toEqual([]);
    });

    it('the same step id in two journeys of two files is fine', async () => {
        const other = 'persona q\njourney k { for q stage s { step a { touchpoint web emotion 0 } } }';
        expect(await errorsOf(clean, { 'other.journey': other })).toEqual([]);
    });

    it('a declaration that clashes with an imported one is reported on the declaration', async () => {
        const text = 'import "lib.journey"\n' + clean;
        const diagnostics = await diagnosticsOf(text, { 'lib.journey': 'persona p\nteam t\nchannel web2' });
        const dup = diagnostics.filter(d => d.code === 'duplicate-id');
        expect(codesAt(dup)).toEqual(['duplicate-id@2', 'duplicate-id@3']);
        expect(dup[0].message).toContain('lib.journey');
    });

    it('two imports declaring one id: reported once, on the second import', async () => {
        const text = 'import "a.journey"\nimport "b.journey"\nimport "c.journey"\n' + clean.replace('persona p\n', '');
        const files = { 'a.journey': 'persona p', 'b.journey': 'persona p\npersona p', 'c.journey': 'persona p' };
        const { documents } = await buildFiles({ 'main.journey': text, ...files });
        const dup = (documents['main.journey'].diagnostics ?? []).filter(d => d.code === 'duplicate-id');
        expect(codesAt(dup)).toEqual(['duplicate-id@2']);
        expect(dup[0].message).toContain("'p'");
        // b.journey reports its own repeat.
        expect(codesAt((documents['b.journey'].diagnostics ?? []).filter(d => d.code === 'duplicate-id'))).toEqual(['duplicate-id@2']);
    });

    it('one file reached by two imports is no clash', async () => {
        const text = 'import "a.journey"\nimport "b.journey"\n' + clean.replace('persona p\n', '');
        const files = { 'a.journey': 'import "people.journey"', 'b.journey': 'import "people.journey"', 'people.journey': 'persona p' };
        expect(await errorsOf(text, files)).toEqual([]);
    });

    it('a clash inside an imported library is reported in that library, not again in each importer', async () => {
        const text = 'import "lib.journey"\n' + clean.replace('persona p\n', '');
        const files = { 'lib.journey': 'import "more.journey"\npersona p', 'more.journey': 'persona p' };
        const { documents } = await buildFiles({ 'main.journey': text, ...files });
        expect(codesAt((documents['main.journey'].diagnostics ?? []).filter(d => d.code === 'duplicate-id'))).toEqual([]);
        expect(codesAt((documents['lib.journey'].diagnostics ?? []).filter(d => d.code === 'duplicate-id'))).toEqual(['duplicate-id@2']);
    });
});

describe('emotion-range', () => {
    it('fires for scores outside -2..+2 and for fractions, on the fact line', async () => {
        for (const score of ['3', '-3', '+3', '1.5', '-20', '100']) {
            const diagnostics = await diagnosticsOf(clean.replace('emotion 1', `emotion ${score}`));
            expect(codesAt(diagnostics)).toEqual(['emotion-range@8']);
            expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Error);
        }
    });

    it('does not fire for -2..+2', async () => {
        for (const score of ['-2', '-1', '0', '+0', '1', '+2', '2.0']) {
            expect(await errorsOf(clean.replace('emotion 1', `emotion ${score}`))).toEqual([]);
        }
    });

    it('a missing score is a syntax error only', async () => {
        expect(await errorsOf(clean.replace('emotion 1', 'emotion "glad"'))).toEqual(['syntax-error@8']);
    });
});

describe('duplicate-emotion', () => {
    it('two general emotions on a step, or two for one persona', async () => {
        expect(await errorsOf(clean.replace('emotion 1', 'emotion 1\n      emotion 2'))).toEqual(['duplicate-emotion@9']);
        expect(await errorsOf(clean.replace('emotion 1', 'emotion 1 for p\n      emotion 2 for p'))).toEqual(['duplicate-emotion@9']);
    });

    it('on a stage with no steps', async () => {
        const text = 'persona p\njourney j {\n  for p\n  stage s {\n    touchpoint web\n    emotion 1\n    emotion -1\n  }\n}\n';
        expect(await errorsOf(text)).toEqual(['duplicate-emotion@7']);
    });

    it('does not fire for one general emotion and one per persona', async () => {
        const text = clean.replace('persona p\n', 'persona p\npersona q\n').replace('for p\n', 'for p, q\n').replace('emotion 1', 'emotion 1\n      emotion 2 for p\n      emotion -1 for q');
        expect(await errorsOf(text)).toEqual([]);
    });
});

describe('mixed-stage', () => {
    it('fires on the stage line when a stage holds steps and facts', async () => {
        const text = clean.replace('  stage s {\n', '  stage s {\n    touchpoint web\n');
        const diagnostics = await diagnosticsOf(text);
        expect(codesAt(diagnostics)).toEqual(['mixed-stage@5']);
        expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Error);
    });

    it('also with the facts after the steps', async () => {
        expect(await errorsOf(clean.replace('    }\n  }\n}', '    }\n    emotion 0\n  }\n}'))).toEqual(['mixed-stage@5']);
    });

    it('does not fire for a stage of steps or a stage of facts', async () => {
        expect(await errorsOf(clean)).toEqual([]);
        expect(await errorsOf('persona p\njourney k { for p stage f { touchpoint web emotion 0 } }\n')).toEqual([]);
    });
});

describe('import-not-found', () => {
    it('fires on the import line when no file is there', async () => {
        const diagnostics = await diagnosticsOf('import "missing.journey"\nimport "lib.journey"\n' + clean, { 'lib.journey': 'channel c\n' });
        const missing = diagnostics.filter(d => d.code === 'import-not-found');
        expect(codesAt(missing)).toEqual(['import-not-found@1']);
        expect(missing[0].message).toContain('missing.journey');
        expect(missing[0].severity).toBe(DiagnosticSeverity.Error);
    });

    it('a path is relative to the importing file', async () => {
        const { documents } = await buildFiles({
            'main.journey': 'import "sub/a.journey"\n',
            'sub/a.journey': 'import "b.journey"\nimport "sub/b.journey"\n',
            'sub/b.journey': '',
        });
        expect(codesAt(documents['main.journey'].diagnostics ?? [])).toEqual([]);
        expect(codesAt(documents['sub/a.journey'].diagnostics ?? [])).toEqual(['import-not-found@2']);
    });
});

describe('multiple-journeys', () => {
    it('fires on each journey after the first, on its keyword line', async () => {
        const text = clean + '\njourney k {\n  for p\n  stage z { touchpoint web emotion 0 }\n}\njourney l { for p stage y { touchpoint web emotion 0 } }\n';
        const diagnostics = await diagnosticsOf(text);
        expect(codesAt(diagnostics.filter(d => d.code === 'multiple-journeys'))).toEqual(['multiple-journeys@16', 'multiple-journeys@20']);
    });

    it('does not fire for one journey, nor for none', async () => {
        expect(await errorsOf(clean)).toEqual([]);
        expect(await errorsOf('persona p\n')).toEqual([]);
    });
});

describe('error codes cannot be switched off', () => {
    it('keeps errors under a disable comment with no rule, or naming the code', async () => {
        const text = clean.replace('      emotion 1', '      // journey-lint-disable-next-line\n      emotion 5')
            .replace('      next a', '      // journey-lint-disable-next-line unresolved-reference\n      next zz');
        expect(await errorsOf(text)).toEqual(['emotion-range@9', 'unresolved-reference@13']);
    });
});
