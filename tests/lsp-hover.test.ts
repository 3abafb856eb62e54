import { beforeAll, describe, it } from 'vitest';
import { expectHover } from 'langium/test';
import { buildFiles, createTestServices } from './helpers.js';

const services = createTestServices();
const hover = expectHover(services.Journey);

const people = `persona dana "Dana, operations manager" {
  role "Runs office IT for a 40-person firm"
  goal "Customers reach a person on the first ring"
  goal "Keep the numbers"
}
channel demo "Sales demo call"
team onboarding "Onboarding team"
`;

beforeAll(async () => {
    await buildFiles({ 'people.journey': people }, services);
});

const map = `import "people.journey"
journey j "J" {
  for <|>dana
  stage evaluate "Evaluate vendors" {
    step demo-call "Joins a demo" {
      touchpoint de<|>mo "Live demo"
      touchpoint <|>web
      emotion <|>-2 "frustrated" for da<|>na
      <|>emotion 1
      barrier porting "Porting takes ten days" severity high
      opportunity self-port "Self-serve porting" fixes <|>porting owner <|>onboarding
      next <|>demo-call
      <|>thought "hmm"
      metric NPS 3 target 4
    }
  }
}`;

async function hoverAt(index: number, expected: string | RegExp): Promise<void> {
    await hover({ text: map, index, hover: expected, parseOptions: { documentUri: 'file:///work/main.journey' }, disposeAfterCheck: true });
}

describe('hover', () => {
    it('shows a persona: label, role and goals', async () => {
        await hoverAt(0, /\*\*persona\*\* `dana`: Dana, operations manager[\s\S]*Runs office IT for a 40-person firm[\s\S]*Customers reach a person on the first ring[\s\S]*Keep the numbers/);
    });

    it('shows a declared channel with its label and file', async () => {
        await hoverAt(1, /\*\*channel\*\* `demo`: Sales demo call[\s\S]*declared in `people.journey`/);
    });

    it('shows a built-in channel with its label', async () => {
        await hoverAt(2, /\*\*channel\*\* `web`: Website\s+built-in channel/);
    });

    it('explains the emotion score', async () => {
        await hoverAt(3, /Emotion \*\*-2\*\*: very negative[\s\S]*Feeling: frustrated[\s\S]*For persona `dana`/);
        await hoverAt(5, /Emotion \*\*\+1\*\*: positive[\s\S]*every persona[\s\S]*---[\s\S]*how the customer feels/);
    });

    it('shows the persona of an emotion ... for', async () => {
        await hoverAt(4, /\*\*persona\*\* `dana`/);
    });

    it('shows a barrier: text and severity', async () => {
        await hoverAt(6, /\*\*barrier\*\* `porting`\s+Porting takes ten days\s+severity \*\*high\*\*/);
    });

    it('shows a team with its label', async () => {
        await hoverAt(7, /\*\*team\*\* `onboarding`: Onboarding team/);
    });

    it('shows a step: label and stage', async () => {
        await hoverAt(8, /\*\*step\*\* `demo-call`: Joins a demo\s+in stage `evaluate` \(Evaluate vendors\)/);
    });

    it('shows the grammar doc comment of a keyword', async () => {
        await hoverAt(9, /`thought "text"`: what the customer thinks\./);
    });

    it('shows keyword docs for stage, step, touchpoint and the levels', async () => {
        const text = '<|>journey j { <|>stage a { <|>step s { <|>touchpoint web barrier "x" severity <|>high } } }';
        const expectations = [/the map itself/, /a phase of the journey/, /one moment inside a stage/, /where the customer meets the business/, /`low`, `medium` or `high`/];
        for (const [index, expected] of expectations.entries()) {
            await hover({ text, index, hover: expected, disposeAfterCheck: true });
        }
    });

    it('describes a declaration when hovering its own id, including ids that are keywords', async () => {
        await hover({ text: 'team <|>support "Customer support"\njourney j { stage <|>need "Need" { emotion 1 } }', index: 0, hover: /\*\*team\*\* `support`: Customer support/, disposeAfterCheck: true });
        await hover({ text: 'team support "Customer support"\njourney j { stage <|>need "Need" { emotion 1 } }', index: 0, hover: /\*\*stage\*\* `need`: Need/, disposeAfterCheck: true });
    });

    it('shows what an imported file declares, or that it is missing', async () => {
        await hover({ text: 'import "peo<|>ple.journey"\nimport "nowhe<|>re.journey"', index: 0, hover: /\*\*import\*\* `people.journey`\s+\*personas:\* `dana`\s+\*channels:\* `demo`\s+\*teams:\* `onboarding`/, parseOptions: { documentUri: 'file:///work/main.journey' }, disposeAfterCheck: true });
        await hover({ text: 'import "peo<|>ple.journey"\nimport "nowhe<|>re.journey"', index: 1, hover: /no such file/, parseOptions: { documentUri: 'file:///work/main.journey' }, disposeAfterCheck: true });
    });

    it('says when a reference names nothing', async () => {
        await hover({ text: 'journey j { for <|>nobody }', index: 0, hover: /Unknown persona `nobody`/, disposeAfterCheck: true });
    });

    it('says when an emotion is out of range', async () => {
        await hover({ text: 'journey j { stage a { emotion <|>5 } }', index: 0, hover: /out of range/, disposeAfterCheck: true });
    });

    it('shows nothing on a string', async () => {
        await hover({ text: 'journey j "<|>Title" { }', index: 0, hover: undefined, disposeAfterCheck: true });
    });
});
