import type { AstNode, ValidationAcceptor } from 'langium';
import type { Journey, Model, Stage } from '../generated/ast.js';
import { keywordNodes } from '../journey-utils.js';
import { headerRange } from './ranges.js';

export function checkMultipleJourneys(model: Model, accept: ValidationAcceptor): void {
    for (const journey of model.journeys.slice(1)) {
        accept('error', `A file holds at most one journey; '${journey.name ?? '?'}' is the ${ordinal(model.journeys.indexOf(journey) + 1)}. Move it to a file of its own.`,
            { node: journey, range: headerRange(journey), code: 'multiple-journeys' });
    }
}

export function checkNoPersona(journey: Journey, accept: ValidationAcceptor): void {
    if (journey.personas.length === 0) {
        accept('warning', `The journey '${journey.name ?? '?'}' follows no persona: add \`for PERSONA\`.`,
            { node: journey, range: headerRange(journey), code: 'no-persona' });
    }
}

export function checkStageContents(stage: Stage, accept: ValidationAcceptor): void {
    const range = headerRange(stage);
    if (stage.steps.length > 0 && stage.facts.length > 0) {
        accept('error', `The stage '${stage.name ?? '?'}' holds both steps and facts: move its facts into a step.`,
            { node: stage, range, code: 'mixed-stage' });
    } else if (stage.steps.length === 0 && stage.facts.length === 0) {
        accept('warning', `The stage '${stage.name ?? '?'}' is empty: add steps, or facts of its own.`,
            { node: stage, range, code: 'empty-stage' });
    }
}

/** Modifiers each at most once: the grammar accepts them in any order, so repeats are caught here. */
const singleModifiers: Record<string, string[]> = {
    Journey: ['for', 'state', 'goal', 'description'],
    Emotion: ['for'],
    Barrier: ['severity'],
    Opportunity: ['fixes', 'impact', 'effort', 'owner'],
    Frontstage: ['owner'],
    Backstage: ['owner'],
    Support: ['owner'],
    Metric: ['target'],
};

export function checkRepeatedModifiers(node: AstNode, accept: ValidationAcceptor): void {
    for (const keyword of singleModifiers[node.$type] ?? []) {
        for (const repeat of keywordNodes(node, keyword).slice(1)) {
            accept('error', `'${keyword}' is given more than once here; each may appear at most once.`,
                { node, range: repeat.range, code: 'syntax-error' });
        }
    }
}

function ordinal(n: number): string {
    return n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}
