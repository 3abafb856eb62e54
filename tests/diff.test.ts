import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diffMaps } from '../src/model/diff.js';
import { renderSvg } from '../src/render/index.js';
import { diffTexts, line, lines, modelOf } from './diff-helpers.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/diff/${name}`, 'utf8');

/** A small map; `parts` replaces named pieces of it. */
function map(parts: Partial<Record<'head' | 'a1' | 'a2' | 'b', string>> = {}): string {
    return [
        'persona dana "Dana"',
        'persona eli "Eli"',
        'team ops "Ops"',
        'journey j "J" {',
        parts.head ?? '  for dana, eli',
        '  stage a "A" {',
        '    step a1 "A one" {',
        parts.a1 ?? '      emotion 1 for dana\n      emotion -1 for eli',
        '    }',
        '    step a2 "A two" {',
        parts.a2 ?? '      emotion 0',
        '    }',
        '  }',
        '  stage b "B" {',
        parts.b ?? '    step b1 "B one" {\n      emotion 0\n    }',
        '  }',
        '}',
    ].join('\n');
}

describe('diffMaps on a map that changed in every way', () => {
    test('reports each change, matched by id and content', async () => {
        const diff = await diffTexts(fixture('before.journey'), fixture('after.journey'));
        expect(lines(diff)).toEqual([
            'changed journey phone-switch @ title: "Switching phones" -> "Switching to cloud phones"',
            'changed journey phone-switch @ state: "current" -> "future"',
            'changed journey phone-switch @ description: null -> "After the rollout"',
            'changed journey phone-switch @ personas: ["dana","eli","fay"] -> ["dana","eli","gus"]',
            'changed persona dana @ label: "Dana, operations manager" -> "Dana, ops manager"',
            'changed persona dana @ needs: [] -> ["Keep numbers"]',
            'added persona gus @: null -> "Gus, new hire"',
            'removed persona fay @: "Fay, finance" -> null',
            'added channel chatbot @: null -> "Chat bot"',
            'removed channel kiosk @: "Lobby kiosk" -> null',
            'changed team onboarding @ label: "Onboarding" -> "Onboarding team"',
            'added team support-team @: null -> "Support"',
            'removed team legacy @: "Legacy team" -> null',
            'changed emotion dana @need/missed score [dana]: -2 -> 0',
            'changed emotion dana @need/missed label [dana]: "frustrated" -> "calm"',
            'added action Checks the missed-call report @need/missed: null -> "Checks the missed-call report"',
            'removed action Checks the call log @need/missed: "Checks the call log" -> null',
            'changed touchpoint Desk phone call log @need/missed channel: "phone" -> "app"',
            'changed barrier Nobody owns the phones @need/missed severity: null -> "low"',
            'added question Who reads the report? @need/missed: null -> "Who reads the report?"',
            'removed question Who reads the log? @need/missed: "Who reads the log?" -> null',
            'changed metric NPS @need/missed value: 12 -> 25',
            'added evidence Survey Q3 @need/missed: null -> "Survey Q3"',
            'added next compare @need/missed: null -> "compare"',
            'removed barrier no-visibility @need/missed: {"text":"No missed-call report","severity":"medium"} -> null',
            'moved step compare @need/compare stage: "evaluate" -> "need"',
            'added touchpoint Chat bot @need/asks: null -> {"channel":"chatbot","text":"Chat bot"}',
            'removed touchpoint Lobby kiosk @need/asks: {"channel":"kiosk","text":"Lobby kiosk"} -> null',
            'moved step trial @evaluate/trial position: 3 -> 1',
            'changed step demo @evaluate/demo label: "Joins a demo" -> "Joins a live demo"',
            'changed frontstage Rep tailors the demo @evaluate/demo owner: "sales" -> "onboarding"',
            'added support CRM and dialler @evaluate/demo: null -> {"text":"CRM and dialler"}',
            'removed support CRM @evaluate/demo: {"text":"CRM"} -> null',
            'moved barrier porting-delay @evaluate/demo step: "onboard/port" -> "evaluate/demo"',
            'changed barrier porting-delay @evaluate/demo text: "Porting takes ten days" -> "Porting takes two days"',
            'changed barrier porting-delay @evaluate/demo severity: "high" -> "low"',
            'changed opportunity faster-demo @evaluate/demo impact: "low" -> "high"',
            'changed emotion dana @onboard/port score [dana]: -1 -> 1',
            'changed emotion dana @onboard/port label [dana]: "anxious" -> "relieved"',
            'changed emotion eli @onboard/port score [eli]: -1 -> 1',
            'changed emotion eli @onboard/port label [eli]: "anxious" -> "relieved"',
            'added next trial @onboard/port: null -> "trial"',
            'removed next demo @onboard/port: "demo" -> null',
            'added opportunity status-page @onboard/port: null -> {"text":"Porting status page","fixes":[],"impact":"medium","effort":"low","owner":"support-team"}',
            'removed opportunity self-port @onboard/port: {"text":"Self-serve porting","fixes":["porting-delay"],"impact":"high","effort":"medium","owner":"onboarding"} -> null',
            'added step welcome @onboard/welcome: null -> "Welcome call"',
            'added barrier new-barrier @onboard/welcome: null -> {"text":"Calendar is full"}',
            'removed step legacy-step @onboard/legacy-step: "Old setup call" -> null',
            'changed emotion dana @advocate score [dana]: 2 -> 1',
            'changed emotion dana @advocate label [dana]: "proud" -> "content"',
            'changed emotion eli @advocate score [eli]: 2 -> 1',
            'changed emotion eli @advocate label [eli]: "proud" -> "content"',
            'added metric NPS @advocate: null -> {"name":"NPS","value":48}',
            'added stage renew @renew: null -> "Renewal"',
            'added emotion dana @renew [dana]: null -> {"score":0}',
            'added emotion eli @renew [eli]: null -> {"score":0}',
            'added touchpoint Renewal notice @renew: null -> {"channel":"email","text":"Renewal notice"}',
            'removed stage retired @retired: "Retired stage" -> null',
            'removed step gone @retired/gone: "A step that goes" -> null',
            'removed barrier old-barrier @retired/gone: {"text":"Old barrier"} -> null',
        ]);
        expect(diff.summary).toEqual({ added: 18, removed: 14, changed: 25, moved: 3 });
    });

    test('a map compared with itself has no changes', async () => {
        const diff = await diffTexts(fixture('after.journey'), fixture('after.journey'));
        expect(diff.changes).toEqual([]);
        expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 0 });
    });

    test('the highlight keys name elements the renderer draws', async () => {
        const after = await modelOf(fixture('after.journey'));
        const diff = diffMaps(await modelOf(fixture('before.journey')), after);
        const svg = renderSvg(after!, { highlight: diff.highlight });
        expect(diff.highlight.added).toContain('need/missed/next:compare');
        const drawn = new Set([...svg.matchAll(/data-id="([^"]*)"/g)].map(m => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')));
        const missing = [...diff.highlight.added, ...diff.highlight.changed].filter(key => !drawn.has(key) && !key.startsWith('persona:'));
        expect(missing).toEqual([]);
        expect(diff.highlight.added).toContain('onboard/welcome');
        expect(diff.highlight.changed).toContain('need/missed/emotion:dana');
        expect(diff.highlight.changed).toContain('evaluate/demo/barrier:porting-delay');
    });
});

describe('matching by id, never by position', () => {
    test('reordering facts inside a step is no change', async () => {
        const a1 = '      action "one"\n      action "two"\n      touchpoint web "x"\n      emotion 1';
        const reordered = '      touchpoint web "x"\n      emotion 1\n      action "two"\n      action "one"';
        expect((await diffTexts(map({ a1 }), map({ a1: reordered }))).changes).toEqual([]);
    });

    test('a step inserted at the front is one addition, not a change to every step', async () => {
        const before = map();
        const after = before.replace('    step a1 "A one" {', '    step a0 "A zero" {\n      emotion 0\n    }\n    step a1 "A one" {');
        expect(lines(await diffTexts(before, after))).toEqual(['added step a0 @a/a0: null -> "A zero"']);
    });

    test('a step moved to another stage is moved (not removed and added), with its changes', async () => {
        const before = map({ b: '    step b1 "B one" {\n      emotion 0\n    }\n    step b2 "B two" {\n      emotion 2\n    }' });
        const after = map({ a2: '      emotion 0\n    }\n    step b2 "B two, now in A" {\n      emotion 1' });
        expect(lines(await diffTexts(before, after))).toEqual([
            'moved step b2 @a/b2 stage: "b" -> "a"',
            'changed step b2 @a/b2 label: "B two" -> "B two, now in A"',
            'changed emotion dana @a/b2 score [dana]: 2 -> 1',
            'changed emotion eli @a/b2 score [eli]: 2 -> 1',
        ]);
    });

    test('a stage moved before another is moved, once', async () => {
        const before = map();
        const b = before.slice(before.indexOf('  stage b'), before.lastIndexOf('}'));
        const after = before.replace(b, '').replace('  stage a "A"', `${b}  stage a "A"`);
        expect(lines(await diffTexts(before, after))).toEqual(['moved stage b @b position: 2 -> 1']);
    });

    test('a step dragged within its stage is one move', async () => {
        const before = map({ b: '    step b1 "1" {\n    }\n    step b2 "2" {\n    }\n    step b3 "3" {\n    }\n    step b4 "4" {\n    }' });
        const after = map({ b: '    step b2 "2" {\n    }\n    step b3 "3" {\n    }\n    step b4 "4" {\n    }\n    step b1 "1" {\n    }' });
        expect(lines(await diffTexts(before, after))).toEqual(['moved step b1 @b/b1 position: 1 -> 4']);
    });

    test('a renamed step id is a removal and an addition', async () => {
        const after = map().replace('step a2 "A two"', 'step a-two "A two"');
        expect(lines(await diffTexts(map(), after))).toEqual([
            'added step a-two @a/a-two: null -> "A two"',
            'removed step a2 @a/a2: "A two" -> null',
        ]);
    });
});

describe('emotions per persona', () => {
    test('each persona is compared on its own, with scores before and after', async () => {
        const after = map({ a1: '      emotion 1 for dana\n      emotion 2 "glad" for eli' });
        expect(lines(await diffTexts(map(), after))).toEqual([
            'changed emotion eli @a/a1 score [eli]: -1 -> 2',
            'changed emotion eli @a/a1 label [eli]: null -> "glad"',
        ]);
    });

    test('a general emotion split into per-persona ones changes only the persona whose score moved', async () => {
        const after = map({ a2: '      emotion 0 for dana\n      emotion -2 for eli' });
        expect(lines(await diffTexts(map(), after))).toEqual(['changed emotion eli @a/a2 score [eli]: 0 -> -2']);
    });

    test('an emotion added or removed for one persona', async () => {
        const after = map({ a1: '      emotion 1 for dana' });
        expect(lines(await diffTexts(map(), after))).toEqual(['removed emotion eli @a/a1 [eli]: {"score":-1} -> null']);
        expect(lines(await diffTexts(after, map()))).toEqual(['added emotion eli @a/a1 [eli]: null -> {"score":-1}']);
    });

    test('in a journey that follows no persona the emotion has an empty persona', async () => {
        const before = map({ head: '' });
        const after = map({ head: '', a2: '      emotion -2' });
        expect(lines(await diffTexts(before, after))).toEqual(['changed emotion  @a/a2 score []: 0 -> -2']);
    });
});

describe('facts without ids are matched by kind and content within their step', () => {
    const base = [
        '      emotion 0',
        '      action "Act"',
        '      thought "Think"',
        '      question "Ask"',
        '      evidence "Proof"',
        '      touchpoint web "Page"',
        '      frontstage "Front" owner ops',
        '      backstage "Back"',
        '      support "Sys"',
        '      metric CSAT 4 target 5',
        '      barrier "Slow"',
        '      opportunity "Faster" impact low',
        '      next b1',
    ].join('\n');

    test('every kind added and removed', async () => {
        const added = await diffTexts(map({ a2: '      emotion 0' }), map({ a2: base }));
        // The team is new to the map: `owner ops` is its first use (built-in channels are never listed).
        expect(added.changes.map(c => `${c.kind} ${c.element} ${c.id} @${c.path}`)).toEqual([
            'added team ops @',
            'added action Act @a/a2',
            'added touchpoint Page @a/a2',
            'added thought Think @a/a2',
            'added barrier Slow @a/a2',
            'added opportunity Faster @a/a2',
            'added question Ask @a/a2',
            'added frontstage Front @a/a2',
            'added backstage Back @a/a2',
            'added support Sys @a/a2',
            'added metric CSAT @a/a2',
            'added evidence Proof @a/a2',
            'added next b1 @a/a2',
        ]);
        const removed = await diffTexts(map({ a2: base }), map({ a2: '      emotion 0' }));
        expect(removed.changes.map(c => c.kind)).toEqual(Array(13).fill('removed'));
        expect(removed.changes.map(c => c.element)).toEqual(added.changes.map(c => c.element));
    });

    test('fields of a fact that kept its identity are reported as changed', async () => {
        const changed = base
            .replace('touchpoint web "Page"', 'touchpoint web "Landing page"')
            .replace('frontstage "Front" owner ops', 'frontstage "Front"')
            .replace('metric CSAT 4 target 5', 'metric CSAT 4.5 target 4.8')
            .replace('barrier "Slow"', 'barrier "Slow" severity high')
            .replace('opportunity "Faster" impact low', 'opportunity "Faster" impact high effort low owner ops');
        expect(lines(await diffTexts(map({ a2: base }), map({ a2: changed })))).toEqual([
            'changed touchpoint Landing page @a/a2 text: "Page" -> "Landing page"',
            'changed barrier Slow @a/a2 severity: null -> "high"',
            'changed opportunity Faster @a/a2 impact: "low" -> "high"',
            'changed opportunity Faster @a/a2 effort: null -> "low"',
            'changed opportunity Faster @a/a2 owner: null -> "ops"',
            'changed frontstage Front @a/a2 owner: "ops" -> null',
            'changed metric CSAT @a/a2 value: 4 -> 4.5',
            'changed metric CSAT @a/a2 target: 5 -> 4.8',
        ]);
    });

    test('the same text in another step is a removal there and an addition here', async () => {
        const before = map({ a1: '      emotion 0\n      action "Moves"' });
        const after = map({ a1: '      emotion 0', a2: '      emotion 0\n      action "Moves"' });
        expect(lines(await diffTexts(before, after))).toEqual([
            'removed action Moves @a/a1: "Moves" -> null',
            'added action Moves @a/a2: null -> "Moves"',
        ]);
    });

    test('duplicates count: a second copy of an action is one addition', async () => {
        const before = map({ a2: '      emotion 0\n      action "Again"' });
        const after = map({ a2: '      emotion 0\n      action "Again"\n      action "Again"' });
        expect(lines(await diffTexts(before, after))).toEqual(['added action Again @a/a2: null -> "Again"']);
    });
});

describe('barriers and opportunities with ids', () => {
    test('matched across the journey: a barrier moved to another step is moved', async () => {
        const before = map({ a1: '      emotion 0\n      barrier slow "Slow"\n      opportunity fast "Fast" fixes slow' });
        const after = map({ a1: '      emotion 0', b: '    step b1 "B one" {\n      emotion 0\n      barrier slow "Slow" severity low\n      opportunity fast "Fast" fixes slow owner ops\n    }' });
        expect(lines(await diffTexts(before, after))).toEqual([
            'added team ops @: null -> "Ops"',
            'moved barrier slow @b/b1 step: "a/a1" -> "b/b1"',
            'changed barrier slow @b/b1 severity: null -> "low"',
            'moved opportunity fast @b/b1 step: "a/a1" -> "b/b1"',
            'changed opportunity fast @b/b1 owner: null -> "ops"',
        ]);
    });

    test('a resolved barrier is removed where it was; its fixes change on the opportunity', async () => {
        const before = map({ a1: '      emotion 0\n      barrier slow "Slow"\n      barrier cold "Cold"\n      opportunity fast "Fast" fixes slow, cold' });
        const after = map({ a1: '      emotion 0\n      barrier cold "Cold"\n      opportunity fast "Fast" fixes cold' });
        const result = lines(await diffTexts(before, after)).filter(l => !l.includes('emotion'));
        expect(result).toEqual([
            'changed opportunity fast @a/a1 fixes: ["slow","cold"] -> ["cold"]',
            'removed barrier slow @a/a1: {"text":"Slow"} -> null',
        ]);
    });
});

describe('the journey, declarations and stages', () => {
    test('state, goal and the personas followed', async () => {
        const after = map({ head: '  for dana\n  state future\n  goal "Better"', a1: '      emotion 1 for dana' });
        const result = lines(await diffTexts(map(), after));
        expect(result.slice(0, 3)).toEqual([
            'changed journey j @ state: "current" -> "future"',
            'changed journey j @ goal: null -> "Better"',
            'changed journey j @ personas: ["dana","eli"] -> ["dana"]',
        ]);
        expect(result).toContain('removed persona eli @: "Eli" -> null');
        // eli's emotions go with eli: not listed step by step.
        expect(result.filter(l => l.includes('emotion'))).toEqual([]);
    });

    test('a renamed journey is removed and added', async () => {
        const after = map().replace('journey j "J"', 'journey k "J"');
        expect(lines(await diffTexts(map(), after))).toEqual([
            'removed journey j @: "J" -> null',
            'added journey k @: null -> "J"',
        ]);
    });

    test('a file that gains or loses its journey', async () => {
        const library = 'persona dana "Dana"\n';
        const added = lines(await diffTexts(library, map()));
        expect(added.slice(0, 3)).toEqual(['added journey j @: null -> "J"', 'added persona dana @: null -> "Dana"', 'added persona eli @: null -> "Eli"']);
        expect(added).toContain('added stage a @a: null -> "A"');
        expect(added).toContain('added step a1 @a/a1: null -> "A one"');
        const removed = lines(await diffTexts(map(), library));
        expect(removed[0]).toBe('removed journey j @: "J" -> null');
        expect(removed).toContain('removed step b1 @b/b1: "B one" -> null');
        expect(diffMaps(undefined, undefined).changes).toEqual([]);
    });

    test('labels of personas, channels, teams and stages', async () => {
        const before = map({ a2: '      emotion 0\n      touchpoint kiosk "K"\n      frontstage "F" owner ops' }).replace('journey j', 'channel kiosk "Kiosk"\njourney j');
        const after = before.replace('"Kiosk"', '"Lobby kiosk"').replace('team ops "Ops"', 'team ops "Operations"')
            .replace('persona dana "Dana"', 'persona dana "Dana K."').replace('stage b "B"', 'stage b "Bee"');
        expect(lines(await diffTexts(before, after))).toEqual([
            'changed persona dana @ label: "Dana" -> "Dana K."',
            'changed channel kiosk @ label: "Kiosk" -> "Lobby kiosk"',
            'changed team ops @ label: "Ops" -> "Operations"',
            'changed stage b @b label: "B" -> "Bee"',
        ]);
    });

    test('a stage that trades its own facts for steps lists the facts it lost', async () => {
        const before = map({ b: '    touchpoint web "Site"\n    emotion 2' });
        const after = map();
        expect(lines(await diffTexts(before, after))).toEqual([
            'added step b1 @b/b1: null -> "B one"',
            'removed emotion dana @b [dana]: {"score":2} -> null',
            'removed emotion eli @b [eli]: {"score":2} -> null',
            'removed touchpoint Site @b: {"channel":"web","text":"Site"} -> null',
        ]);
    });

    test('every change is one of the four kinds, and the summary counts them', async () => {
        const diff = await diffTexts(fixture('before.journey'), fixture('after.journey'));
        for (const change of diff.changes) expect(['added', 'removed', 'changed', 'moved']).toContain(change.kind);
        const count = (kind: string) => diff.changes.filter(c => c.kind === kind).length;
        expect(diff.summary).toEqual({ added: count('added'), removed: count('removed'), changed: count('changed'), moved: count('moved') });
        expect(line(diff.changes[0])).toContain('journey');
    });
});

describe('robustness', () => {
    test('maps with duplicate ids, unknown names and odd scores diff without crashing', async () => {
        const odd = [
            'journey j {',
            '  for ghost',
            '  stage a {',
            '    step s {',
            '      emotion 7',
            '      emotion 1',
            '      barrier b "x"',
            '      next nowhere',
            '    }',
            '    step s {',
            '      barrier b "y"',
            '      opportunity o "z" fixes missing owner nobody',
            '    }',
            '  }',
            '  stage a {',
            '  }',
            '}',
        ].join('\n');
        const diff = await diffTexts(map(), odd);
        expect(diff.changes.length).toBeGreaterThan(0);
        expect((await diffTexts(odd, odd)).changes).toEqual([]);
    });

    test('random deletions of lines never break the diff', async () => {
        const base = fixture('after.journey').split('\n');
        const other = await modelOf(fixture('before.journey'));
        let seed = 7;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
        for (let round = 0; round < 25; round++) {
            const kept = base.filter(() => random() > 0.15);
            const model = await modelOf(kept.join('\n'));
            const there = diffMaps(other, model);
            const back = diffMaps(model, other);
            expect(there.summary.added).toBe(back.summary.removed);
            expect(there.summary.changed).toBe(back.summary.changed);
        }
    });
});
