import { describe, expect, test } from 'vitest';
import { toMermaid, mermaidScore } from '../src/export/mermaid.js';
import { toMarkdown, md } from '../src/export/markdown.js';
import { everyLane, modelOf } from './render-support.js';

describe('Mermaid journey export', () => {
    test('title, a section per stage, a task per step with score = emotion + 3 and personas as actors', async () => {
        const model = await modelOf(`persona ana "Ana"
journey j "Buying a plan" {
  for ana
  stage find "Find it" {
    step a "Searches" { emotion -2 }
    step b "Compares" { emotion 2 }
  }
  stage use "Use it" { emotion 0 }
}`);
        expect(toMermaid(model)).toBe([
            'journey',
            '  title Buying a plan',
            '  section Find it',
            '    Searches: 1: ana',
            '    Compares: 5: ana',
            '  section Use it',
            '    Use it: 3: ana',
            '',
        ].join('\n'));
    });

    test('emotions that differ per persona: the mean rounded half up, plus 3; actors are the personas with an emotion', async () => {
        const model = await modelOf(everyLane);
        const text = toMermaid(model);
        expect(text).toContain('  title Buying a plan\n  accDescr#58; Buy without calling sales\n'.replace('accDescr#58;', 'accDescr:'));
        // browse: ana +1, ben -1 -> mean 0 -> 3; pay: both +2 -> 5; use: both 0 -> 3
        expect(text).toContain('    Browses plans: 3: ana, ben\n');
        expect(text).toContain('    Pays: 5: ana, ben\n');
        const step = model.stages[0].steps[0];
        expect(mermaidScore({ ...step, emotions: [{ ...step.emotions[0], score: -2 }, { ...step.emotions[1], score: -1 }] })).toBe(2);
        expect(mermaidScore({ ...step, emotions: [{ ...step.emotions[0], score: 1 }, { ...step.emotions[1], score: 2 }] })).toBe(5);
        expect(mermaidScore({ ...step, emotions: [{ ...step.emotions[0], score: 1 }, { ...step.emotions[1], score: 0 }] })).toBe(4);
    });

    test('a step without emotion scores 3 and has no actors', async () => {
        const text = toMermaid(await modelOf('journey j { stage s { step a "Waits" { action "x" } } }'));
        expect(text).toContain('    Waits: 3\n');
    });

    test('characters Mermaid reads as syntax become entity codes', async () => {
        const text = toMermaid(await modelOf('journey j "A: b; c #1" { stage s "Stage: one" { step a "Step; #2: go" { emotion 1 } } }'));
        expect(text).toContain('  title A#58; b#59; c #35;1\n');
        expect(text).toContain('  section Stage#58; one\n');
        expect(text).toContain('    Step#59; #35;2#58; go: 4\n');
        // Outside entity codes, a task line has exactly the separators Mermaid expects.
        const task = text.split('\n').find(l => l.startsWith('    '))!;
        expect(task.replace(/#\d+;/g, '').split(':')).toHaveLength(2);
    });
});

describe('Markdown export', () => {
    test('a header, then a table per stage with the lanes it uses as rows, in order', async () => {
        const text = toMarkdown(await modelOf(everyLane));
        expect(text.startsWith('# Buying a plan\n\n**State:** future · **Goal:** Buy without calling sales\n')).toBe(true);
        expect(text).toContain('- Ana, buyer — Buys for a small team');
        expect(text).toContain('## Find\n\n| | Browses plans | Pays |\n|---|---|---|\n');
        const rows = [...text.split('## Use')[0].matchAll(/^\| \*\*(\w+)\*\* \|/gm)].map(m => m[1]);
        expect(rows).toEqual(['Actions', 'Touchpoints', 'Thoughts', 'Emotions', 'Barriers', 'Opportunities', 'Questions', 'Frontstage', 'Backstage', 'Support', 'Metrics', 'Evidence', 'Next']);
        expect(text).toContain('| **Emotions** | Ana, buyer: +1 curious<br>Ben, approver: -1 wary | Ana, buyer: +2 relieved<br>Ben, approver: +2 relieved |');
        expect(text).toContain('**high**: Too many plans `too-many`');
        expect(text).toContain('Three plans only `fewer` _(impact high; effort medium; owner Operations; fixes `too-many`)_');
        expect(text).toContain('conversion 0.031 (target 0.05)');
        expect(text).toContain('## Use\n\n| | Use |\n|---|---|\n| **Touchpoints** | **Mobile or desktop app**: Dashboard |');
    });

    test('escapes pipes, HTML and Markdown syntax in user text', async () => {
        const text = toMarkdown(await modelOf('journey j { stage s { step a { action "a | b <script>alert(1)</script> *x* [l](javascript:y)" } } }'));
        expect(text).toContain('a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[l\\](javascript:y)');
        expect(text).not.toContain('<script>');
        // Every table row has as many cells as the header.
        for (const line of text.split('\n').filter(l => l.startsWith('|'))) {
            expect(line.replace(/\\\|/g, '').split('|').length).toBe(4);
        }
        expect(md('`code` _u_ # h')).toBe('\\`code\\` \\_u\\_ \\# h');
    });
});
