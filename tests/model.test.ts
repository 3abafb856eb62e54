import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { everyLane, exampleModels, modelOf } from './render-support.js';
import { renderSvg } from '../src/render/index.js';
import { modelToJson } from '../src/model/model-json.js';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'schema', 'map-model.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function schemaErrors(value: unknown): string {
    return validate(value) ? '' : JSON.stringify(validate.errors, null, 2);
}

describe('map model', () => {
    test('has the shape of the issue: journey, personas, channels, teams, stages with steps', async () => {
        const model = await modelOf(everyLane);
        expect(model.journey).toMatchObject({
            id: 'shop', title: 'Buying a plan', state: 'future', goal: 'Buy without calling sales',
            description: 'The journey we want by next year.', personas: ['ana', 'ben'],
        });
        expect(model.personas.map(p => [p.id, p.label, p.role])).toEqual([['ana', 'Ana, buyer', 'Buys for a small team'], ['ben', 'Ben, approver', undefined]]);
        expect(model.channels).toEqual([
            { id: 'web', label: 'Website', builtin: true },
            { id: 'portal', label: 'Customer portal', builtin: false },
            { id: 'app', label: 'Mobile or desktop app', builtin: true },
        ]);
        expect(model.teams).toEqual([{ id: 'ops', label: 'Operations' }]);
        expect(model.stages.map(s => [s.id, s.steps.map(st => st.id)])).toEqual([['find', ['browse', 'pay']], ['use', ['use']]]);
        const browse = model.stages[0].steps[0];
        expect(browse).toMatchObject({
            id: 'browse', label: 'Browses plans', implicit: false,
            actions: ['Opens the pricing page'], thoughts: ['Which plan fits us?'], questions: ['Is there a trial?'],
            evidence: ['Analytics, May'], next: [],
            touchpoints: [{ channel: 'web', text: 'Pricing page' }],
            barriers: [{ id: 'too-many', text: 'Too many plans', severity: 'high' }],
            opportunities: [{ id: 'fewer', text: 'Three plans only', fixes: ['too-many'], impact: 'high', effort: 'medium', owner: 'ops' }],
            frontstage: [{ text: 'Chat offers help', owner: 'ops' }],
            backstage: [{ text: 'Plan catalogue syncs', owner: 'ops' }],
            support: [{ text: 'Billing system' }],
            metrics: [{ name: 'conversion', value: 0.031, target: 0.05 }],
        });
        expect(browse.source).toMatchObject({ line: 14, column: 5 }); // the text starts with a newline
        expect(model.stages[0].steps[1].next).toEqual(['browse']);
    });

    test('a stage without steps has one implicit step with the stage id', async () => {
        const model = await modelOf(everyLane);
        const use = model.stages[1];
        expect(use.steps).toHaveLength(1);
        expect(use.steps[0]).toMatchObject({ id: 'use', label: 'Use', implicit: true, touchpoints: [{ channel: 'app', text: 'Dashboard' }] });
    });

    test('emotions are listed per persona; one without `for` applies to each persona lacking its own', async () => {
        const model = await modelOf(everyLane);
        const [browse, pay] = model.stages[0].steps;
        expect(browse.emotions.map(e => [e.persona, e.score, e.label])).toEqual([['ana', 1, 'curious'], ['ben', -1, 'wary']]);
        expect(pay.emotions.map(e => [e.persona, e.score])).toEqual([['ana', 2], ['ben', 2]]);
        expect(model.stages[1].steps[0].emotions.map(e => [e.persona, e.score, e.label])).toEqual([['ana', 0, undefined], ['ben', 0, undefined]]);
    });

    test('without personas, emotions have persona null', async () => {
        const model = await modelOf('journey j { stage s { emotion -2 "sad" } }');
        expect(model.stages[0].steps[0].emotions).toMatchObject([{ persona: null, score: -2, label: 'sad' }]);
        expect(model.personas).toEqual([]);
    });

    test('an emotion for a persona the journey does not follow is kept after the followed ones', async () => {
        const model = await modelOf('persona a\npersona b\njourney j { for a stage s { emotion 1 for b emotion -1 } }');
        expect(model.stages[0].steps[0].emotions.map(e => [e.persona, e.score])).toEqual([['a', -1], ['b', 1]]);
        expect(model.personas.map(p => p.id)).toEqual(['a', 'b']);
    });

    test('personas, channels and teams come from imported files with their labels', async () => {
        const model = await modelOf('import "people.journey"\njourney j { for p stage s { touchpoint c frontstage "x" owner t emotion 0 } }', {
            'people.journey': 'persona p "Pat" { goal "g" quote "q" }\nchannel c "Kiosk"\nteam t "Team T"',
        });
        expect(model.personas[0]).toMatchObject({ id: 'p', label: 'Pat', goals: ['g'], quotes: ['q'], needs: [] });
        expect(model.channels).toEqual([{ id: 'c', label: 'Kiosk', builtin: false }]);
        expect(model.teams).toEqual([{ id: 't', label: 'Team T' }]);
    });

    test('is plain JSON: a JSON round trip gives the same value', async () => {
        const model = await modelOf(everyLane);
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });
});

describe('map model schema', () => {
    test('every example validates against schema/map-model.schema.json', async () => {
        const models = await exampleModels();
        expect(Object.keys(models).length).toBeGreaterThanOrEqual(2);
        for (const [name, model] of Object.entries(models)) {
            expect(schemaErrors(JSON.parse(JSON.stringify(modelToJson(model)))), name).toBe('');
        }
    });

    test('the map using every lane validates', async () => {
        expect(schemaErrors(JSON.parse(JSON.stringify(modelToJson(await modelOf(everyLane)))))).toBe('');
    });

    // What the preview sees while a fact is half typed: facts the parser recovered without their
    // required parts are left out, so the model keeps its shape and renders.
    const halfTyped = [
        'journey j { stage s { touchpoint } }',
        'journey j { stage s { step a { next } } }',
        'journey j { for p stage s { step a { action emotion } } }',
        'persona p journey j { for p stage s { step a { emotion 1 for } } }',
        'journey j { stage s { step a { metric m frontstage "x" owner } } }',
        'journey j { stage s { step a { opportunity o "O" fixes owner barrier "b" severity } } }',
    ];
    test.each(halfTyped)('a half-typed map still has a valid model that renders: %s', async text => {
        const model = await modelOf(text);
        expect(schemaErrors(JSON.parse(JSON.stringify(modelToJson(model))))).toBe('');
        expect(renderSvg(model)).toContain('</svg>');
    });

    test('the printed form has every key of the shape, null where the map leaves it out', async () => {
        const model = await modelOf('persona p "P"\njourney j {\n  for p\n  stage s {\n    step a "A" {\n      touchpoint web\n      emotion 1\n      barrier "B"\n      opportunity "O"\n      frontstage "F"\n      metric NPS 3\n    }\n  }\n}\n');
        const json = JSON.parse(JSON.stringify(modelToJson(model)));
        expect(schemaErrors(json)).toBe('');
        expect(json.journey).toMatchObject({ id: 'j', title: 'j', state: 'current', goal: null, description: null, personas: ['p'] });
        expect(json.personas[0]).toMatchObject({ id: 'p', label: 'P', role: null, goals: [] });
        const step = json.stages[0].steps[0];
        expect(step.touchpoints[0]).toMatchObject({ channel: 'web', text: null });
        expect(step.emotions[0]).toMatchObject({ persona: 'p', score: 1, label: null });
        expect(Object.keys(step.barriers[0])).toEqual(['id', 'text', 'severity', 'source']);
        expect(step.barriers[0]).toMatchObject({ id: null, text: 'B', severity: null });
        expect(step.opportunities[0]).toMatchObject({ id: null, text: 'O', fixes: [], impact: null, effort: null, owner: null });
        expect(step.frontstage[0]).toMatchObject({ text: 'F', owner: null });
        expect(step.metrics[0]).toMatchObject({ name: 'NPS', value: 3, target: null });
        // In memory the model leaves those keys out, and the rest is the same.
        expect(model.stages[0].steps[0].barriers[0]).not.toHaveProperty('severity');
        const withoutNulls = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v));
        for (const text of [everyLane, 'journey j { stage s { touchpoint web } }']) {
            const inMemory = await modelOf(text);
            expect(withoutNulls(modelToJson(inMemory))).toBe(withoutNulls(inMemory));
        }
    });

    test('the schema rejects a model that breaks the shape', async () => {
        const model = JSON.parse(JSON.stringify(modelToJson(await modelOf(everyLane))));
        model.stages[0].steps[0].implicit = 'no';
        expect(schemaErrors(model)).toContain('implicit');
        const other = JSON.parse(JSON.stringify(modelToJson(await modelOf(everyLane))));
        delete other.stages[0].steps[0].emotions;
        expect(schemaErrors(other)).toContain('emotions');
        const third = JSON.parse(JSON.stringify(modelToJson(await modelOf(everyLane))));
        third.stages[0].steps[0].barriers[0].severity = 'huge';
        expect(schemaErrors(third)).not.toBe('');
        const fourth = JSON.parse(JSON.stringify(modelToJson(await modelOf(everyLane))));
        delete fourth.stages[0].steps[0].barriers[0].severity;
        expect(schemaErrors(fourth)).toContain('severity');
    });
});
