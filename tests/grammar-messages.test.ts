import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf } from './helpers.js';

/** Syntax errors name what was expected, in the words of the language, at the right place. */

async function syntaxErrors(text: string): Promise<Diagnostic[]> {
    return (await diagnosticsOf(text)).filter(d => d.code === 'syntax-error');
}

async function firstSyntaxError(text: string): Promise<{ at: string; message: string }> {
    const [first] = await syntaxErrors(text);
    expect(first, 'a syntax error').toBeDefined();
    return { at: `${first.range.start.line + 1}:${first.range.start.character + 1}`, message: String(first.message) };
}

const inStep = (facts: string) => `persona p\njourney j {\n  for p\n  stage s {\n    step a {\n${facts}\n    }\n  }\n}\n`;

describe('parser messages', () => {
    it('a touchpoint with its channel missing, before `emotion 1`: says the touchpoint needs a channel', async () => {
        const diagnostics = await diagnosticsOf(inStep('      touchpoint\n      emotion 1 "calm"'));
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax).toHaveLength(1);
        // Reported at the `1`, which is where the parser notices.
        expect(syntax[0].range.start).toEqual({ line: 6, character: 14 });
        expect(syntax[0].message).toContain('The `touchpoint` on line 6 has no channel');
        expect(syntax[0].message).toContain("'emotion' was read as its channel");
        expect(syntax[0].message).toContain('touchpoint CHANNEL "text"');
        // The misread channel is explained the same way.
        const unresolved = diagnostics.find(d => d.code === 'unresolved-reference');
        expect(unresolved?.message).toContain("Unknown channel 'emotion'");
        expect(unresolved?.message).toContain('The `touchpoint` on line 6 has no channel');
    });

    it('a touchpoint with its channel missing, before another fact: the unresolved channel says why', async () => {
        const diagnostics = await diagnosticsOf(inStep('      touchpoint\n      action "calls"'));
        expect(diagnostics.filter(d => d.code === 'syntax-error')).toEqual([]);
        const unresolved = diagnostics.find(d => d.code === 'unresolved-reference');
        expect(unresolved?.message).toMatch(/Unknown channel 'action'.*The `touchpoint` on line 6 has no channel/);
    });

    it('no such hint when a keyword is a deliberate id on the same line', async () => {
        const diagnostics = await diagnosticsOf('team support\n' + inStep('      touchpoint web\n      emotion 1\n      support "x" owner support'));
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const error = await firstSyntaxError(inStep('      touchpoint need 5'));
        expect(error.message).not.toContain('has no channel');
    });

    it('another fact missing its id: names the fact', async () => {
        const diagnostics = await diagnosticsOf(inStep('      touchpoint web\n      emotion 0\n      opportunity "x" fixes\n      barrier b "y"'));
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toContain('The `opportunity` on line 8 seems to miss its id');
    });

    it('an unknown fact in a step lists the facts', async () => {
        const error = await firstSyntaxError(inStep('      feeling 1'));
        expect(error.at).toBe('6:7');
        expect(error.message).toBe("Unexpected 'feeling' in a step: expected a fact (action, touchpoint, thought, emotion, barrier, opportunity, question, frontstage, backstage, support, metric, evidence, next) or '}'.");
    });

    it('an unknown persona fact lists the persona facts', async () => {
        const error = await firstSyntaxError('persona p {\n  hobby "chess"\n}\n');
        expect(error.at).toBe('2:3');
        expect(error.message).toContain('a persona fact (role, goal, need, motivation, frustration, quote)');
    });

    it('a level: low, medium or high', async () => {
        const error = await firstSyntaxError(inStep('      barrier "x" severity huge'));
        expect(error.message).toBe("Expected 'low', 'medium' or 'high' but found 'huge'.");
    });

    it('a state: current or future', async () => {
        expect((await firstSyntaxError('journey j { state past }')).message).toBe("Expected 'current' or 'future' but found 'past'.");
    });

    it('an id', async () => {
        const error = await firstSyntaxError('journey j { for }');
        expect(error.message).toBe("Expected an id (a letter, then letters, digits, _ or -) after 'for' but found '}'.");
        expect((await firstSyntaxError('persona "Dana"')).message).toBe("Expected an id (a letter, then letters, digits, _ or -) after 'persona' but found '\"Dana\"'.");
        expect((await firstSyntaxError(inStep('      touchpoint web\n      frontstage "x" owner "ops"'))).message).toContain("after 'owner'");
    });

    it('a score: says an emotion starts with its score', async () => {
        const error = await firstSyntaxError(inStep('      emotion "happy"'));
        expect(error.at).toBe('6:15');
        expect(error.message).toBe("Expected a number but found '\"happy\"' (an emotion starts with its score, from -2 to +2).");
    });

    it('a text: says texts are quoted', async () => {
        expect((await firstSyntaxError(inStep('      action calls the desk'))).message).toBe("Expected a quoted text but found 'calls' (texts are written in double quotes).");
    });

    it('at the top level: names the declarations; an import after a declaration says imports come first', async () => {
        expect((await firstSyntaxError('persona p\nstage s { }')).message).toBe("Unexpected 'stage': expected an import (before any declaration), persona, channel, team or journey.");
        expect((await firstSyntaxError('persona p\nimport "x.journey"')).message).toBe("Unexpected 'import': imports come first in a file, before any persona, channel, team or journey.");
    });

    it('a journey header after a stage', async () => {
        const error = await firstSyntaxError('persona p\njourney j {\n  stage s { }\n  for p\n}');
        expect(error.at).toBe('4:3');
        expect(error.message).toBe("Unexpected 'for' in a journey: expected 'for', 'state', 'goal' or 'description' (before the first stage), a stage, or '}'.");
    });

    it('the file ends inside a block', async () => {
        const error = await firstSyntaxError('persona p\njourney j {\n  stage s {\n');
        expect(error.message).toBe("The file ends inside a stage: expected a step, a fact or '}'.");
    });

    it('an unterminated text', async () => {
        const error = await firstSyntaxError(inStep('      action "calls the desk'));
        expect(error.at).toBe('6:14');
        expect(error.message).toContain('Unterminated text');
    });

    it('a character outside the language', async () => {
        const error = await firstSyntaxError('persona p @ team t');
        expect(error.at).toBe('1:11');
        expect(error.message).toBe('Unexpected character "@": not part of the journey language.');
    });

    it('no message uses the parser\'s internal words', async () => {
        const broken = [
            'journey j { for }', 'journey j { state past }', inStep('      barrier "x" severity huge'), 'persona p { hobby "x" }',
            inStep('      feeling 1'), 'persona p\nstage s', '@@@', inStep('      metric NPS'), inStep('      next'),
            inStep('      opportunity "x" fixes a,'), 'import', 'journey', 'persona p { role }',
        ];
        for (const text of broken) {
            for (const d of await syntaxErrors(text)) {
                expect(d.message).not.toMatch(/Token sequences|-->|EOF|token of type|Expecting|\bID\b|\bSTRING\b|\bNUMBER\b|\u200B/);
            }
        }
    });
});
