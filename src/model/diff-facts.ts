/**
 * Matching of the facts that have no id (touchpoints, actions, thoughts, questions, evidence,
 * frontstage, backstage, support, metrics, next, and barriers or opportunities written without an id)
 * between two versions of one step: by kind and content, never by position.
 */
import type { BarrierModel, LaneItemModel, MetricModel, OpportunityModel, StepModel, TouchpointModel } from './types.js';
import type { ElementKind } from './diff-types.js';

/** How to compare one kind of fact. */
export interface FactSpec<T> {
    element: ElementKind;
    /** The kind in the renderer's element keys (`KIND#N`). */
    keyKind: string;
    /** All the step's facts of this kind (indexes into it are the renderer's `KIND#N`). */
    list: (step: StepModel) => readonly T[];
    /** Which of them this spec matches (barriers and opportunities: those without an id). */
    include?: (fact: T) => boolean;
    /** What a change names the fact by: its text (or channel, or metric name). */
    id: (fact: T) => string;
    /** The fact as a change reports it before or after. */
    value: (fact: T) => unknown;
    /** The fact's whole content: equal keys are the same fact, unchanged. */
    content: (fact: T) => string;
    /** Left-over facts with equal keys here are one fact that changed, tried in order. */
    pairBy: Array<(fact: T) => string>;
    /** The fields compared for a paired fact, each reported as its own change. */
    fields: Array<[string, (fact: T) => unknown]>;
}

export interface FactMatch<T> {
    /** Pairs of [index before, index after] (into the full lists) whose content differs in some field. */
    changed: Array<[number, number]>;
    removed: number[];
    added: number[];
    /** The spec, for the caller's reporting. */
    spec: FactSpec<T>;
}

const text = (s: string) => s;
const json = (v: unknown) => JSON.stringify(v ?? null);

const textFact = (element: ElementKind, list: (s: StepModel) => readonly string[]): FactSpec<string> => ({
    element, keyKind: element, list, id: text, value: text, content: text, pairBy: [], fields: [],
});

const laneFact = (element: ElementKind, list: (s: StepModel) => readonly LaneItemModel[]): FactSpec<LaneItemModel> => ({
    element, keyKind: element, list,
    id: f => f.text,
    value: f => withoutUndefined({ text: f.text, owner: f.owner }),
    content: f => json([f.text, f.owner]),
    pairBy: [f => f.text],
    fields: [['owner', f => f.owner]],
});

export const touchpointSpec: FactSpec<TouchpointModel> = {
    element: 'touchpoint', keyKind: 'touchpoint', list: s => s.touchpoints,
    id: f => f.text ?? f.channel,
    value: f => withoutUndefined({ channel: f.channel, text: f.text }),
    content: f => json([f.channel, f.text]),
    pairBy: [f => f.channel, f => json(f.text)],
    fields: [['channel', f => f.channel], ['text', f => f.text]],
};

export const metricSpec: FactSpec<MetricModel> = {
    element: 'metric', keyKind: 'metric', list: s => s.metrics,
    id: f => f.name,
    value: f => withoutUndefined({ name: f.name, value: f.value, target: f.target }),
    content: f => json([f.name, f.value, f.target]),
    pairBy: [f => f.name],
    fields: [['value', f => f.value], ['target', f => f.target]],
};

/** Barriers without an id: the same text is the same barrier. */
export const anonymousBarrierSpec: FactSpec<BarrierModel> = {
    element: 'barrier', keyKind: 'barrier', list: s => s.barriers, include: f => f.id === undefined,
    id: f => f.text,
    value: barrierValue,
    content: f => json([f.text, f.severity]),
    pairBy: [f => f.text],
    fields: [['severity', f => f.severity]],
};

export const anonymousOpportunitySpec: FactSpec<OpportunityModel> = {
    element: 'opportunity', keyKind: 'opportunity', list: s => s.opportunities, include: f => f.id === undefined,
    id: f => f.text,
    value: opportunityValue,
    content: f => json(opportunityValue(f)),
    pairBy: [f => f.text],
    fields: opportunityFields(),
};

export function barrierValue(f: BarrierModel): unknown {
    return withoutUndefined({ text: f.text, severity: f.severity });
}

export function opportunityValue(f: OpportunityModel): unknown {
    return withoutUndefined({ text: f.text, fixes: f.fixes, impact: f.impact, effort: f.effort, owner: f.owner });
}

export function opportunityFields(): Array<[string, (f: OpportunityModel) => unknown]> {
    return [['text', f => f.text], ['fixes', f => f.fixes], ['impact', f => f.impact], ['effort', f => f.effort], ['owner', f => f.owner]];
}

/** The id-less kinds in the order a step's changes are listed (the renderer's lane order). */
export const factSpecs = [
    textFact('action', s => s.actions),
    touchpointSpec,
    textFact('thought', s => s.thoughts),
    anonymousBarrierSpec,
    anonymousOpportunitySpec,
    textFact('question', s => s.questions),
    laneFact('frontstage', s => s.frontstage),
    laneFact('backstage', s => s.backstage),
    laneFact('support', s => s.support),
    metricSpec,
    textFact('evidence', s => s.evidence),
    textFact('next', s => s.next),
] as unknown as ReadonlyArray<FactSpec<unknown>>;

/**
 * Matches the facts of one kind between two lists. Equal content matches first (as a multiset, in
 * order); what is left is paired by each `pairBy` key in turn and reported as changed; the rest
 * is removed or added.
 */
export function matchFacts<T>(spec: FactSpec<T>, before: readonly T[], after: readonly T[]): FactMatch<T> {
    const included = (list: readonly T[]) => new Set([...list.keys()].filter(i => spec.include?.(list[i]) ?? true));
    const leftBefore = included(before);
    const leftAfter = included(after);
    pair(before, after, leftBefore, leftAfter, spec.content, () => undefined);
    const changed: Array<[number, number]> = [];
    for (const key of spec.pairBy) {
        pair(before, after, leftBefore, leftAfter, key, (b, a) => changed.push([b, a]));
    }
    return { changed, removed: [...leftBefore], added: [...leftAfter], spec };
}

function pair<T>(
    before: readonly T[], after: readonly T[], leftBefore: Set<number>, leftAfter: Set<number>,
    key: (fact: T) => string, onPair: (b: number, a: number) => void,
): void {
    if (leftBefore.size === 0 || leftAfter.size === 0) return;
    const waiting = new Map<string, number[]>();
    for (const b of leftBefore) {
        const k = key(before[b]);
        const list = waiting.get(k);
        if (list) list.push(b);
        else waiting.set(k, [b]);
    }
    for (const a of [...leftAfter]) {
        const candidates = waiting.get(key(after[a]));
        const b = candidates?.shift();
        if (b === undefined) continue;
        leftBefore.delete(b);
        leftAfter.delete(a);
        onPair(b, a);
    }
}

export function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Deep equality for the plain values of the model (strings, numbers, arrays of strings). */
export function sameValue(a: unknown, b: unknown): boolean {
    return json(a) === json(b);
}
