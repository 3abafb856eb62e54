/**
 * How the diff finds an element on the other side: by id (a step across the whole journey, the
 * step of a stage without steps by its stage), and for maps with duplicate ids (an error the
 * linter reports) the n-th occurrence by the n-th.
 */
import type { MapModel, StageModel, StepModel } from './types.js';

export interface Located {
    stage: StageModel;
    step: StepModel;
    /** Position of the step in its stage. */
    index: number;
}

export interface LocatedFact<T> extends Located {
    fact: T;
}

/** A step's place: `stage-id/step-id`, or `stage-id` for the one step of a stage without steps. */
export function stepPath(stage: StageModel, step: StepModel): string {
    return step.implicit ? stage.id : `${stage.id}/${step.id}`;
}

/**
 * What elements are matched by. Normally the id; a map with duplicate ids (an error the linter
 * reports) still diffs sanely: the second `s` matches the second `s`. Filled by `assignIdentities`.
 */
const identities = new WeakMap<object, string>();

/** Marks the second, third, ... element with a repeated id; a map without duplicates (the rule) costs one pass. */
function assignIdentities<T extends object>(items: readonly T[], base: (item: T) => string): void {
    const ids = items.map(base);
    if (new Set(ids).size === ids.length) return;
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
        const n = (seen.get(ids[i]) ?? 0) + 1;
        seen.set(ids[i], n);
        identities.set(item, n === 1 ? ids[i] : `${ids[i]}\u0000${n}`);
    });
}

/** Steps are matched across the journey by id; the implicit step of a stage by its stage's id. */
export function stepIdentity(stage: StageModel, step: StepModel): string {
    return identities.get(step) ?? (step.implicit ? `\u0000${stage.id}` : step.id);
}

export function stageIdentity(stage: StageModel): string {
    return identities.get(stage) ?? stage.id;
}

export function factIdentity(fact: { id?: string }): string {
    return identities.get(fact) ?? fact.id ?? '';
}

export function assignModelIdentities(model: MapModel): void {
    assignIdentities(model.stages, s => s.id);
    const steps: StepModel[] = [];
    const stageOf = new Map<StepModel, StageModel>();
    const barriers: Array<{ id?: string }> = [];
    const opportunities: Array<{ id?: string }> = [];
    for (const stage of model.stages) {
        for (const step of stage.steps) {
            steps.push(step);
            stageOf.set(step, stage);
            for (const b of step.barriers) if (b.id !== undefined) barriers.push(b);
            for (const o of step.opportunities) if (o.id !== undefined) opportunities.push(o);
        }
    }
    assignIdentities(steps, step => (step.implicit ? `\u0000${stageIdentity(stageOf.get(step)!)}` : step.id));
    assignIdentities(barriers, b => b.id!);
    assignIdentities(opportunities, o => o.id!);
}

export function locateSteps(model: MapModel): Map<string, Located> {
    const result = new Map<string, Located>();
    for (const stage of model.stages) {
        stage.steps.forEach((step, index) => {
            const identity = stepIdentity(stage, step);
            if (!result.has(identity)) result.set(identity, { stage, step, index });
        });
    }
    return result;
}

export function locateFacts<T extends { id?: string }>(model: MapModel, list: (step: StepModel) => readonly T[]): Map<string, LocatedFact<T>> {
    const result = new Map<string, LocatedFact<T>>();
    for (const stage of model.stages) {
        stage.steps.forEach((step, index) => {
            list(step).forEach(fact => {
                if (fact.id !== undefined) result.set(factIdentity(fact), { stage, step, index, fact });
            });
        });
    }
    return result;
}
