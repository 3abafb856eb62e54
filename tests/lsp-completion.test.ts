import { beforeAll, describe, expect, it } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import type { CompletionBacktrackingInformation, NextFeature } from 'langium/lsp';
import { buildFiles, createTestServices } from './helpers.js';

const services = createTestServices();
const complete = expectCompletion(services.Journey);

const people = `persona dana "Dana, operations manager" { role "Runs office IT" }
persona sam "Sam, front-desk lead"
channel demo "Sales demo call"
team sales "Sales"
team onboarding "Onboarding"
`;
// In the workspace but not imported: must never be offered.
const stranger = `persona ghost "Not imported"
channel secret "Not imported"
team hidden "Not imported"
journey other { stage x { step elsewhere { barrier foreign "Not in this journey" } } }
`;

beforeAll(async () => {
    await buildFiles({ 'people.journey': people, 'stranger.journey': stranger }, services);
});

function labels(list: CompletionList): string[] {
    return list.items.map(item => item.label);
}

function item(list: CompletionList, label: string): CompletionItem {
    const found = list.items.find(i => i.label === label);
    expect(found, `no completion item '${label}' in ${labels(list).join(', ')}`).toBeDefined();
    return found!;
}

async function completionsAt(text: string, index = 0): Promise<CompletionList> {
    let result: CompletionList | undefined;
    await complete({
        text,
        index,
        parseOptions: { documentUri: 'file:///work/main.journey' },
        disposeAfterCheck: true,
        assert: list => { result = list; },
    });
    return result!;
}

const map = (body: string) => `import "people.journey"
channel kiosk "In-store kiosk"
journey j "J" {
  for dana, sam
${body}
}`;

describe('completion: keywords', () => {
    it('offers the top-level keywords in an empty file', async () => {
        const list = await completionsAt('<|>');
        expect(labels(list).sort()).toEqual(['channel', 'import', 'journey', 'persona', 'team']);
    });

    it('offers the facts of a step, and nothing that is only valid elsewhere', async () => {
        const list = await completionsAt(map('  stage a {\n    step s {\n      action "x"\n      <|>\n    }\n  }'));
        const got = labels(list);
        for (const fact of ['action', 'touchpoint', 'thought', 'emotion', 'barrier', 'opportunity', 'question', 'frontstage', 'backstage', 'support', 'metric', 'evidence', 'next']) {
            expect(got).toContain(fact);
        }
        for (const wrong of ['persona', 'stage', 'step', 'journey', 'import', 'low', 'role', 'current']) expect(got).not.toContain(wrong);
    });

    it('offers step, the facts and the step snippet inside a stage', async () => {
        const list = await completionsAt(map('  stage a {\n    <|>\n  }'));
        expect(labels(list)).toEqual(expect.arrayContaining(['step', 'step { ... }', 'action', 'emotion']));
        const snippet = item(list, 'step { ... }');
        expect(snippet.insertTextFormat).toBe(2);
        for (const lane of ['action', 'touchpoint', 'thought', 'emotion']) expect(snippet.textEdit?.newText).toContain(`${lane} `);
    });

    it('offers the journey header keywords and the stage snippet before the first stage', async () => {
        const list = await completionsAt(map('  <|>'));
        const got = labels(list);
        expect(got).toEqual(expect.arrayContaining(['stage', 'stage { ... }', 'state', 'goal', 'description', 'for']));
        expect(got).not.toContain('action');
        expect(item(list, 'stage { ... }').textEdit?.newText).toMatch(/^stage \$\{1:id\} "\$\{2:Label\}" \{\n  step /);
        expect(item(list, 'stage').documentation).toMatchObject({ value: expect.stringContaining('a phase of the journey') });
    });

    it('offers only stages after a stage (the header is closed)', async () => {
        const list = await completionsAt(map('  stage a { emotion 1 }\n  <|>'));
        expect(labels(list)).toContain('stage');
        expect(labels(list)).not.toContain('goal');
    });

    it('offers the persona facts inside a persona block', async () => {
        const list = await completionsAt('persona p "P" {\n  <|>\n}');
        expect(labels(list).sort()).toEqual(['frustration', 'goal', 'motivation', 'need', 'quote', 'role']);
    });

    it('offers current and future after state', async () => {
        const list = await completionsAt('journey j {\n  state <|>\n}');
        expect(labels(list).sort()).toEqual(['current', 'future']);
    });

    it('offers the modifiers after a barrier text', async () => {
        const list = await completionsAt(map('  stage a { step s { barrier b "slow" <|> } }'));
        expect(labels(list)).toContain('severity');
        expect(labels(list)).not.toContain('impact');
    });

    it('offers no keywords where a new id is typed', async () => {
        const list = await completionsAt(map('  stage a { step <|> } }'));
        expect(labels(list)).toEqual([]);
    });
});

describe('completion: references', () => {
    it('offers the imported personas after for, with their labels', async () => {
        const list = await completionsAt('import "people.journey"\njourney j {\n  for <|>\n}');
        expect(labels(list).sort()).toEqual(['dana', 'sam']);
        expect(item(list, 'dana').detail).toBe('Dana, operations manager');
        expect(item(list, 'dana').documentation).toMatchObject({ value: expect.stringContaining('Runs office IT') });
    });

    it('offers only the personas of this file when nothing is imported', async () => {
        const list = await completionsAt('persona local "Local"\njourney j {\n  for <|>\n}');
        expect(labels(list)).toEqual(['local']);
    });

    it('offers personas after the second name of a for list', async () => {
        const list = await completionsAt('import "people.journey"\njourney j {\n  for dana, <|>\n}');
        expect(labels(list)).toEqual(['sam']);
        // The name being typed stays on offer.
        const typing = await completionsAt('import "people.journey"\njourney j {\n  for dana, sa<|>\n}');
        expect(labels(typing)).toContain('sam');
    });

    it('leaves out the barriers an opportunity already fixes', async () => {
        const list = await completionsAt(map('  stage a { step s { barrier b1 "x" barrier b2 "y" barrier b3 "z" opportunity o "w" fixes b1, <|> } }'));
        expect(labels(list).sort()).toEqual(['b2', 'b3']);
    });

    it('offers personas after emotion ... for', async () => {
        const list = await completionsAt(map('  stage a { step s { emotion -1 "tense" for <|> } }'));
        expect(labels(list).sort()).toEqual(['dana', 'sam']);
    });

    it('offers declared, imported and built-in channels after touchpoint, built-in ones with their labels', async () => {
        const list = await completionsAt(map('  stage a { step s { touchpoint <|> } }'));
        const got = labels(list);
        expect(got).toEqual(expect.arrayContaining(['kiosk', 'demo', 'web', 'app', 'email', 'phone', 'chat', 'sms', 'social', 'ads', 'search', 'review', 'store', 'mail', 'event', 'partner', 'survey']));
        expect(got).not.toContain('secret');
        expect(item(list, 'web').detail).toBe('Website (built-in channel)');
        expect(item(list, 'phone').detail).toBe('Phone call (built-in channel)');
        expect(item(list, 'kiosk').detail).toBe('In-store kiosk');
        // Declared channels sort before the built-in ones.
        expect(item(list, 'kiosk').sortText! < item(list, 'web').sortText!).toBe(true);
    });

    it('completes a channel name that is partly typed', async () => {
        const list = await completionsAt(map('  stage a { step s { touchpoint we<|> } }'));
        expect(labels(list)).toContain('web');
        expect(item(list, 'web').textEdit).toMatchObject({ newText: 'web' });
    });

    it('offers teams after owner, on opportunities and on frontstage', async () => {
        const opportunity = await completionsAt(map('  stage a { step s { opportunity o "x" owner <|> } }'));
        expect(labels(opportunity).sort()).toEqual(['onboarding', 'sales']);
        const frontstage = await completionsAt(map('  stage a { step s { frontstage "Greets" owner <|> } }'));
        expect(labels(frontstage).sort()).toEqual(['onboarding', 'sales']);
    });

    it('offers the barriers of this journey after fixes, with their text', async () => {
        const list = await completionsAt(map(`  stage a {
    step s1 { barrier slow "The app is slow" severity high }
    step s2 { barrier lost "Orders get lost" opportunity o "x" fixes <|> }
  }`));
        expect(labels(list).sort()).toEqual(['lost', 'slow']);
        expect(item(list, 'slow').detail).toBe('The app is slow');
    });

    it('offers the steps of this journey after next, with their stage', async () => {
        const list = await completionsAt(map(`  stage a {
    step s1 "First" { emotion 1 }
    step s2 "Second" { next <|> }
  }
  stage b { step s3 "Third" { emotion 1 } }`));
        expect(labels(list).sort()).toEqual(['s1', 's2', 's3']);
        expect(item(list, 's3').detail).toBe('Third (stage b)');
    });
});

describe('completion: values', () => {
    it('offers the emotion scores -2..+2, each with its word', async () => {
        await complete({
            text: map('  stage a { step s { emotion <|> } }'),
            index: 0,
            disposeAfterCheck: true,
            expectedItems: ['-2', '-1', '0', '+1', '+2'],
        });
        const list = await completionsAt(map('  stage a { step s { emotion <|> } }'));
        expect(list.items.map(i => `${i.label} ${i.detail}`)).toEqual(
            ['-2 very negative', '-1 negative', '0 neutral', '+1 positive', '+2 very positive']);
    });

    it('completes a score after a sign typed alone, replacing the sign', async () => {
        const list = await completionsAt(map('  stage a { step s { emotion -<|> } }'));
        expect(labels(list)).toEqual(['-2', '-1']);
        const edit = item(list, '-2').textEdit as { range: { start: { character: number } }; newText: string };
        expect(edit.newText).toBe('-2');
        expect(edit.range.start.character).toBe('  stage a { step s { emotion '.length);
    });

    it('offers no emotion scores for a metric value', async () => {
        const list = await completionsAt(map('  stage a { step s { metric NPS <|> } }'));
        expect(labels(list)).not.toContain('+1');
    });

    it('offers low, medium, high after severity, impact and effort', async () => {
        for (const body of [
            '  stage a { step s { barrier b "x" severity <|> } }',
            '  stage a { step s { opportunity o "x" impact <|> } }',
            '  stage a { step s { opportunity o "x" impact high effort <|> } }',
        ]) {
            await complete({ text: map(body), index: 0, disposeAfterCheck: true, expectedItems: ['low', 'medium', 'high'] });
        }
    });
});

describe('completion: import paths', () => {
    it('offers the other journey files of the workspace, relative to this file', async () => {
        const list = await completionsAt('import <|>');
        expect(labels(list).sort()).toEqual(['"people.journey"', '"stranger.journey"']);
        expect(item(list, '"people.journey"').detail).toBe('declares dana, sam, demo, sales, onboarding');
    });

    it('leaves out the files already imported', async () => {
        const list = await completionsAt('import "people.journey"\nimport <|>');
        expect(labels(list)).toEqual(['"stranger.journey"']);
    });
});

describe('completion: large maps', () => {
    it('gives the same answers with its windows as with whole-text parsing and lexing', async () => {
        const { JourneyCompletionProvider } = await import('../src/language/lsp/completion.js');
        const { DefaultCompletionProvider } = await import('langium/lsp');
        // The same provider, with Langium's whole-text parsing and lexing put back.
        class Unwindowed extends JourneyCompletionProvider {
            protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
                return (DefaultCompletionProvider.prototype as unknown as Unwindowed).findFeaturesAt.call(this, document, offset);
            }
            protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
                return (DefaultCompletionProvider.prototype as unknown as Unwindowed).backtrackToAnyToken.call(this, text, offset);
            }
        }
        const steps = Array.from({ length: 400 }, (_, i) => `    step s${i} "Step ${i}" {\n      touchpoint ${i % 2 ? 'web' : 'kiosk'} "t"\n      emotion 1 for dana\n      barrier b${i} "x" severity low\n      opportunity o${i} "y" fixes b${i} owner sales\n    }`);
        const body = `  stage a {\n${steps.slice(0, 200).join('\n')}\n  }\n\n  stage b {\n${steps.slice(200).join('\n')}\n  }`;
        const { services: s, documents } = await buildFiles({ 'people.journey': people, 'big.journey': map(body) });
        const document = documents['big.journey'];
        const text = document.textDocument.getText();
        expect(text.length).toBeGreaterThan(40_000);
        const plain = new Unwindowed(s.Journey);
        const probes = [
            text.indexOf('  stage b'), text.indexOf('touchpoint web', 30_000) + 'touchpoint '.length, text.indexOf('touchpoint web', 30_000) + 'touchpoint w'.length,
            text.indexOf('fixes b300') + 'fixes '.length, text.indexOf('fixes b300') + 'fixes b3'.length, text.indexOf('owner sales', 35_000) + 'owner '.length,
            text.indexOf('emotion 1 for dana', 20_000) + 'emotion '.length, text.indexOf('emotion 1 for dana', 20_000) + 'emotion 1 for '.length,
            text.indexOf('severity low', 25_000) + 'severity '.length, text.indexOf('    step s250') , text.indexOf('    step s250') + 4,
            text.indexOf('"Step 399"'), text.length - 2, text.indexOf('barrier b399'), text.indexOf('opportunity o399') - 1,
        ];
        for (const offset of probes) {
            const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
            const windowed = await s.Journey.lsp.CompletionProvider!.getCompletion(document, params);
            const whole = await plain.getCompletion(document, params);
            const summary = (list: CompletionList | undefined) => (list?.items ?? []).map(i => `${i.label}@${JSON.stringify(i.textEdit)}`).sort();
            expect(summary(windowed), `at offset ${offset}: ${JSON.stringify(text.slice(offset - 20, offset))}|`).toEqual(summary(whole));
        }
    });

    it('finds the same features deep in a map of 300 steps', async () => {
        const steps = Array.from({ length: 300 }, (_, i) => `    step s${i} {\n      touchpoint web\n      emotion 1\n    }`).join('\n');
        const text = map(`  stage a {\n${steps}\n    step last {\n      next <|>\n    }\n  }\n  stage b {\n    step after {\n      <|>\n    }\n  }`);
        const next = await completionsAt(text, 0);
        expect(labels(next)).toHaveLength(302);
        const facts = await completionsAt(text, 1);
        expect(labels(facts)).toEqual(expect.arrayContaining(['action', 'touchpoint', 'emotion', 'next']));
        expect(labels(facts)).not.toContain('stage');
    });
});
