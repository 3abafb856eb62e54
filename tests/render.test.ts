import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderSvg, LANES } from '../src/render/index.js';
import { renderHtml } from '../src/render/html.js';
import { everyLane, exampleModels, modelOf } from './render-support.js';

/** Checks that tags balance and attributes are quoted: a raw '<' or '"' from user text would break this. */
function wellFormed(xml: string): string[] {
    const problems: string[] = [];
    const stack: string[] = [];
    const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
    const text = body.replace(/<[^>]*>/g, '');
    if (/[<>]/.test(text)) problems.push('raw < or > in text');
    if (/&(?!(amp|lt|gt|quot|#39|#\d+);)/.test(text)) problems.push('raw & in text');
    for (const [, close, name, attrs, selfClose] of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>/g)) {
        const unquoted = attrs.replace(/\s[\w:-]+="[^"<]*"/g, '');
        if (unquoted.trim() !== '') problems.push(`bad attributes on <${name}>: ${unquoted}`);
        if (close) {
            if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
        } else if (!selfClose) stack.push(name);
    }
    if (stack.length > 0) problems.push(`unclosed: ${stack.join(',')}`);
    return problems;
}

const dataIds = (svg: string) => [...svg.matchAll(/data-id="([^"]*)"/g)].map(m => m[1]);

describe('renderSvg: structure', () => {
    test('draws every stage, step and persona, in order, each with its id and source line', async () => {
        const model = await modelOf(everyLane);
        const svg = renderSvg(model);
        expect(wellFormed(svg)).toEqual([]);
        const ids = dataIds(svg);
        const order = ['journey', 'find', 'use', 'find/browse', 'find/pay', 'use/use'];
        expect(order.map(id => ids.indexOf(id))).toEqual([...order.map(id => ids.indexOf(id))].sort((a, b) => a - b));
        for (const id of order) expect(ids, id).toContain(id);
        expect(svg).toContain('data-id="find/browse" data-line="14"');
        expect(svg).toContain('data-id="find" data-line="13"');
        expect(svg).toContain('data-id="persona:ana"');
        expect(svg).toContain('data-id="persona:ben"');
        for (const text of ['Buying a plan', 'Future state', 'Goal: Buy without calling sales', 'Ana, buyer', 'Ben, approver', 'Find', 'Browses plans', 'Pays']) {
            expect(svg, text).toContain(`>${text}`);
        }
    });

    test('draws every lane the map uses, in the fixed order, and only those', async () => {
        const svg = renderSvg(await modelOf(everyLane));
        const lanes = [...svg.matchAll(/data-lane="([^"]*)"/g)].map(m => m[1]);
        expect(lanes).toEqual(LANES.map(l => l.id));
        const few = renderSvg(await modelOf('journey j { stage s { step a { action "x" emotion 1 } } }'));
        expect([...few.matchAll(/data-lane="([^"]*)"/g)].map(m => m[1])).toEqual(['actions', 'emotions']);
    });

    test('every fact carries its key and source line', async () => {
        const svg = renderSvg(await modelOf(everyLane));
        const expected: Array<[string, number]> = [
            ['find/browse/action#0', 15], ['find/browse/touchpoint#0', 16], ['find/browse/thought#0', 17],
            ['find/browse/emotion:ana', 18], ['find/browse/emotion:ben', 19], ['find/browse/barrier:too-many', 20],
            ['find/browse/opportunity:fewer', 21], ['find/browse/question#0', 22], ['find/browse/frontstage#0', 23],
            ['find/browse/backstage#0', 24], ['find/browse/support#0', 25], ['find/browse/metric#0', 26],
            ['find/browse/evidence#0', 27], ['find/pay/next:browse', 32], ['use/use/touchpoint#0', 37],
        ];
        for (const [id, line] of expected) expect(svg, id).toContain(`data-id="${id}" data-line="${line}"`);
    });

    test('the emotion curve: one line per persona on a -2..+2 scale, baseline, labelled points, legend', async () => {
        const svg = renderSvg(await modelOf(everyLane));
        expect(svg.match(/<path d="[^"]*" class="jm-curve jm-p\d"\/>/g)).toHaveLength(2);
        expect(svg).toContain('class="jm-baseline"');
        for (const label of ['+2', '>0<', '-2', 'curious', 'wary', 'relieved']) expect(svg).toContain(label.startsWith('>') ? label : `>${label}<`);
        expect(svg.match(/class="jm-legend"/g)).toHaveLength(2);
        // Scores map to heights: +2 above 0 above -2.
        const y = (id: string) => Number(new RegExp(`data-id="${id}"[^>]*><title>[^<]*</title><circle cx="[^"]*" cy="([^"]*)"`).exec(svg)![1]);
        expect(y('find/pay/emotion:ana')).toBeLessThan(y('find/browse/emotion:ana'));
        expect(y('find/browse/emotion:ana')).toBeLessThan(y('use/use/emotion:ana'));
        expect(y('use/use/emotion:ana')).toBeLessThan(y('find/browse/emotion:ben'));
    });

    test('the persona filter keeps the curves of the named personas only', async () => {
        const svg = renderSvg(await modelOf(everyLane), { personas: ['ben'] });
        expect(svg.match(/<path d="[^"]*" class="jm-curve jm-p\d"\/>/g)).toHaveLength(1);
        expect(svg).toContain('emotion:ben');
        expect(svg).not.toContain('emotion:ana');
    });

    test('hidden lanes are not drawn', async () => {
        const svg = renderSvg(await modelOf(everyLane), { hiddenLanes: ['thoughts', 'emotions', 'evidence'] });
        const lanes = [...svg.matchAll(/data-lane="([^"]*)"/g)].map(m => m[1]);
        expect(lanes).not.toContain('thoughts');
        expect(lanes).not.toContain('emotions');
        expect(svg).not.toContain('Which plan fits us?');
        expect(svg).not.toContain('jm-curve jm-p');
        expect(lanes).toContain('actions');
    });

    test('a seventh persona reuses the first colour with a dash pattern, in the curve, the legend and the header', async () => {
        const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
        const model = await modelOf(`${ids.map(id => `persona ${id} "${id.toUpperCase()}"`).join('\n')}\n`
            + `journey j "J" {\n  for ${ids.join(', ')}\n  stage s "S" {\n    step a "A" { emotion 1 }\n    step b "B" { emotion -1 }\n  }\n}\n`);
        const svg = renderSvg(model);
        expect(svg.match(/class="jm-curve jm-p0"/g)).toHaveLength(3);
        expect(svg.match(/class="jm-curve jm-p0 jm-dash1"/g)).toHaveLength(3);
        expect(svg).toContain('.jm .jm-dash1{stroke-dasharray:');
    });

    test('the labels of several personas with the same score on one step are stacked, not drawn on one another', async () => {
        const ids = ['p1', 'p2', 'p3', 'p4'];
        const model = await modelOf(`${ids.map(id => `persona ${id} "${id}"`).join('\n')}\n`
            + `journey j "J" {\n  for ${ids.join(', ')}\n  stage s "S" {\n    step a "A" {\n${ids.map(id => `      emotion 1 "${id} feels" for ${id}`).join('\n')}\n    }\n  }\n}\n`);
        const labelYs = [...renderSvg(model).matchAll(/<text x="[^"]+" y="([^"]+)" class="jm-em">p\d feels<\/text>/g)].map(m => Number(m[1]));
        expect(labelYs).toHaveLength(4);
        expect(new Set(labelYs).size).toBe(4);
    });

    test('next to a stage without steps is no arrow: next names steps, and that reference does not resolve', async () => {
        const model = await modelOf('journey j "J" {\n  stage a "A" {\n    step one "One" { next later }\n  }\n  stage later "Later" { emotion 1 }\n}\n');
        expect(model.stages[0].steps[0].next).toEqual(['later']);
        expect(renderSvg(model)).not.toContain('jm-next-link');
    });

    test('next links are arrows, opportunities link to the barriers they fix', async () => {
        const svg = renderSvg(await modelOf(everyLane));
        expect(svg).toMatch(/data-id="find\/pay\/next:browse"[^>]*>.*?<path d="M[^"]+" class="jm-next" marker-end="url\(#jm-next-arrow\)"\/>/);
        expect(svg).toMatch(/<marker id="jm-next-arrow"/);
        expect(svg).toMatch(/class="jm-fix" data-from="find\/browse\/opportunity:fewer" marker-end="url\(#jm-fix-arrow\)"/);
        expect(svg).toContain('Severity: high');
        expect(svg).toContain('class="jm-sev-high"');
        expect(svg).toContain('Impact: high \u00B7 Effort: medium');
        expect(svg).toContain('Owner: Operations');
        expect(svg).toContain('Fixes: too-many');
        expect(svg).toContain('Target 0.05');
    });

    test('idPrefix makes marker ids unique per picture', async () => {
        const svg = renderSvg(await modelOf(everyLane), { idPrefix: 'map2' });
        expect(svg).toContain('<marker id="map2-next-arrow"');
        expect(svg).toContain('url(#map2-next-arrow)');
        expect(svg).not.toContain('#jm-next-arrow');
    });

    test('highlights mark added, changed and removed elements; a removed element not drawn marks its step', async () => {
        const svg = renderSvg(await modelOf(everyLane), {
            highlight: { added: ['find/browse/barrier:too-many'], changed: ['find/browse/emotion:ana', 'no/such'], removed: ['find/pay/barrier:gone'] },
        });
        expect(svg).toContain('data-highlight="added" data-for="find/browse/barrier:too-many"');
        expect(svg).toContain('data-highlight="changed" data-for="find/browse/emotion:ana"');
        expect(svg).toContain('data-highlight="removed" data-for="find/pay/barrier:gone"');
        expect(svg).not.toContain('data-for="no/such"');
    });
});

describe('renderSvg: output properties', () => {
    test('is deterministic: same model, same bytes, also across separate parses', async () => {
        const a = renderSvg(await modelOf(everyLane));
        const b = renderSvg(await modelOf(everyLane));
        expect(a).toBe(b);
        const model = await modelOf(everyLane);
        expect(renderSvg(model, { standalone: true })).toBe(renderSvg(structuredClone(model), { standalone: true }));
    });

    test('colours come from --vscode-* variables with fallbacks; fixed colours have no variables', async () => {
        const model = await modelOf(everyLane);
        const svg = renderSvg(model);
        expect(svg).toContain('var(--vscode-editor-foreground, #1f2328)');
        expect(svg).toContain('var(--vscode-editor-background, #ffffff)');
        expect(svg).toContain('@media (prefers-color-scheme: dark)');
        expect(renderSvg(model, { colors: 'fixed' })).not.toContain('var(');
    });

    test('card and step corners come from the stylesheet, or from attributes for rasterisers (fixed colours)', async () => {
        const model = await modelOf(everyLane);
        const themed = renderSvg(model);
        expect(themed).toMatch(/\.jm \.jm-card\{[^}]*rx:4px/);
        expect(themed).toMatch(/\.jm \.jm-step\{[^}]*rx:4px/);
        expect(themed).toMatch(/<rect width="198" height="\d+" class="jm-card"\/>/);
        expect(themed).not.toMatch(/rx="4" class="jm-(card|step)"/);
        const fixed = renderSvg(model, { colors: 'fixed' });
        expect(fixed).not.toContain('rx:4px');
        const frames = fixed.match(/<rect [^>]*class="jm-(card|step)"\/>/g)!;
        expect(frames.length).toBeGreaterThan(10);
        expect(frames.filter(f => !f.includes(' rx="4"'))).toEqual([]);
    });

    test('a metric bar is drawn against its target: track, value at 80% of the track for the target, mark', async () => {
        const model = await modelOf(everyLane);
        const card = /data-id="find\/browse\/metric#0"[^>]*>(.*?)<\/g>/.exec(renderSvg(model))![1];
        // conversion 0.031 against 0.05: the value bar is 0.62 * 80% of the 184-wide track, less its round caps.
        expect(card).toContain('<path d="M10 43h178" class="jm-bar"/>');
        expect(card).toContain(`<path d="M10 43h${Math.round((184 * 0.8 * (0.031 / 0.05) - 6) * 100) / 100}" class="jm-bar-below"/>`);
        expect(card).toContain('<path d="M154.2 38v10" class="jm-target"/>');
    });

    test('rows laid out once per value (badges, metrics, meta rows) still give every card its own tooltip', async () => {
        const longChannel = 'A customer portal whose name is far too long for one badge';
        const longTeam = 'Customer operations and support for the whole northern region';
        const longId = 'a-barrier-id-that-is-much-too-long-for-the-meta-row-of-its-card';
        const steps = ['one', 'two'].map(id => `    step ${id} "${id}" {
      touchpoint portal "Screen"
      barrier ${longId}-${id} "Stuck" severity high
      frontstage "Greets" owner ops
      metric CSAT 4.2 target 4.5
    }`).join('\n');
        const svg = renderSvg(await modelOf(`channel portal "${longChannel}"\nteam ops "${longTeam}"\n`
            + `journey j "J" {\n  stage s "S" {\n${steps}\n  }\n}\n`));
        const card = (key: string) => new RegExp(`data-id="s/${key}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)![1];
        for (const id of ['one', 'two']) {
            expect(card(`${id}/touchpoint#0`)).toContain(`<title>${longChannel}\nScreen</title>`);
            expect(card(`${id}/barrier:${longId}-${id}`)).toContain(`<title>Stuck\nSeverity: high \u00B7 ${longId}-${id}</title>`);
            expect(card(`${id}/frontstage#0`)).toContain(`<title>Greets\nOwner: ${longTeam}</title>`);
            expect(card(`${id}/metric#0`)).toContain('>Target 4.5 \u00B7 0.3 below</text>');
        }
        expect(card('one/metric#0')).toBe(card('two/metric#0'));
        expect(card('one/touchpoint#0')).toBe(card('two/touchpoint#0'));
    });

    test('standalone output has an XML prolog and a background; inline output neither', async () => {
        const model = await modelOf(everyLane);
        const standalone = renderSvg(model, { standalone: true });
        expect(standalone.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(standalone).toContain('class="jm-bg"');
        const inline = renderSvg(model);
        expect(inline.startsWith('<svg ')).toBe(true);
        expect(inline).not.toContain('class="jm-bg"');
    });

    test('renders every example without error and well formed', async () => {
        for (const [name, model] of Object.entries(await exampleModels())) {
            const svg = renderSvg(model, { standalone: true });
            expect(wellFormed(svg), name).toEqual([]);
            expect(svg, name).toContain(`>${model.stages[0].label}<`);
        }
    });

    test('an empty journey renders', async () => {
        const svg = renderSvg(await modelOf('journey j'));
        expect(wellFormed(svg)).toEqual([]);
        expect(svg).toContain('>j<');
    });
});

describe('renderSvg: hostile and unusual text', () => {
    const hostile = [
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        "'><svg onload=alert(1)>",
        'javascript:alert(1)',
        '</text><a href="javascript:alert(1)">x</a>',
        '&amp; &lt; & ]]> <![CDATA[ x ]]>',
    ];
    const map = (text: string) => `
persona p ${JSON.stringify(text)} { role ${JSON.stringify(text)} }
channel c ${JSON.stringify(text)}
team t ${JSON.stringify(text)}
journey j ${JSON.stringify(text)} {
  for p
  goal ${JSON.stringify(text)}
  description ${JSON.stringify(text)}
  stage s ${JSON.stringify(text)} {
    step a ${JSON.stringify(text)} {
      action ${JSON.stringify(text)}
      touchpoint c ${JSON.stringify(text)}
      thought ${JSON.stringify(text)}
      emotion 1 ${JSON.stringify(text)}
      barrier b ${JSON.stringify(text)}
      opportunity o ${JSON.stringify(text)} fixes b owner t
      question ${JSON.stringify(text)}
      frontstage ${JSON.stringify(text)} owner t
      backstage ${JSON.stringify(text)}
      support ${JSON.stringify(text)}
      evidence ${JSON.stringify(text)}
    }
  }
}`;

    test.each(hostile)('escapes %s everywhere', async text => {
        const model = await modelOf(map(text));
        for (const svg of [renderSvg(model, { standalone: true }), renderHtml(model)]) {
            expect(wellFormed(svg.replace(/^[\s\S]*?(<svg )/, '$1').replace(/<\/svg>[\s\S]*$/, '</svg>'))).toEqual([]);
            // Only the renderer's own tags: user text never opens one (it is escaped).
            const tags = svg.match(/<[^>]*>/g)!;
            expect(tags.filter(t => /^<\/?(script|img|a|iframe|foreignObject|object|embed)[\s>/]/i.test(t))).toEqual([]);
            const attrs = tags.flatMap(t => [...t.matchAll(/\s([\w:-]+)="([^"]*)"/g)].map(m => ({ name: m[1], value: m[2] })));
            expect(attrs.filter(a => /^on/i.test(a.name))).toEqual([]);
            expect(attrs.filter(a => /href|src|action|formaction/i.test(a.name))).toEqual([]);
            expect(attrs.filter(a => /javascript:/i.test(a.value) && !['aria-label', 'data-id', 'data-for', 'data-from'].includes(a.name))).toEqual([]);
            expect(svg).not.toContain('<![CDATA[');
            expect(svg).toContain(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
        }
    });

    test('keeps right-to-left, CJK and emoji text whole and marks right-to-left lines', async () => {
        const texts = ['\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD', '\u0645\u0631\u062D\u0628\u0627', '\u7528\u6237\u65C5\u7A0B', '\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDDEB\uD83C\uDDF7 \uD83D\uDC4D\uD83C\uDFFD'];
        const model = await modelOf(`journey j { stage s { step a {\n${texts.map(t => `action ${JSON.stringify(t)}`).join('\n')}\n} } }`);
        const svg = renderSvg(model);
        for (const t of texts) expect(svg).toMatch(new RegExp(`>(&#x202B;)?${t}(&#x202C;)?</text>`));
        expect(svg).toMatch(/text-anchor="end">&#x202B;\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD&#x202C;</);
        expect(svg).toMatch(/text-anchor="end">&#x202B;\u0645\u0631\u062D\u0628\u0627&#x202C;</);
        expect(svg).toContain('>\u7528\u6237\u65C5\u7A0B</text>');
    });

    test('long text is cut with an ellipsis and kept whole in a <title>', async () => {
        const long = 'This barrier is described at great length, '.repeat(8).trim();
        const svg = renderSvg(await modelOf(`journey j { stage s { step a { barrier ${JSON.stringify(long)} } } }`));
        expect(svg).toContain('\u2026</text>');
        expect(svg).toContain(`<title>${long}\nSeverity: not rated</title>`);
    });

    test('long runs of emoji and CJK wrap without splitting a character', async () => {
        const emoji = '\uD83D\uDE00'.repeat(60) + '\uD83D\uDC69\u200D\uD83D\uDCBB'.repeat(20);
        const cjk = '\u65C5'.repeat(150);
        const svg = renderSvg(await modelOf(`journey j { stage s { step a { action "${emoji}" thought "${cjk}" } } }`));
        expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(svg).not.toMatch(/\u200D</);
        expect(svg.match(/<text[^>]*>\uD83D\uDE00/g)!.length).toBeGreaterThan(2);
    });

    test('control characters and lone surrogates never reach the output', async () => {
        const model = await modelOf('journey j { stage s { step a { action "x" } } }');
        model.stages[0].steps[0].actions[0] = 'bell\u0007 lone\uD800 end';
        const svg = renderSvg(model);
        expect(svg).toContain('bell\uFFFD lone\uFFFD end');
    });
});

describe('renderSvg: purity', () => {
    test('src/render imports nothing from Node, the DOM, vscode or Langium', () => {
        const dir = path.resolve(__dirname, '..', 'src', 'render');
        for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.ts'))) {
            const source = fs.readFileSync(path.join(dir, file), 'utf8');
            const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map(m => m[1]);
            for (const spec of imports) expect(spec.startsWith('./') || spec === '../model/types.js', `${file}: ${spec}`).toBe(true);
            expect(source, file).not.toMatch(/\b(document|window|globalThis|process|require)\b[.(]/);
        }
    });
});
