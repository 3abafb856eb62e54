import { describe, expect, it } from 'vitest';
import { AstUtils } from 'langium';
import type {
    Backstage, Barrier, Emotion, Evidence, Frontstage, Metric, Model, Next, Opportunity, Stage, Step, Support, Touchpoint,
} from '../src/language/generated/ast.js';
import { buildFiles, codesAt } from './helpers.js';

/** Parses and validates one file; fails the test on any syntax error. */
async function parse(text: string, extra: Record<string, string> = {}) {
    const { documents } = await buildFiles({ 'main.journey': text, ...extra });
    const document = documents['main.journey'];
    const syntax = (document.diagnostics ?? []).filter(d => d.code === 'syntax-error');
    expect(syntax.map(d => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    return { model: document.parseResult.value as Model, diagnostics: document.diagnostics ?? [], documents };
}

function journeyOf(model: Model) {
    expect(model.journeys).toHaveLength(1);
    return model.journeys[0];
}

function stepFacts(model: Model, step = 0) {
    return journeyOf(model).stages.flatMap(s => s.steps)[step].facts;
}

/** A journey with one stage and one step holding `facts`, for persona `p` and team `t`. */
function withFacts(facts: string): string {
    return `persona p\nteam t\njourney j {\n  for p\n  stage s {\n    step a {\n${facts}\n    }\n  }\n}\n`;
}

describe('the contract example', () => {
    const example = `// Switching to a cloud phone system: current state.

persona dana "Dana, operations manager" {
  role "Runs office IT for a 40-person firm"
  goal "Customers reach a person on the first ring"
  need "Keep our existing phone numbers"
  frustration "Calls ring out when the front desk is busy"
  quote "Every missed call is a lead we paid for."
}

channel demo "Sales demo call"          // web, email, phone, chat, ... are built in
team onboarding "Onboarding"
team sales "Sales"

journey phone-switch "Switching to a cloud phone system" {
  for dana
  state current
  goal "Find where new accounts stall before their first call"

  stage need "Problem or need" {
    step missed "Notices missed calls" {
      action "Checks the call log after a customer complains"
      touchpoint phone "Desk phone call log"
      thought "How many customers never got through?"
      emotion -2 "frustrated"
      barrier no-visibility "The current system has no missed-call report"
    }
  }

  stage evaluate "Evaluate vendors" {
    step demo "Joins a demo" {
      touchpoint demo "Live demo with a sales rep"
      emotion 1 "reassured"
      frontstage "Rep tailors the demo to the firm's call volume"
      backstage "CRM records the lead's call volume" owner sales
      metric CES 3.2 target 4
    }
  }

  stage onboard "Onboarding" {
    step port "Ports existing numbers" {
      touchpoint email "Porting instructions"
      emotion -1 "anxious"
      barrier porting-delay "Number porting takes ten business days" severity high
      opportunity self-port "Self-serve porting with live status" fixes porting-delay impact high effort medium owner onboarding
      evidence "Support tickets, Q3: 41% mention porting"
      next demo                          // journeys need not be linear
    }
  }

  stage advocate "Advocacy" {          // a stage with no steps holds its facts itself
    touchpoint review "Leaves a review"
    emotion 2 "proud"
    metric NPS 48
  }
}
`;

    it('parses, links and reports only the expected infos', async () => {
        const { model, diagnostics } = await parse(example);
        // The only finding: the barrier that no opportunity fixes (emotions -2, 1, -1, 2 never fall by 3).
        expect(codesAt(diagnostics)).toEqual(['unaddressed-barrier@26']);
        const journey = journeyOf(model);
        expect(journey.name).toBe('phone-switch');
        expect(journey.title).toBe('Switching to a cloud phone system');
        expect(journey.state).toBe('current');
        expect(journey.goal).toBe('Find where new accounts stall before their first call');
        expect(journey.personas.map(p => p.ref?.name)).toEqual(['dana']);
        expect(journey.stages.map(s => s.name)).toEqual(['need', 'evaluate', 'onboard', 'advocate']);
        expect(journey.stages[3].steps).toHaveLength(0);
        expect(journey.stages[3].facts.map(f => f.$type)).toEqual(['Touchpoint', 'Emotion', 'Metric']);
        const persona = model.declarations.find(d => d.$type === 'Persona');
        expect(persona && 'facts' in persona ? persona.facts.map(f => f.kind) : []).toEqual(['role', 'goal', 'need', 'frustration', 'quote']);
        const next = journey.stages[2].steps[0].facts.find(f => f.$type === 'Next') as Next;
        expect(next.step.ref?.name).toBe('demo');
        expect(next.step.ref?.$container).toBe(journey.stages[1]);
    });
});

describe('declarations', () => {
    it('persona with every kind of fact, repeatable, label optional, braces optional', async () => {
        const { model } = await parse(`persona a "Ann" {
  role "r"
  goal "g1"
  goal "g2"
  need "n"
  motivation "m"
  frustration "f"
  quote "q"
}
persona b
persona c "C"
persona d { }
`);
        const [a, b, c, d] = model.declarations;
        expect(a).toMatchObject({ $type: 'Persona', name: 'a', label: 'Ann' });
        expect('facts' in a && a.facts.map(f => [f.kind, f.text])).toEqual([
            ['role', 'r'], ['goal', 'g1'], ['goal', 'g2'], ['need', 'n'], ['motivation', 'm'], ['frustration', 'f'], ['quote', 'q'],
        ]);
        expect(b.name).toBe('b');
        expect(b.label).toBeUndefined();
        expect(c).toMatchObject({ name: 'c', label: 'C' });
        expect(d).toMatchObject({ name: 'd' });
    });

    it('channels and teams with and without labels, in any order around the journey', async () => {
        const { model, diagnostics } = await parse(`journey j { for p stage s { touchpoint kiosk emotion 0 frontstage "x" owner t2 } }
channel kiosk "In-store kiosk"
persona p
team t1 "One"
team t2
channel hotline
`);
        expect(model.declarations.map(d => `${d.$type}:${d.name}:${d.label ?? ''}`)).toEqual([
            'Channel:kiosk:In-store kiosk', 'Persona:p:', 'Team:t1:One', 'Team:t2:', 'Channel:hotline:',
        ]);
        // A journey may use declarations written below it.
        expect(diagnostics.filter(d => d.code === 'unresolved-reference')).toEqual([]);
        expect(codesAt(diagnostics)).toEqual(['unused-declaration@4', 'unused-declaration@6']);
    });

    it('a file with no journey is a library', async () => {
        const { model, diagnostics } = await parse('persona p\nchannel c\nteam t\n');
        expect(model.journeys).toEqual([]);
        expect(codesAt(diagnostics)).toEqual(['unused-declaration@1', 'unused-declaration@2', 'unused-declaration@3']);
    });

    it('journey header: for (several), state, goal, description in any order; title optional', async () => {
        const { model } = await parse(`persona p
persona q
journey j {
  description "d"
  state future
  for p, q
  goal "g"
  stage s { touchpoint web emotion 1 }
}`);
        const journey = journeyOf(model);
        expect(journey).toMatchObject({ name: 'j', state: 'future', goal: 'g', description: 'd' });
        expect(journey.title).toBeUndefined();
        expect(journey.personas.map(p => p.ref?.name)).toEqual(['p', 'q']);
    });

    it('state defaults to nothing written (current by convention) and accepts current', async () => {
        const { model } = await parse('persona p\njourney j { for p state current stage s { touchpoint web emotion 0 } }');
        expect(journeyOf(model).state).toBe('current');
        const { model: plain } = await parse('persona p\njourney j { for p stage s { touchpoint web emotion 0 } }');
        expect(journeyOf(plain).state).toBeUndefined();
    });

    it('stages and steps keep the order written, labels optional', async () => {
        const { model } = await parse(`persona p
journey j { for p
  stage b "Bee" { step y { touchpoint web emotion 0 } step x "Ex" { touchpoint web emotion 0 } }
  stage a { touchpoint web emotion 0 }
}`);
        const journey = journeyOf(model);
        expect(journey.stages.map(s => [s.name, s.label])).toEqual([['b', 'Bee'], ['a', undefined]]);
        expect(journey.stages[0].steps.map(s => [s.name, s.label])).toEqual([['y', undefined], ['x', 'Ex']]);
    });
});

describe('facts', () => {
    it('every fact, in its plainest form', async () => {
        const { model, diagnostics } = await parse(withFacts(`
      action "a"
      touchpoint web
      thought "t"
      emotion 0
      barrier "b"
      opportunity "o" owner t
      question "q"
      frontstage "f"
      backstage "bk"
      support "s"
      metric NPS 40
      evidence "e"
      next a`));
        expect(stepFacts(model).map(f => f.$type)).toEqual([
            'Action', 'Touchpoint', 'Thought', 'Emotion', 'Barrier', 'Opportunity', 'Question',
            'Frontstage', 'Backstage', 'Support', 'Metric', 'Evidence', 'Next',
        ]);
        expect(diagnostics.filter(d => d.severity === 1 || d.severity === 2)).toEqual([]);
    });

    it('every fact with all its parts', async () => {
        const { model } = await parse(withFacts(`
      touchpoint web "Pricing page"
      emotion +1 "pleased" for p
      barrier slow "It is slow" severity medium
      opportunity fast "Make it fast" fixes slow impact high effort low owner t
      frontstage "f" owner t
      backstage "bk" owner t
      support "s" owner t
      metric CES 3.2 target 4`));
        const [touchpoint, emotion, barrier, opportunity, front, back, support, metric] = stepFacts(model) as [
            Touchpoint, Emotion, Barrier, Opportunity, Frontstage, Backstage, Support, Metric,
        ];
        expect(touchpoint.channel.ref?.name).toBe('web');
        expect(touchpoint.text).toBe('Pricing page');
        expect(emotion).toMatchObject({ score: 1, label: 'pleased' });
        expect(emotion.persona?.ref?.name).toBe('p');
        expect(barrier).toMatchObject({ name: 'slow', text: 'It is slow', severity: 'medium' });
        expect(opportunity).toMatchObject({ name: 'fast', text: 'Make it fast', impact: 'high', effort: 'low' });
        expect(opportunity.fixes.map(f => f.ref)).toEqual([barrier]);
        expect(opportunity.owner?.ref?.name).toBe('t');
        for (const lane of [front, back, support]) expect(lane.owner?.ref?.name).toBe('t');
        expect(metric).toMatchObject({ name: 'CES', value: 3.2, target: 4 });
    });

    it('opportunity modifiers in any order; fixes takes a list', async () => {
        const orders = [
            'fixes b1, b2 impact high effort low owner t',
            'owner t effort low impact high fixes b1, b2',
            'impact high owner t fixes b1,b2 effort low',
            'effort low fixes b1 ,b2 owner t impact high',
        ];
        for (const modifiers of orders) {
            const { model, diagnostics } = await parse(withFacts(`barrier b1 "x"\nbarrier b2 "y"\nopportunity o "z" ${modifiers}`));
            const opportunity = stepFacts(model)[2] as Opportunity;
            expect(opportunity.fixes.map(f => f.ref?.name)).toEqual(['b1', 'b2']);
            expect(opportunity).toMatchObject({ impact: 'high', effort: 'low' });
            expect(opportunity.owner?.ref?.name).toBe('t');
            expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        }
    });

    it('emotion and barrier modifiers in any order', async () => {
        const { model } = await parse(withFacts('emotion -1 for p\nbarrier "x" severity low\nmetric conversion 0.031 target 0.05'));
        const [emotion, barrier, metric] = stepFacts(model) as [Emotion, Barrier, Metric];
        expect(emotion.score).toBe(-1);
        expect(emotion.persona?.ref?.name).toBe('p');
        expect(barrier.severity).toBe('low');
        expect(metric).toMatchObject({ value: 0.031, target: 0.05 });
    });

    it('ids and labels come first: a barrier and an opportunity without id', async () => {
        const { model } = await parse(withFacts('barrier "no id" severity high\nopportunity "no id either" impact low'));
        const [barrier, opportunity] = stepFacts(model) as [Barrier, Opportunity];
        expect(barrier.name).toBeUndefined();
        expect(barrier.text).toBe('no id');
        expect(opportunity.name).toBeUndefined();
    });

    it('every level of severity, impact and effort', async () => {
        for (const level of ['low', 'medium', 'high']) {
            const { model } = await parse(withFacts(`barrier b "x" severity ${level}\nopportunity "y" impact ${level} effort ${level} fixes b owner t`));
            const [barrier, opportunity] = stepFacts(model) as [Barrier, Opportunity];
            expect(barrier.severity).toBe(level);
            expect(opportunity.impact).toBe(level);
            expect(opportunity.effort).toBe(level);
        }
    });

    it('facts may also sit directly in a stage with no steps', async () => {
        const { model } = await parse('persona p\njourney j { for p stage s { action "a" touchpoint web "w" emotion 2 evidence "e" } }');
        const stage = journeyOf(model).stages[0] as Stage;
        expect(stage.steps).toEqual([]);
        expect(stage.facts.map(f => f.$type)).toEqual(['Action', 'Touchpoint', 'Emotion', 'Evidence']);
    });

    it('line breaks mean nothing: many facts on one line, one fact over several lines', async () => {
        const { model } = await parse('persona p journey j { for p stage s { step a { touchpoint\nweb\n"w" emotion\n-1 action "x" } } }');
        expect(stepFacts(model).map(f => f.$type)).toEqual(['Touchpoint', 'Emotion', 'Action']);
    });
});

describe('values', () => {
    it('signed and decimal numbers', async () => {
        const { model } = await parse(withFacts('emotion +1\nmetric a -20\nmetric b 3.2 target +4\nmetric c 0.031 target -0.5\nmetric d 0'));
        const [emotion, ...metrics] = stepFacts(model) as [Emotion, ...Metric[]];
        expect(emotion.score).toBe(1);
        expect(metrics.map(m => [m.value, m.target])).toEqual([[-20, undefined], [3.2, 4], [0.031, -0.5], [0, undefined]]);
    });

    it('emotion scores -2..+2 with or without a plus sign', async () => {
        for (const [text, score] of [['-2', -2], ['-1', -1], ['0', 0], ['1', 1], ['+1', 1], ['2', 2], ['+2', 2]] as const) {
            const { model, diagnostics } = await parse(withFacts(`touchpoint web\nemotion ${text}`));
            expect((stepFacts(model)[1] as Emotion).score).toBe(score);
            expect(codesAt(diagnostics)).toEqual(['unused-declaration@2']); // team t

        }
    });

    it('string escapes \\" and \\\\', async () => {
        const { model } = await parse(withFacts(String.raw`action "She said \"hi\" and left"
thought "a back\\slash"
evidence "\\\""`));
        const texts = stepFacts(model).map(f => (f as { text?: string }).text);
        expect(texts).toEqual(['She said "hi" and left', 'a back\\slash', '\\"']);
    });

    it('ids: letters, digits, _ and -, case-sensitive', async () => {
        const { model, diagnostics } = await parse(`persona Ann_2-b
persona ann_2-b
journey j-1 { for Ann_2-b, ann_2-b stage S1 { step x_y-z { touchpoint web emotion 0 for Ann_2-b emotion 1 for ann_2-b } } }`);
        expect(model.declarations.map(d => d.name)).toEqual(['Ann_2-b', 'ann_2-b']);
        expect(codesAt(diagnostics)).toEqual([]);
    });

    it('comments: line and block, anywhere', async () => {
        const { model, diagnostics } = await parse(`// a line comment
/* a block
   comment */
persona p /* inline */ "P" // trailing
journey j { // opening
  for p /* between */ stage s { touchpoint /* inside a fact */ web emotion 1 }
}`);
        expect(model.declarations[0]).toMatchObject({ name: 'p', label: 'P' });
        expect(codesAt(diagnostics)).toEqual([]);
    });
});

describe('keywords are not reserved', () => {
    it('stage need, team support, owner support, step next, channel review-step', async () => {
        const { model, diagnostics } = await parse(`persona goal
team support "Customer support"
channel review-step
journey for { for goal
  stage need { step next { touchpoint review-step emotion 0 frontstage "x" owner support next next } }
  stage step { step stage { touchpoint web emotion 0 support "y" owner support } }
}`);
        const journey = journeyOf(model);
        expect(journey.name).toBe('for');
        expect(journey.stages.map(s => s.name)).toEqual(['need', 'step']);
        expect(journey.stages[1].steps[0].name).toBe('stage');
        const facts = journey.stages[0].steps[0].facts;
        expect((facts[2] as Frontstage).owner?.ref?.name).toBe('support');
        expect((facts[3] as Next).step.ref?.name).toBe('next');
        expect(codesAt(diagnostics)).toEqual([]);
    });

    it('every keyword works as an id', async () => {
        const keywords = ['import', 'persona', 'role', 'goal', 'need', 'motivation', 'frustration', 'quote', 'channel', 'team',
            'journey', 'for', 'state', 'description', 'current', 'future', 'stage', 'step', 'action', 'touchpoint', 'thought',
            'emotion', 'barrier', 'severity', 'opportunity', 'fixes', 'impact', 'effort', 'owner', 'question', 'frontstage',
            'backstage', 'support', 'metric', 'target', 'evidence', 'next', 'low', 'medium', 'high'];
        const text = keywords.map(k => `team ${k}`).join('\n')
            + '\npersona p\njourney j { for p stage s { touchpoint web emotion 0 '
            + keywords.map(k => `support "x" owner ${k}`).join(' ') + ' } }';
        const { model, diagnostics } = await parse(text);
        expect(model.declarations.filter(d => d.$type === 'Team').map(d => d.name)).toEqual(keywords);
        expect(codesAt(diagnostics)).toEqual([]);
    });

    it('a keyword-like prefix does not split an id: import-x, step-2, lowest', async () => {
        const { model } = await parse('team import-x\nteam step-2\nteam lowest\n');
        expect(model.declarations.map(d => d.name)).toEqual(['import-x', 'step-2', 'lowest']);
    });
});

describe('references', () => {
    it('built-in channels need no declaration', async () => {
        const builtins = ['web', 'app', 'email', 'phone', 'chat', 'sms', 'social', 'ads', 'search', 'review', 'store', 'mail', 'event', 'partner', 'survey'];
        const { model, diagnostics } = await parse(withFacts(builtins.map(c => `touchpoint ${c}`).join('\n') + '\nemotion 0'));
        expect(stepFacts(model).slice(0, builtins.length).map(f => (f as Touchpoint).channel.ref?.name)).toEqual(builtins);
        expect(diagnostics.filter(d => d.code === 'unresolved-reference')).toEqual([]);
    });

    it('import by relative path, in sub-folders and parent folders, transitively', async () => {
        const { documents, diagnostics } = await parse(`import "shared/people.journey"
journey j { for dana stage s { touchpoint kiosk emotion 0 frontstage "x" owner desk } }`, {
            'shared/people.journey': 'import "../teams.journey"\npersona dana\nchannel kiosk',
            'teams.journey': 'team desk',
        });
        expect(codesAt(diagnostics)).toEqual([]);
        const journey = (documents['main.journey'].parseResult.value as Model).journeys[0];
        expect(AstUtils.getDocument(journey.personas[0].ref!).uri.path).toBe('/work/shared/people.journey');
        const owner = (journey.stages[0].facts[2] as Frontstage).owner?.ref;
        expect(AstUtils.getDocument(owner!).uri.path).toBe('/work/teams.journey');
        // Used through an import: nothing in the library is unused.
        expect(codesAt(documents['shared/people.journey'].diagnostics ?? [])).toEqual([]);
        expect(codesAt(documents['teams.journey'].diagnostics ?? [])).toEqual([]);
    });

    it('an imported file that holds a journey contributes only its declarations', async () => {
        const { diagnostics } = await parse(`import "other.journey"
journey j { for dana stage s { step a { touchpoint web emotion 0 next b } } }`, {
            'other.journey': 'persona dana\njourney other { for dana stage t { step b { touchpoint web emotion 0 } } }',
        });
        expect(codesAt(diagnostics)).toEqual(['unresolved-reference@2']);
    });

    it('next and fixes reach any stage of the same journey, before or after', async () => {
        const { model, diagnostics } = await parse(`persona p team t
journey j { for p
  stage one { step a { touchpoint web emotion 0 next c barrier early "x" } }
  stage two { step c { touchpoint web emotion 0 next a opportunity "o" fixes early, late owner t } }
  stage three { step d { touchpoint web emotion 0 barrier late "y" } }
}`);
        expect(codesAt(diagnostics)).toEqual([]);
        const [a, c] = journeyOf(model).stages.flatMap(s => s.steps) as Step[];
        expect((a.facts[2] as Next).step.ref).toBe(c);
        expect((c.facts[2] as Next).step.ref).toBe(a);
        expect((c.facts[3] as Opportunity).fixes.map(f => f.ref?.name)).toEqual(['early', 'late']);
    });

    it('evidence is a plain text', async () => {
        const { model } = await parse(withFacts('touchpoint web\nemotion 0\nevidence "Interviews, n=12"'));
        expect((stepFacts(model)[2] as Evidence).text).toBe('Interviews, n=12');
    });
});
