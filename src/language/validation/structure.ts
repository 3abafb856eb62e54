import type { AstNode, CompositeCstNode, GrammarAST, ValidationAcceptor } from 'langium';
import { isCompositeCstNode } from 'langium';
import type { Journey, Model, Stage } from '../generated/ast.js';
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
    if (stage.steps.length > 0 && stage.facts.length > 0) {
        accept('error', `The stage '${stage.name ?? '?'}' holds both steps and facts: move its facts into a step.`,
            { node: stage, range: headerRange(stage), code: 'mixed-stage' });
    } else if (stage.steps.length === 0 && stage.facts.length === 0) {
        accept('warning', `The stage '${stage.name ?? '?'}' is empty: add steps, or facts of its own.`,
            { node: stage, range: headerRange(stage), code: 'empty-stage' });
    }
}

/** Modifiers each at most once: the grammar accepts them in any order, so repeats are caught here. */
const singleModifiers: Record<string, readonly string[]> = {
    Journey: ['for', 'state', 'goal', 'description'],
    Emotion: ['for'],
    Barrier: ['severity'],
    Opportunity: ['fixes', 'impact', 'effort', 'owner'],
    Frontstage: ['owner'],
    Backstage: ['owner'],
    Support: ['owner'],
    Metric: ['target'],
};

/**
 * One pass over the node's own CST children: a modifier keyword is a direct child of its rule's
 * node, while a keyword used as an id sits inside a `Name` node, and nested facts have nodes of their own.
 * This runs on most facts of a map: plain `$type` tests instead of the reflection's `isKeyword`,
 * and the keywords seen kept in a bit mask rather than a new set per fact.
 */
export function checkRepeatedModifiers(node: AstNode, accept: ValidationAcceptor): void {
    const keywords = singleModifiers[node.$type];
    if (!keywords || !node.$cstNode || !isCompositeCstNode(node.$cstNode)) return;
    let cst: CompositeCstNode = node.$cstNode;
    // A fact's node is wrapped in the node of the unassigned `Fact` rule call: step inside.
    for (let inner = cst.content[0]; cst.content.length === 1 && isCompositeCstNode(inner) && inner.astNode === node; inner = cst.content[0]) {
        cst = inner;
    }
    let seen = 0;
    for (const child of cst.content) {
        const source = child.grammarSource;
        if (source?.$type !== 'Keyword') continue;
        const keyword = (source as GrammarAST.Keyword).value;
        const index = keywords.indexOf(keyword);
        if (index < 0) continue;
        if (seen & (1 << index)) {
            accept('error', `'${keyword}' is given more than once here; each may appear at most once.`,
                { node, range: child.range, code: 'syntax-error' });
        }
        seen |= 1 << index;
    }
}

function ordinal(n: number): string {
    return n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}
