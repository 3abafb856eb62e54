import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildFiles, codesAt, createTestServices, diagnosticsOf } from './helpers.js';

/** The lint rules of the contract, each firing and not firing, on the right line, with its default severity. */

function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(d => d.code === code);
}

async function codes(text: string, extra: Record<string, string> = {}): Promise<string[]> {
    return codesAt(await diagnosticsOf(text, extra));
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
    }
  }
}
`;

describe('missing-emotion', () => {
    it('fires on the step line, as a warning', async () => {
        const diagnostics = await diagnosticsOf(clean.replace('      emotion 1\n', ''));
        expect(codesAt(diagnostics)).toEqual(['missing-emotion@6']);
        expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(diagnostics[0].data).toMatchObject({ code: 'missing-emotion' });
    });

    it('fires on a stage with facts but no emotion, on the stage line', async () => {
        expect(await codes('persona p\njourney j {\n  for p\n  stage s {\n    touchpoint web\n  }\n}\n')).toEqual(['missing-emotion@4']);
    });

    it('with several personas: one per persona that lacks it, with the persona in data', async () => {
        const text = `persona p
persona q
persona r
journey j {
  for p, q, r
  stage s {
    step a {
      touchpoint web
      emotion 1 for q
    }
    step b {
      touchpoint web
      emotion 0
      emotion 2 for r
    }
  }
}
`;
        const missing = only(await diagnosticsOf(text), 'missing-emotion');
        expect(codesAt(missing)).toEqual(['missing-emotion@7', 'missing-emotion@7']);
        expect(missing.map(d => (d.data as { persona?: string }).persona).sort()).toEqual(['p', 'r']);
        expect(missing.map(d => d.data)).toContainEqual({ code: 'missing-emotion', persona: 'p' });
        expect(missing.map(d => d.message).join('\n')).toContain("persona 'r'");
    });

    it('an emotion without `for` applies to every persona lacking its own', async () => {
        const text = clean.replace('persona p\n', 'persona p\npersona q\n').replace('for p\n', 'for p, q\n').replace('emotion 1', 'emotion 1\n      emotion -2 for q');
        expect(only(await diagnosticsOf(text), 'missing-emotion')).toEqual([]);
    });

    it('with no persona, any emotion counts', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint web\n    emotion 1 for someone\n  }\n}\n';
        expect(codesAt(only(await diagnosticsOf(text), 'missing-emotion'))).toEqual([]);
        expect(codesAt(only(await diagnosticsOf(text.replace('    emotion 1 for someone\n', '')), 'missing-emotion'))).toEqual(['missing-emotion@2']);
    });

    it('does not fire when the emotion is there', async () => {
        expect(await codes(clean)).toEqual([]);
    });
});

describe('missing-touchpoint', () => {
    it('fires on the step line, as a warning', async () => {
        const diagnostics = await diagnosticsOf(clean.replace('      touchpoint web\n', ''));
        expect(codesAt(diagnostics)).toEqual(['missing-touchpoint@6']);
        expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Warning);
    });

    it('fires on a step-less stage, on the stage line', async () => {
        expect(await codes('persona p\njourney j {\n  for p\n\n  stage s {\n    emotion 1\n  }\n}\n')).toEqual(['missing-touchpoint@5']);
    });

    it('does not fire with a touchpoint on any channel', async () => {
        expect(await codes(clean.replace('touchpoint web', 'touchpoint c "text"') + 'channel c\n')).toEqual([]);
    });
});

describe('empty-stage', () => {
    it('a stage with nothing reports only empty-stage, even with every rule on', async () => {
        const services = createTestServices();
        await services.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { journey: { lint: { rules: { 'missing-evidence': 'warning' } } } },
        });
        const text = clean.replace('  stage s {', '  stage e "Empty" {\n  }\n  stage s {').replace('      opportunity', '      evidence "e"\n      opportunity');
        const { documents } = await buildFiles({ 'main.journey': text }, services);
        const diagnostics = documents['main.journey'].diagnostics ?? [];
        expect(codesAt(diagnostics)).toEqual(['empty-stage@5']);
        expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Warning);
    });

    it('is not part of emotion-cliff: steps on both sides are still consecutive', async () => {
        const text = 'persona p\njourney j { for p\n  stage a { touchpoint web emotion 2 }\n  stage e { }\n  stage b { touchpoint web emotion -1 }\n}\n';
        expect(await codes(text)).toEqual(['emotion-cliff@5', 'empty-stage@4']);
    });

    it('does not fire for a stage with steps or with facts', async () => {
        expect(codesAt(only(await diagnosticsOf(clean), 'empty-stage'))).toEqual([]);
    });
});

describe('no-persona', () => {
    it('fires on the journey line', async () => {
        const diagnostics = await diagnosticsOf('\n' + clean.replace('  for p\n', '').replace('persona p\n', ''));
        expect(codesAt(diagnostics)).toEqual(['no-persona@3']);
        expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Warning);
    });

    it('does not fire with a `for`', async () => {
        expect(only(await diagnosticsOf(clean), 'no-persona')).toEqual([]);
    });
});

describe('unaddressed-barrier', () => {
    it('fires on the barrier line, as info, with and without an id', async () => {
        const text = clean.replace('      opportunity o "y" fixes b owner t\n', '      barrier "no id"\n');
        const diagnostics = await diagnosticsOf(text);
        const found = only(diagnostics, 'unaddressed-barrier');
        expect(codesAt(diagnostics)).toEqual(['unaddressed-barrier@10', 'unaddressed-barrier@9', 'unused-declaration@2']);
        for (const d of found) expect(d.severity).toBe(DiagnosticSeverity.Information);
    });

    it('does not fire when an opportunity anywhere in the journey fixes it', async () => {
        const text = clean.replace('      opportunity o "y" fixes b owner t\n', '')
            .replace('  }\n}', '  }\n  stage later {\n    touchpoint web\n    emotion 1\n    opportunity "fix" fixes b owner t\n  }\n}');
        expect(await codes(text)).toEqual([]);
    });
});

describe('emotion-cliff', () => {
    const journey = (body: string, personas = 'p') => `${personas.split(', ').map(p => `persona ${p}`).join('\n')}\njourney j {\n  for ${personas}\n${body}}\n`;

    it('fires on the later step when the emotion falls by 3 or more, across a stage border', async () => {
        const text = journey('  stage a {\n    step one { touchpoint web emotion 2 }\n  }\n  stage b {\n    step two { touchpoint web emotion -1 }\n  }\n');
        const diagnostics = await diagnosticsOf(text);
        expect(codesAt(diagnostics)).toEqual(['emotion-cliff@8']);
        expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Information);
        expect(diagnostics[0].message).toContain("'one'");
    });

    it('does not fire for a fall of 2, a rise, or non-consecutive steps', async () => {
        expect(await codes(journey('  stage a {\n    step one { touchpoint web emotion 1 }\n    step two { touchpoint web emotion -1 }\n  }\n'))).toEqual([]);
        expect(await codes(journey('  stage a {\n    step one { touchpoint web emotion -2 }\n    step two { touchpoint web emotion 2 }\n  }\n'))).toEqual([]);
        // 2 -> 0 -> -2: each step falls by 2 only.
        expect(await codes(journey('  stage a {\n    step one { touchpoint web emotion 2 }\n    step two { touchpoint web emotion 0 }\n    step three { touchpoint web emotion -2 }\n  }\n'))).toEqual([]);
    });

    it('skips an out-of-range score instead of comparing it', async () => {
        const text = journey('  stage a {\n    step one { touchpoint web emotion 9 }\n    step two { touchpoint web emotion -2 }\n  }\n');
        expect(await codes(text)).toEqual(['emotion-range@5']);
    });

    it('persona by persona, general emotions applying to personas without their own', async () => {
        const body = `  stage a {
    step one {
      touchpoint web
      emotion 2
      emotion -2 for q
    }
  }
  stage b {
    step two {
      touchpoint web
      emotion -1
    }
  }
`;
        const diagnostics = await diagnosticsOf(journey(body, 'p, q'));
        const cliffs = only(diagnostics, 'emotion-cliff');
        expect(codesAt(cliffs)).toEqual(['emotion-cliff@13']);
        expect(cliffs[0].message).toContain("'p'");
    });

    it('one finding per persona that falls', async () => {
        const body = '  stage a {\n    step one { touchpoint web emotion 2 }\n    step two { touchpoint web emotion -2 }\n  }\n';
        expect(codesAt(only(await diagnosticsOf(journey(body, 'p, q')), 'emotion-cliff'))).toEqual(['emotion-cliff@7', 'emotion-cliff@7']);
    });
});

describe('unused-declaration', () => {
    it('fires on each persona, channel and team nothing uses, as info', async () => {
        const diagnostics = await diagnosticsOf(clean + 'persona lonely\nchannel quiet\nteam idle\n');
        expect(codesAt(diagnostics)).toEqual(['unused-declaration@14', 'unused-declaration@15', 'unused-declaration@16']);
        for (const d of diagnostics) expect(d.severity).toBe(DiagnosticSeverity.Information);
    });

    it('counts uses by other loaded files that import the declaration', async () => {
        const { documents } = await buildFiles({
            'main.journey': 'import "people.journey"\n' + clean.replace('persona p\nteam t\n', ''),
            'people.journey': 'persona p\nteam t\nchannel c\n',
        });
        expect(codesAt(documents['people.journey'].diagnostics ?? [])).toEqual(['unused-declaration@3']);
        expect(codesAt(documents['main.journey'].diagnostics ?? [])).toEqual([]);
    });

    it('counts every kind of use: for, emotion for, touchpoint, owner of each lane', async () => {
        const text = `persona p\npersona q\nchannel c\nteam t1\nteam t2\nteam t3\nteam t4
journey j { for p stage s { touchpoint c emotion 0 emotion 1 for q frontstage "f" owner t1 backstage "b" owner t2 support "s" owner t3 opportunity "o" owner t4 } }`;
        expect(await codes(text)).toEqual([]);
    });
});

describe('opportunity-without-owner', () => {
    it('fires on the opportunity line, as info', async () => {
        const diagnostics = await diagnosticsOf(clean.replace('fixes b owner t', 'fixes b') + 'team t2\n');
        const found = only(diagnostics, 'opportunity-without-owner');
        expect(codesAt(found)).toEqual(['opportunity-without-owner@10']);
        expect(found[0].severity).toBe(DiagnosticSeverity.Information);
    });

    it('does not fire with an owner', async () => {
        expect(only(await diagnosticsOf(clean), 'opportunity-without-owner')).toEqual([]);
    });
});

describe('missing-evidence', () => {
    it('is off by default', async () => {
        expect(only(await diagnosticsOf(clean), 'missing-evidence')).toEqual([]);
    });

    it('fires on each step and step-less stage when switched on', async () => {
        const services = createTestServices();
        await services.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { journey: { lint: { rules: { 'missing-evidence': 'warning' } } } },
        });
        const text = clean.replace('  }\n}', '  }\n  stage b {\n    touchpoint web\n    emotion 1\n  }\n  stage c {\n    touchpoint web\n    emotion 1\n    evidence "survey"\n  }\n}');
        const { documents } = await buildFiles({ 'main.journey': text }, services);
        const found = only(documents['main.journey'].diagnostics ?? [], 'missing-evidence');
        expect(codesAt(found)).toEqual(['missing-evidence@13', 'missing-evidence@6']);
        expect(found[0].severity).toBe(DiagnosticSeverity.Warning);
    });
});

describe('every diagnostic carries its code', () => {
    it('in `code`, with source journey', async () => {
        const diagnostics = await diagnosticsOf('journey j { stage s { } stage t { step a { } } }\npersona x\n');
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const d of diagnostics) {
            expect(typeof d.code).toBe('string');
            expect(d.source).toBe('journey');
        }
    });
});
