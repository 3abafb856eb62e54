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
    /** Whether two facts have the same content (the same as equal `content`, without building keys). */
    same: (a: T, b: T) => boolean;
    /** Left-over facts with equal keys here are one fact that changed, tried in order. */
    pairBy: Array<(fact: T) => string>;
    /** The fields compared for a paired fact, each reported as its own change. */
    fields: Array<[string, (fact: T) => unknown]>;
}

export interface FactMatch {
    /** Pairs of [index before, index after] (into the full lists) whose content differs in some field. */
    changed: Array<[number, number]>;
    removed: number[];
    added: number[];
}

const text = (s: string) => s;
/** A content key from parts: NUL separates them, SOH stands for a missing one (neither occurs in map text). */
const key = (...parts: Array<string | number | undefined>) => {
    let result = '';
    for (const part of parts) result += (part === undefined ? '\u0001' : String(part)) + '\u0000';
    return result;
};

const textFact = (element: ElementKind, list: (s: StepModel) => readonly string[]): FactSpec<string> => ({
    element, keyKind: element, list, id: text, value: text, content: text, same: (a, b) => a === b, pairBy: [], fields: [],
});

const laneFact = (element: ElementKind, list: (s: StepModel) => readonly LaneItemModel[]): FactSpec<LaneItemModel> => ({
    element, keyKind: element, list,
    id: f => f.text,
    value: f => withoutUndefined({ text: f.text, owner: f.owner }),
    content: f => key(f.text, f.owner),
    same: (a, b) => a.text === b.text && a.owner === b.owner,
    pairBy: [f => f.text],
    fields: [['owner', f => f.owner]],
});

export const touchpointSpec: FactSpec<TouchpointModel> = {
    element: 'touchpoint', keyKind: 'touchpoint', list: s => s.touchpoints,
    id: f => f.text ?? f.channel,
    value: f => withoutUndefined({ channel: f.channel, text: f.text }),
    content: f => key(f.channel, f.text),
    same: (a, b) => a.channel === b.channel && a.text === b.text,
    pairBy: [f => f.channel, f => key(f.text)],
    fields: [['channel', f => f.channel], ['text', f => f.text]],
};

export const metricSpec: FactSpec<MetricModel> = {
    element: 'metric', keyKind: 'metric', list: s => s.metrics,
    id: f => f.name,
    value: f => withoutUndefined({ name: f.name, value: f.value, target: f.target }),
    content: f => key(f.name, f.value, f.target),
    same: (a, b) => a.name === b.name && a.value === b.value && a.target === b.target,
    pairBy: [f => f.name],
    fields: [['value', f => f.value], ['target', f => f.target]],
};

/** Barriers without an id: the same text is the same barrier. */
export const anonymousBarrierSpec: FactSpec<BarrierModel> = {
    element: 'barrier', keyKind: 'barrier', list: s => s.barriers, include: f => f.id === undefined,
    id: f => f.text,
    value: barrierValue,
    content: f => key(f.text, f.severity),
    same: (a, b) => a.text === b.text && a.severity === b.severity,
    pairBy: [f => f.text],
    fields: [['severity', f => f.severity]],
};

export const anonymousOpportunitySpec: FactSpec<OpportunityModel> = {
    element: 'opportunity', keyKind: 'opportunity', list: s => s.opportunities, include: f => f.id === undefined,
    id: f => f.text,
    value: opportunityValue,
    content: f => key(f.text, f.fixes.join(','), f.impact, f.effort, f.owner),
    same: (a, b) => a.text === b.text && a.impact === b.impact && a.effort === b.effort && a.owner === b.owner
        && sameStrings(a.fixes, b.fixes),
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
export function matchFacts<T>(spec: FactSpec<T>, before: readonly T[], after: readonly T[]): FactMatch {
    if (sameInOrder(spec, before, after)) return noChange;
    const included = (list: readonly T[]) => new Set([...list.keys()].filter(i => spec.include?.(list[i]) ?? true));
    const leftBefore = included(before);
    const leftAfter = included(after);
    pair(before, after, leftBefore, leftAfter, spec.content, () => undefined);
    const changed: Array<[number, number]> = [];
    for (const key of spec.pairBy) {
        pair(before, after, leftBefore, leftAfter, key, (b, a) => changed.push([b, a]));
    }
    return { changed, removed: [...leftBefore], added: [...leftAfter] };
}

const noChange: FactMatch = { changed: [], removed: [], added: [] }; // never modified

/** The common case, checked first: the same facts in the same order. */
function sameInOrder<T>(spec: FactSpec<T>, before: readonly T[], after: readonly T[]): boolean {
    if (before.length !== after.length) return false;
    for (let i = 0; i < before.length; i++) {
        if (before[i] !== after[i] && !spec.same(before[i], after[i])) return false;
    }
    return true;
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

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

export function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Deep equality for the plain values of the model (strings, numbers, arrays of strings). */
export function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
    return false;
}
