import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLangiumParser, type AstNode, type CstNode, type ParseResult } from 'langium';
import { FastJourneyParser } from '../src/language/parser/fast-parser.js';
import { JourneyParser } from '../src/language/parser/journey-parser.js';
import { generateMap } from '../scripts/bench/generate-map.js';
import { buildFiles, createTestServices, diagnosticsOf } from './helpers.js';
import { compareParseResults } from './fast-parser-compare.js';
import { VALID_CORPUS, variants } from './fast-parser-corpus.js';

const { Journey } = createTestServices();
const fast = new FastJourneyParser(Journey);
/** Langium's own parser, built from the same services: the reference. */
const langium = createLangiumParser(Journey);

function journeyFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return journeyFiles(file);
        return entry.name.endsWith('.journey') ? [file] : [];
    });
}

/** Parses `text` both ways and expects the fast path to handle it and to build the same result. */
function expectSame(text: string): void {
    const expected = langium.parse(text);
    expect(expected.lexerErrors.map(e => e.message), 'Langium finds lexer errors in a valid text').toEqual([]);
    expect(expected.parserErrors.map(e => e.message), 'Langium finds syntax errors in a valid text').toEqual([]);
    const actual = fast.parse(text, true);
    expect(actual, 'the fast parser gave up on a valid text').toBeDefined();
    expect(compareParseResults(actual!, expected)).toBeUndefined();
}

const files = [...journeyFiles('examples'), ...journeyFiles('tests/fixtures')];

describe('the fast parser builds what Langium builds', () => {
    it('has files to compare', () => {
        expect(files.length).toBeGreaterThanOrEqual(5);
    });

    it.each(files)('%s', file => {
        const text = fs.readFileSync(file, 'utf8');
        // Some fixtures are broken on purpose; those must go to Langium's parser.
        if (langium.parse(text).parserErrors.length + langium.parse(text).lexerErrors.length > 0) {
            expect(fast.parse(text, true)).toBeUndefined();
        } else {
            expectSame(text);
        }
    });

    it.each(Object.entries(VALID_CORPUS))('%s', (_name, text) => {
        expectSame(text);
        for (const [variant, changed] of Object.entries(variants(text))) {
            try {
                expectSame(changed);
            } catch (error) {
                throw new Error(`variant '${variant}': ${(error as Error).message}\n${changed}`);
            }
        }
    });

    it('generated maps of 100 steps, and variants of smaller ones', () => {
        expectSame(generateMap(100));
        expectSame(generateMap(100, 1));
        for (const text of [generateMap(12), generateMap(7, 2)]) {
            for (const changed of Object.values(variants(text))) expectSame(changed);
        }
    });

    it('examples with comments and other line endings', () => {
        for (const file of journeyFiles('examples')) {
            for (const changed of Object.values(variants(fs.readFileSync(file, 'utf8')))) expectSame(changed);
        }
    });

    it('long runs of comments (Langium\'s parser overflows the stack on 300,000 of them; the fast path does not)', () => {
        for (const at of ['start', 'between declarations', 'before a fact', 'inside a fact']) {
            const comments = (n: number) => '// c\n'.repeat(n);
            const text = (n: number) => ({
                start: `${comments(n)}team t`,
                'between declarations': `team t\n${comments(n)}team u`,
                'before a fact': `journey j { stage s { step t {\n${comments(n)} action "a" } } }`,
                'inside a fact': `journey j { stage s { step t { action\n${comments(n)} "a" } } }`,
            })[at]!;
            expectSame(text(1000));
            const result = fast.parse(text(300_000), true);
            expect(result, at).toBeDefined();
            let hidden = 0;
            const count = (node: CstNode): void => {
                if ('content' in node) (node.content as CstNode[]).forEach(count);
                else if (node.hidden) hidden++;
            };
            count(result!.value.$cstNode!.root);
            expect(hidden, at).toBe(300_000);
        }
    });

    it('the same parser object gives the same results in turn (no state left over)', () => {
        const a = VALID_CORPUS['a full journey'];
        const b = VALID_CORPUS['comments everywhere'];
        expect(fast.parse('persona "broken')).toBeUndefined();
        expectSame(a);
        expect(fast.parse('journey j { stage s { step t { emotion } } }')).toBeUndefined();
        expectSame(b);
        expectSame(a);
    });
});

describe('the comparison catches a different tree', () => {
    const text = VALID_CORPUS['comments everywhere'];

    /** Parses with the fast parser, changes the tree with `change`, and expects the comparison to complain. */
    function expectCaught(change: (result: ParseResult) => void): void {
        const changed = fast.parse(text, true)!;
        change(changed);
        expect(compareParseResults(changed, langium.parse(text))).toBeTypeOf('string');
    }

    const model = (r: ParseResult) => r.value as AstNode & Record<string, unknown>;
    const leaves = (r: ParseResult): CstNode[] => {
        const all: CstNode[] = [];
        const walk = (n: CstNode) => {
            if ('content' in n) (n.content as CstNode[]).forEach(walk);
            else all.push(n);
        };
        walk(r.value.$cstNode!.root);
        return all;
    };

    it('unchanged, it finds no difference', () => {
        expect(compareParseResults(fast.parse(text, true)!, langium.parse(text))).toBeUndefined();
    });
    it('a leaf one column off', () => expectCaught(r => { (leaves(r)[5] as unknown as { _startColumn: number })._startColumn++; }));
    it('a leaf with another grammar source', () => expectCaught(r => {
        const all = leaves(r);
        (all[3] as { grammarSource: unknown }).grammarSource = all[4].grammarSource;
    }));
    it('a comment moved to the next node', () => expectCaught(r => {
        const parent = r.value.$cstNode!.root;
        const content = parent.content as CstNode[];
        const i = content.findIndex(n => n.hidden);
        content.splice(i, 2, content[i + 1], content[i]);
    }));
    it('a property in another order', () => expectCaught(r => {
        const declarations = model(r).declarations;
        const m = model(r);
        delete m.declarations;
        m.declarations = declarations;
    }));
    it('a wrong container index', () => expectCaught(r => {
        const persona = (model(r).declarations as Array<Record<string, unknown>>)[0];
        persona.$containerIndex = 1;
    }));
    it('a reference with another text', () => expectCaught(r => {
        const journey = (model(r).journeys as Array<Record<string, unknown>>)[0];
        (journey.personas as Array<{ $refText: string }>)[0].$refText = 'q';
    }));
    it('a default value missing', () => expectCaught(r => {
        const journey = (model(r).journeys as Array<Record<string, unknown>>)[0];
        delete journey.stages;
    }));
    it('a CST node linked to another AST node', () => expectCaught(r => {
        const journey = (model(r).journeys as Array<{ $cstNode: { astNode: AstNode } }>)[0];
        journey.$cstNode.astNode = r.value;
    }));
});

/** A small seeded random generator (mulberry32), so that the mutations are the same on every run. */
function random(seed: number): () => number {
    return () => {
        seed = (seed + 0x6D2B79F5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const BROKEN: string[] = [
    'persona "no id"',
    'persona p "unterminated',
    'persona p "line\nbreak"',
    'persona p "bad escape \\n"',
    'journey j { stage s { step t { emotion } } }',
    'journey j { stage s { step t { emotion 1 for } } }',
    'journey j { stage s { step t { touchpoint "text" } } }',
    'journey j { stage s { step t { barrier b severity extreme } } }',
    'journey j { stage s { step t { opportunity o "t" fixes a, } } }',
    'journey j { stage s {',
    'journey j { stage s { } } }',
    'journey j { stage s { step t { action "a" }',
    'persona p\nimport "late.journey"',
    'journey j { for }',
    'journey j { state past }',
    'journey j { stage s { metric m } }',
    'journey j { stage s { metric m 1. } }',
    'journey j { stage s { metric m - } }',
    'team t @',
    'team t /* unterminated',
    'team t / x',
    'team 9',
    'team t\u00a0"non-breaking space"',
    '\ufeffteam t',
    'journey j { stage s { step t { next } } }',
    'persona p { role }',
    'persona p { hobby "x" }',
    'stage s {}',
    '}',
    '{',
    '"just a string"',
    '\u0000\u0001 binary',
];

/** The parser of the services: must give the same result as Langium's parser on any text. */
function expectSameThroughService(text: string): ParseResult {
    const expected = langium.parse(text);
    const parser = Journey.parser.LangiumParser;
    const actual = parser.parse(text);
    const difference = compareParseResults(actual, expected);
    if (difference) throw new Error(`${difference}\nin ${JSON.stringify(text)}`);
    return expected;
}

describe('broken texts go to Langium\'s parser', () => {
    it('the service is the journey parser with its fast path', () => {
        expect(Journey.parser.LangiumParser).toBeInstanceOf(JourneyParser);
    });

    it.each(BROKEN)('%j', text => {
        expect(fast.parse(text, true)).toBeUndefined();
        const result = expectSameThroughService(text);
        // Non-ASCII whitespace and a byte order mark are valid: the fast path leaves them to Langium.
        if (!/[\u00a0\ufeff]/.test(text)) expect(result.lexerErrors.length + result.parserErrors.length).toBeGreaterThan(0);
    });

    it('randomly mutated maps (fixed seed): same result as Langium, and the fast path only on valid texts', () => {
        const next = random(20261123);
        const base = [generateMap(12), VALID_CORPUS['a full journey'], VALID_CORPUS['comments everywhere'], VALID_CORPUS['keywords used as ids']];
        const inserts = ['{', '}', '"', '\\', '/', '*', '/*', '//', '-', '+', '.', ',', '1', 'x', 'for', 'step', ' ', '\n', '\r', '@', 'é', '\u00a0'];
        let valid = 0;
        let fastValid = 0;
        for (let i = 0; i < 400; i++) {
            let text = base[i % base.length];
            for (let m = 1 + Math.floor(next() * 3); m > 0; m--) {
                const at = Math.floor(next() * text.length);
                const what = next();
                if (what < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4));
                else if (what < 0.8) text = text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
                else {
                    const to = Math.floor(next() * text.length);
                    text = text.slice(0, at) + text.slice(to, to + 12) + text.slice(at);
                }
            }
            const result = expectSameThroughService(text);
            const ok = result.lexerErrors.length + result.parserErrors.length === 0;
            const handled = fast.parse(text, true) !== undefined;
            if (handled && !ok) throw new Error(`the fast path accepted a text with errors: ${JSON.stringify(text)}`);
            if (ok) valid++;
            if (handled) fastValid++;
            if (ok && !handled && !/[\u00a0]/.test(text)) throw new Error(`the fast path gave up on a valid text: ${JSON.stringify(text)}`);
        }
        // Both kinds must occur, or the test proves little.
        expect(valid).toBeGreaterThan(40);
        expect(400 - valid).toBeGreaterThan(100);
        expect(fastValid).toBeGreaterThan(40);
    });

    it('diagnostics of a broken file are those of Langium\'s parser (syntax errors, then the rest is checked)', async () => {
        const text = 'persona p\njourney j {\n  for p\n  stage s {\n    step t { emotion }\n  }\n}\n';
        const diagnostics = await diagnosticsOf(text);
        const expected = langium.parse(text).parserErrors.map(e => e.message);
        expect(expected.length).toBeGreaterThan(0);
        expect(diagnostics.filter(d => d.code === 'syntax-error').map(d => d.message)).toEqual(expected);
    });
});

describe('diagnostics are the same with and without the fast path', () => {
    /** Services whose parser service is Langium's parser alone (as before the fast path). */
    function servicesWithoutFastPath() {
        const services = createTestServices();
        const plain = createLangiumParser(services.Journey);
        const spy = vi.spyOn(services.Journey.parser.LangiumParser, 'parse').mockImplementation((text, options) => plain.parse(text, options));
        return { services, spy };
    }

    const texts: Array<[string, string]> = [
        ...BROKEN.map((text, i) => [`broken #${i}`, text] as [string, string]),
        ...files.map(file => [file, fs.readFileSync(file, 'utf8')] as [string, string]),
        ['generated map', generateMap(30)],
        ['comments everywhere', VALID_CORPUS['comments everywhere']],
        ['keywords used as ids', VALID_CORPUS['keywords used as ids']],
    ];

    it('for broken texts, examples, fixtures and generated maps (one workspace of them all)', async () => {
        const workspace: Record<string, string> = { 'people.journey': fs.readFileSync('examples/people.journey', 'utf8') };
        texts.forEach(([, text], i) => { workspace[`main-${i}.journey`] = text; });
        const { services, spy } = servicesWithoutFastPath();
        const before = (await buildFiles(workspace, services)).documents;
        expect(spy).toHaveBeenCalled();
        const after = (await buildFiles(workspace)).documents;
        texts.forEach(([name], i) => {
            expect(after[`main-${i}.journey`].diagnostics, name).toEqual(before[`main-${i}.journey`].diagnostics);
        });
        // The texts give diagnostics of both kinds, or the comparison proves little.
        const all = Object.values(after).flatMap(d => d.diagnostics ?? []);
        expect(all.some(d => d.code === 'syntax-error')).toBe(true);
        expect(all.some(d => d.code !== 'syntax-error')).toBe(true);
    });
});
