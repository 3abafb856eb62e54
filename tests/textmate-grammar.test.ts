import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * A small TextMate tokenizer, enough for this grammar (match rules with captures, begin/end
 * rules with inner patterns, includes), to check what the editor colours. At each position the
 * rule matching earliest wins, ties going to the rule listed first, as in TextMate.
 */
interface Rule {
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    captures?: Record<string, { name: string }>;
    beginCaptures?: Record<string, { name: string }>;
    patterns?: Rule[];
    include?: string;
}
interface Grammar { scopeName: string; patterns: Rule[]; repository: Record<string, { patterns: Rule[] }> }

const grammar = JSON.parse(fs.readFileSync(new URL('../syntaxes/journey.tmLanguage.json', import.meta.url), 'utf8')) as Grammar;

function flatten(rules: Rule[]): Rule[] {
    return rules.flatMap(r => (r.include ? flatten(grammar.repository[r.include.slice(1)].patterns) : [r]));
}

interface Token { text: string; scope: string }

/** Tokens of a text: each character span with the innermost scope that names it. */
function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    const top = flatten(grammar.patterns);
    let open: { rule: Rule; inner: Rule[] } | undefined;
    for (const line of text.split('\n')) {
        let pos = 0;
        while (pos <= line.length) {
            const rules = open ? open.inner : top;
            let best: { rule: Rule; m: RegExpExecArray; isEnd?: boolean } | undefined;
            const consider = (rule: Rule, source: string, isEnd = false) => {
                const re = new RegExp(source, 'dg');
                re.lastIndex = pos;
                const m = re.exec(line);
                if (m && (!best || m.index < best.m.index)) best = { rule, m, isEnd };
            };
            for (const rule of rules) consider(rule, rule.match ?? rule.begin!);
            if (open) consider(open.rule, open.rule.end!, true);
            if (!best || (!best.isEnd && best.m[0] === '' && best.m.index >= line.length)) {
                if (pos < line.length) tokens.push({ text: line.slice(pos), scope: open?.rule.name ?? '' });
                break;
            }
            const { rule, m, isEnd } = best;
            if (m.index > pos) tokens.push({ text: line.slice(pos, m.index), scope: open?.rule.name ?? '' });
            if (isEnd) {
                if (m[0]) tokens.push({ text: m[0], scope: open!.rule.name! });
                open = undefined;
            } else if (rule.match) {
                const captures = rule.captures ?? {};
                const groups = Object.keys(captures).map(Number).filter(g => g > 0 && m.indices![g]);
                if (groups.length === 0) tokens.push({ text: m[0], scope: rule.name ?? open?.rule.name ?? '' });
                let at = m.index;
                for (const g of groups) {
                    const [s, e] = m.indices![g]!;
                    if (s > at) tokens.push({ text: line.slice(at, s), scope: rule.name ?? open?.rule.name ?? '' });
                    tokens.push({ text: line.slice(s, e), scope: captures[g].name });
                    at = e;
                }
                if (groups.length > 0 && at < m.index + m[0].length) tokens.push({ text: line.slice(at, m.index + m[0].length), scope: rule.name ?? '' });
            } else {
                tokens.push({ text: m[0], scope: rule.name! });
                open = { rule, inner: flatten(rule.patterns ?? []) };
            }
            pos = Math.max(m.index + m[0].length, m[0] === '' ? pos + 1 : pos);
        }
    }
    return tokens.filter(t => t.text.trim() !== '');
}

const scopeOf = (tokens: Token[], text: string) => tokens.find(t => t.text === text)?.scope;

describe('TextMate grammar', () => {
    test('is valid JSON with the scope the manifest names, and every rule compiles', () => {
        const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
        expect(manifest.contributes.grammars[0].scopeName).toBe(grammar.scopeName);
        const all = [...flatten(grammar.patterns), ...Object.values(grammar.repository).flatMap(r => r.patterns)];
        for (const rule of all) for (const source of [rule.match, rule.begin, rule.end]) if (source) expect(() => new RegExp(source)).not.toThrow();
    });

    test('colours keywords, names, references, levels, numbers and strings', () => {
        const tokens = tokenize([
            'import "people.journey"',
            'persona dana "Dana" {',
            '  role "Ops"',
            '}',
            'journey switch "Switching" {',
            '  for dana, sam',
            '  state future',
            '  stage need "Need" {',
            '    step missed "Misses calls" {',
            '      touchpoint phone "Call log"',
            '      emotion -2 "frustrated" for dana',
            '      barrier no-report "No report" severity high',
            '      opportunity self-port "Self-serve" fixes no-report, other impact low owner support',
            '      metric NPS 48 target 50.5',
            '      next missed',
            '    }',
            '  }',
            '}',
        ].join('\n'));
        expect(scopeOf(tokens, 'import')).toBe('keyword.control.import.journey');
        expect(scopeOf(tokens, 'persona')).toBe('storage.type.persona.journey');
        expect(scopeOf(tokens, 'dana')).toBe('entity.name.type.persona.journey');
        expect(scopeOf(tokens, 'role')).toBe('keyword.other.journey');
        expect(scopeOf(tokens, 'switch')).toBe('entity.name.class.journey.journey');
        expect(scopeOf(tokens, 'dana, sam')).toBe('variable.other.reference.journey');
        expect(scopeOf(tokens, 'future')).toBe('constant.language.state.journey');
        // A keyword used as an id after `stage` is a name, not a keyword.
        expect(scopeOf(tokens, 'need')).toBe('entity.name.section.stage.journey');
        expect(scopeOf(tokens, 'missed')).toBe('entity.name.function.step.journey');
        expect(scopeOf(tokens, 'phone')).toBe('variable.other.reference.channel.journey');
        expect(scopeOf(tokens, '-2')).toBe('constant.numeric.journey');
        expect(scopeOf(tokens, 'no-report')).toBe('variable.other.definition.journey');
        expect(scopeOf(tokens, 'high')).toBe('constant.language.level.journey');
        expect(scopeOf(tokens, 'no-report, other')).toBe('variable.other.reference.journey');
        expect(scopeOf(tokens, 'support')).toBe('variable.other.reference.journey');
        expect(scopeOf(tokens, 'NPS')).toBe('variable.other.constant.metric.journey');
        expect(scopeOf(tokens, '50.5')).toBe('constant.numeric.journey');
        expect(scopeOf(tokens, 'target')).toBe('keyword.other.modifier.journey');
        expect(scopeOf(tokens, 'Call log')).toBe('string.quoted.double.journey');
    });

    test('treats - as part of a word: no keyword inside webinar-step or chunked-import', () => {
        const tokens = tokenize('    step webinar-step "Webinar" {\n      next webinar-step\n      metric step-count 3\n      barrier chunked-import "x"\n    }');
        expect(tokens.filter(t => t.scope.startsWith('storage.type.step')).map(t => t.text)).toEqual(['step']);
        expect(scopeOf(tokens, 'webinar-step')).toBe('entity.name.function.step.journey');
        expect(tokens.some(t => t.text === 'import' || t.text === 'step' && t.scope.startsWith('keyword'))).toBe(false);
        expect(scopeOf(tokens, 'step-count')).toBe('variable.other.constant.metric.journey');
        expect(scopeOf(tokens, 'chunked-import')).toBe('variable.other.definition.journey');
    });

    test('a hyphen touching digits inside an id is not a number', () => {
        const tokens = tokenize('metric NPS-20 5');
        expect(scopeOf(tokens, 'NPS-20')).toBe('variable.other.constant.metric.journey');
        expect(tokens.some(t => t.text === '-20')).toBe(false);
    });

    test('strings keep escapes and stop at the end of the line; comments hide keywords', () => {
        const tokens = tokenize('action "say \\"hi\\" \\\\ step"\n// step action journey-lint-disable-next-line\n/* stage\n step */ thought "x"');
        expect(tokens.filter(t => t.scope === 'constant.character.escape.journey').map(t => t.text)).toEqual(['\\"', '\\"', '\\\\']);
        expect(tokens.filter(t => t.text.includes('step')).every(t => t.scope.startsWith('string') || t.scope.startsWith('comment'))).toBe(true);
        expect(scopeOf(tokens, 'thought')).toBe('keyword.other.fact.journey');
        const directive = tokenize('// journey-lint-disable-next-line missing-emotion');
        expect(scopeOf(directive, 'journey-lint-disable-next-line')).toBe('keyword.other.directive.journey');
        const unterminated = tokenize('action "open\nstep s {');
        expect(scopeOf(unterminated, 'step')).toBe('storage.type.step.journey');
    });
});
