/**
 * The semantic diff of two map models: what a change did to the journey, matched by id and never
 * by position. Personas, channels, teams, the journey, stages, steps, barriers and opportunities
 * match by id (steps, barriers and opportunities across the whole journey, so a step that changes
 * stage is `moved`); facts without ids match by kind and content within their step
 * (`diff-facts.ts`); emotions match by persona.
 */
import type { BarrierModel, FileDeclarations, MapModel, OpportunityModel, StageModel, StepModel } from './types.js';
import {
    anonymousBarrierSpec, anonymousOpportunitySpec, barrierValue, factSpecs, matchFacts, opportunityFields, opportunityValue, sameValue,
} from './diff-facts.js';
import { reorderedIds } from './diff-order.js';
import {
    assignModelIdentities, factIdentity, locateFacts, locateSteps, stageIdentity, stepIdentity, stepPath, type Located, type LocatedFact,
} from './diff-identity.js';
import { summarize, type ElementKind, type MapChange, type MapDiff } from './diff-types.js';

export * from './diff-types.js';
export { stepPath } from './diff-identity.js';

/**
 * Compares two maps; `undefined` stands for a file without a journey (or no file at all).
 * `declared` adds the personas, channels and teams each file declares itself: a model holds only
 * those its journey mentions, and a file of shared personas has no model at all.
 */
export function diffMaps(
    before: MapModel | undefined, after: MapModel | undefined,
    declared: { before?: FileDeclarations | undefined; after?: FileDeclarations | undefined } = {},
): MapDiff {
    const differ = new MapDiffer(
        withDeclarations(before ?? emptyMap(), declared.before), withDeclarations(after ?? emptyMap(), declared.after),
        before !== undefined, after !== undefined,
    );
    return differ.run();
}

/** The model with the file's own declarations that its journey does not mention added to its lists. */
function withDeclarations(model: MapModel, declared: FileDeclarations | undefined): MapModel {
    if (!declared) return model;
    const union = <T extends { id: string }>(mentioned: T[], own: T[]): T[] => {
        const ids = new Set(mentioned.map(item => item.id));
        return [...mentioned, ...own.filter(item => !ids.has(item.id))];
    };
    return {
        ...model,
        personas: union(model.personas, declared.personas),
        channels: union(model.channels, declared.channels),
        teams: union(model.teams, declared.teams),
    };
}

function emptyMap(): MapModel {
    return { journey: { id: '', title: '', state: 'current', personas: [] }, personas: [], channels: [], teams: [], stages: [] };
}

class MapDiffer {
    private readonly changes: MapChange[] = [];
    private readonly added: string[] = [];
    private readonly changed: string[] = [];
    private readonly removed = new Set<string>();
    private readonly beforeSteps: Map<string, Located>;
    private readonly afterSteps: Map<string, Located>;
    private readonly afterStages: Set<string>;
    /** Personas the journey follows on only one side: their emotions come and go with them, reported once. */
    private readonly onlyOneSide: Set<string>;
    private readonly beforeBarriers: Map<string, LocatedFact<BarrierModel>>;
    private readonly afterBarriers: Map<string, LocatedFact<BarrierModel>>;
    private readonly beforeOpportunities: Map<string, LocatedFact<OpportunityModel>>;
    private readonly afterOpportunities: Map<string, LocatedFact<OpportunityModel>>;

    constructor(
        private readonly before: MapModel, private readonly after: MapModel,
        private readonly hadBefore: boolean, private readonly hasAfter: boolean,
    ) {
        assignModelIdentities(before);
        assignModelIdentities(after);
        this.beforeSteps = locateSteps(before);
        this.afterSteps = locateSteps(after);
        this.afterStages = new Set(after.stages.map(stageIdentity));
        const followedBefore = new Set(before.journey.personas);
        const followedAfter = new Set(after.journey.personas);
        this.onlyOneSide = new Set([
            ...before.journey.personas.filter(p => !followedAfter.has(p)),
            ...after.journey.personas.filter(p => !followedBefore.has(p)),
        ]);
        this.beforeBarriers = locateFacts(before, s => s.barriers);
        this.afterBarriers = locateFacts(after, s => s.barriers);
        this.beforeOpportunities = locateFacts(before, s => s.opportunities);
        this.afterOpportunities = locateFacts(after, s => s.opportunities);
    }

    run(): MapDiff {
        this.diffJourney();
        this.diffDeclarations();
        this.diffStages();
        return {
            changes: this.changes,
            summary: summarize(this.changes),
            highlight: { added: unique(this.added), changed: unique(this.changed), removed: [...this.removed] },
        };
    }

    /** Records a change; `key` is the renderer's element key (in the new map, or the nearest one still drawn). */
    private emit(change: MapChange, key?: string): void {
        this.changes.push({ ...change, before: change.before ?? null, after: change.after ?? null });
        if (key === undefined) return;
        if (change.kind === 'added') this.added.push(key);
        else if (change.kind === 'removed') this.removed.add(key);
        else this.changed.push(key);
    }

    private diffJourney(): void {
        const b = this.before.journey;
        const a = this.after.journey;
        if (this.hadBefore && (!this.hasAfter || b.id !== a.id)) {
            this.emit({ kind: 'removed', element: 'journey', id: b.id, path: '', before: b.title }, this.hasAfter ? 'journey' : undefined);
        }
        if (this.hasAfter && (!this.hadBefore || b.id !== a.id)) {
            this.emit({ kind: 'added', element: 'journey', id: a.id, path: '', after: a.title }, 'journey');
        }
        if (!this.hadBefore || !this.hasAfter) return;
        const fields: Array<[string, unknown, unknown]> = [
            ['title', b.title, a.title], ['state', b.state, a.state], ['goal', b.goal, a.goal],
            ['description', b.description, a.description], ['personas', b.personas, a.personas],
        ];
        for (const [field, before, after] of fields) {
            if (!sameValue(before, after)) {
                this.emit({ kind: 'changed', element: 'journey', id: a.id, path: '', field, before, after }, 'journey');
            }
        }
    }

    private diffDeclarations(): void {
        this.diffById('persona', this.before.personas, this.after.personas, p => p.label,
            ['label', 'role', 'goals', 'needs', 'motivations', 'frustrations', 'quotes'], p => `persona:${p.id}`);
        // Built-in channels are not the map's declarations: a first use of `web` is not news.
        const declared = (channels: MapModel['channels']) => channels.filter(c => !c.builtin);
        this.diffById('channel', declared(this.before.channels), declared(this.after.channels), c => c.label, ['label']);
        this.diffById('team', this.before.teams, this.after.teams, t => t.label, ['label']);
    }

    private diffById<T extends { id: string }>(
        element: ElementKind, before: readonly T[], after: readonly T[], value: (item: T) => unknown,
        fields: Array<keyof T & string>, key?: (item: T) => string,
    ): void {
        const old = new Map(before.map(item => [item.id, item]));
        const now = new Set(after.map(item => item.id));
        for (const item of after) {
            const previous = old.get(item.id);
            if (!previous) {
                this.emit({ kind: 'added', element, id: item.id, path: '', after: value(item) }, key?.(item));
                continue;
            }
            for (const field of fields) {
                if (!sameValue(previous[field], item[field])) {
                    this.emit({ kind: 'changed', element, id: item.id, path: '', field, before: previous[field], after: item[field] }, key?.(item));
                }
            }
        }
        for (const item of before) {
            if (!now.has(item.id)) this.emit({ kind: 'removed', element, id: item.id, path: '', before: value(item) }, 'journey');
        }
    }

    private diffStages(): void {
        const beforeStages = new Map(this.before.stages.map((s, i) => [stageIdentity(s), { stage: s, index: i }]));
        const reordered = reorderedIds(this.before.stages.map(stageIdentity), this.after.stages.map(stageIdentity));
        this.after.stages.forEach((stage, index) => {
            const old = beforeStages.get(stageIdentity(stage));
            if (!old) {
                this.emit({ kind: 'added', element: 'stage', id: stage.id, path: stage.id, after: stage.label }, stage.id);
            } else {
                if (reordered.has(stageIdentity(stage))) {
                    this.emit({ kind: 'moved', element: 'stage', id: stage.id, path: stage.id, field: 'position', before: old.index + 1, after: index + 1 }, stage.id);
                }
                if (old.stage.label !== stage.label) {
                    this.emit({ kind: 'changed', element: 'stage', id: stage.id, path: stage.id, field: 'label', before: old.stage.label, after: stage.label }, stage.id);
                }
            }
            this.diffStepsOf(stage, old?.stage);
        });
        for (const stage of this.before.stages) {
            if (this.afterStages.has(stageIdentity(stage))) continue;
            this.emit({ kind: 'removed', element: 'stage', id: stage.id, path: stage.id, before: stage.label }, 'journey');
            this.removedStepsOf(stage);
        }
    }

    private diffStepsOf(stage: StageModel, oldStage: StageModel | undefined): void {
        const reordered = reorderedIds(
            oldStage ? oldStage.steps.map(s => stepIdentity(oldStage, s)) : [],
            stage.steps.map(s => stepIdentity(stage, s)),
        );
        stage.steps.forEach((step, index) => {
            const identity = stepIdentity(stage, step);
            const old = this.beforeSteps.get(identity);
            const path = stepPath(stage, step);
            const key = `${stage.id}/${step.id}`;
            if (!old) {
                if (!step.implicit) this.emit({ kind: 'added', element: 'step', id: step.id, path, after: step.label }, key);
            } else if (stageIdentity(old.stage) !== stageIdentity(stage)) {
                this.emit({ kind: 'moved', element: 'step', id: step.id, path, field: 'stage', before: old.stage.id, after: stage.id }, key);
            } else if (reordered.has(identity)) {
                this.emit({ kind: 'moved', element: 'step', id: step.id, path, field: 'position', before: old.index + 1, after: index + 1 }, key);
            }
            if (old && !step.implicit && old.step.label !== step.label) {
                this.emit({ kind: 'changed', element: 'step', id: step.id, path, field: 'label', before: old.step.label, after: step.label }, key);
            }
            // A new step is reported as one change (with its barriers and opportunities, which have ids of their
            // own); a stage's facts written without steps have no step to report, so they are listed one by one.
            const factsBefore = old?.step ?? (step.implicit ? emptyStep(step) : undefined);
            this.diffFacts(stage, step, factsBefore);
        });
        if (!oldStage) return;
        for (const step of oldStage.steps) {
            if (!this.afterSteps.has(stepIdentity(oldStage, step))) this.removedStep(oldStage, step);
        }
    }

    private removedStepsOf(stage: StageModel): void {
        for (const step of stage.steps) {
            if (!this.afterSteps.has(stepIdentity(stage, step))) this.removedStep(stage, step);
        }
    }

    private removedStep(stage: StageModel, step: StepModel): void {
        const path = stepPath(stage, step);
        const nearest = this.afterStages.has(stageIdentity(stage)) ? stage.id : 'journey';
        if (!step.implicit) this.emit({ kind: 'removed', element: 'step', id: step.id, path, before: step.label }, nearest);
        if (step.implicit) {
            this.diffEmotions(stage, emptyStep(step), step, path, path);
            this.diffIdLessFacts(stage, emptyStep(step), step, path, path, nearest, true);
        }
        this.removedIdFacts(step, path, nearest);
    }

    /** Facts of a step that exists now; `old` is the same step before (undefined for a new step). */
    private diffFacts(stage: StageModel, step: StepModel, old: StepModel | undefined): void {
        const path = stepPath(stage, step);
        const stepKey = `${stage.id}/${step.id}`;
        const oldPlace = this.beforeSteps.get(stepIdentity(stage, step));
        // Removals are reported where the fact was: the step's old place if it moved.
        const oldPath = oldPlace ? stepPath(oldPlace.stage, oldPlace.step) : path;
        if (old) {
            this.diffEmotions(stage, step, old, path, oldPath);
            this.diffIdLessFacts(stage, step, old, path, oldPath, stepKey, false);
        }
        this.diffIdFacts(stage, step, path);
        if (old) this.removedIdFacts(old, oldPath, stepKey);
    }

    private diffEmotions(stage: StageModel, step: StepModel, old: StepModel, path: string, oldPath: string): void {
        if (sameEmotions(old.emotions, step.emotions)) return;
        const keyed = (s: StepModel) => {
            const result = new Map<string, StepModel['emotions'][number]>();
            for (const e of s.emotions) {
                let key = e.persona ?? '';
                for (let n = 2; result.has(key); n++) key = `${e.persona ?? ''}#${n}`;
                result.set(key, e);
            }
            return result;
        };
        const before = keyed(old);
        const after = keyed(step);
        const emotionKey = (persona: string | null) => `${stage.id}/${step.id}/emotion:${persona ?? '*'}`;
        for (const [key, emotion] of after) {
            const persona = emotion.persona ?? '';
            const previous = before.get(key);
            const base = { element: 'emotion' as const, id: persona, path, persona };
            if (!previous) {
                if (this.onlyOneSide.has(persona)) continue;
                this.emit({ kind: 'added', ...base, after: emotionValue(emotion) }, emotionKey(emotion.persona));
                continue;
            }
            if (previous.score !== emotion.score) {
                this.emit({ kind: 'changed', ...base, field: 'score', before: previous.score, after: emotion.score }, emotionKey(emotion.persona));
            }
            if (previous.label !== emotion.label) {
                this.emit({ kind: 'changed', ...base, field: 'label', before: previous.label, after: emotion.label }, emotionKey(emotion.persona));
            }
        }
        for (const [key, emotion] of before) {
            const persona = emotion.persona ?? '';
            if (after.has(key) || this.onlyOneSide.has(persona)) continue;
            this.emit({ kind: 'removed', element: 'emotion', id: persona, path: oldPath, persona, before: emotionValue(emotion) }, `${stage.id}/${step.id}`);
        }
    }

    private diffIdLessFacts(
        stage: StageModel, step: StepModel, old: StepModel, path: string, oldPath: string, removedKey: string, onlyRemovals: boolean,
    ): void {
        for (const spec of factSpecs) {
            const before = spec.list(old);
            const after = spec.list(step);
            const match = matchFacts(spec, before, after);
            if (match.changed.length === 0 && match.added.length === 0 && match.removed.length === 0) continue;
            // The renderer keys `next` links by their target, other id-less facts by their index.
            const keyOf = (index: number) => (spec.element === 'next'
                ? `${stage.id}/${step.id}/next:${String(after[index])}`
                : `${stage.id}/${step.id}/${spec.keyKind}#${index}`);
            if (!onlyRemovals) {
                for (const [b, a] of match.changed) {
                    for (const [field, get] of spec.fields) {
                        const was = get(before[b]);
                        const now = get(after[a]);
                        if (sameValue(was, now)) continue;
                        this.emit({ kind: 'changed', element: spec.element, id: spec.id(after[a]), path, field, before: was, after: now }, keyOf(a));
                    }
                }
                for (const a of match.added) {
                    this.emit({ kind: 'added', element: spec.element, id: spec.id(after[a]), path, after: spec.value(after[a]) }, keyOf(a));
                }
            }
            for (const b of match.removed) {
                this.emit({ kind: 'removed', element: spec.element, id: spec.id(before[b]), path: oldPath, before: spec.value(before[b]) }, removedKey);
            }
        }
    }

    /** Barriers and opportunities with ids in a step that exists now: added, moved from another step, changed. */
    private diffIdFacts(stage: StageModel, step: StepModel, path: string): void {
        if (step.barriers.length > 0) this.diffIdFactsOf(barrierKind, step.barriers, this.beforeBarriers, stage, step, path);
        if (step.opportunities.length > 0) this.diffIdFactsOf(opportunityKind, step.opportunities, this.beforeOpportunities, stage, step, path);
    }

    private diffIdFactsOf<T extends { id?: string }>(
        kind: IdFactKind<T>, facts: readonly T[], old: Map<string, LocatedFact<T>>, stage: StageModel, step: StepModel, path: string,
    ): void {
        const identity = stepIdentity(stage, step);
        for (const fact of facts) {
            if (fact.id === undefined) continue;
            const was = old.get(factIdentity(fact));
            const moved = was !== undefined && stepIdentity(was.stage, was.step) !== identity;
            if (was && !moved && kind.same(was.fact, fact)) continue; // the common case: nothing to say
            const key = `${stage.id}/${step.id}/${kind.element}:${fact.id}`;
            if (!was) {
                this.emit({ kind: 'added', element: kind.element, id: fact.id, path, after: kind.value(fact) }, key);
                continue;
            }
            if (moved) {
                this.emit({ kind: 'moved', element: kind.element, id: fact.id, path, field: 'step', before: stepPath(was.stage, was.step), after: path }, key);
            }
            if (kind.same(was.fact, fact)) continue;
            for (const [field, get] of kind.fields) {
                const before = get(was.fact);
                const after = get(fact);
                if (!sameValue(before, after)) this.emit({ kind: 'changed', element: kind.element, id: fact.id, path, field, before, after }, key);
            }
        }
    }

    /** Barriers and opportunities with ids that were in `old` (a step at `path`) and are nowhere now. */
    private removedIdFacts(old: StepModel, path: string, nearestKey: string): void {
        for (const barrier of old.barriers) {
            if (barrier.id !== undefined && !this.afterBarriers.has(factIdentity(barrier))) {
                this.emit({ kind: 'removed', element: 'barrier', id: barrier.id, path, before: barrierValue(barrier) }, nearestKey);
            }
        }
        for (const opportunity of old.opportunities) {
            if (opportunity.id !== undefined && !this.afterOpportunities.has(factIdentity(opportunity))) {
                this.emit({ kind: 'removed', element: 'opportunity', id: opportunity.id, path, before: opportunityValue(opportunity) }, nearestKey);
            }
        }
    }
}

/** How barriers and opportunities with ids are compared. */
interface IdFactKind<T> {
    element: 'barrier' | 'opportunity';
    value: (fact: T) => unknown;
    same: (a: T, b: T) => boolean;
    fields: Array<[string, (fact: T) => unknown]>;
}

const barrierKind: IdFactKind<BarrierModel> = {
    element: 'barrier', value: barrierValue, same: anonymousBarrierSpec.same,
    fields: [['text', f => f.text], ['severity', f => f.severity]],
};

const opportunityKind: IdFactKind<OpportunityModel> = {
    element: 'opportunity', value: opportunityValue, same: anonymousOpportunitySpec.same, fields: opportunityFields(),
};

function sameEmotions(a: StepModel['emotions'], b: StepModel['emotions']): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        if (a[i].persona !== b[i].persona || a[i].score !== b[i].score || a[i].label !== b[i].label) return false;
    }
    return true;
}

function emotionValue(emotion: StepModel['emotions'][number]): unknown {
    return emotion.label === undefined ? { score: emotion.score } : { score: emotion.score, label: emotion.label };
}

function emptyStep(like: StepModel): StepModel {
    return {
        ...like, actions: [], touchpoints: [], thoughts: [], emotions: [], barriers: [], opportunities: [], questions: [],
        frontstage: [], backstage: [], support: [], metrics: [], evidence: [], next: [],
    };
}

function unique(items: string[]): string[] {
    return [...new Set(items)];
}
