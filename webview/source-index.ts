import type { MapModel, SourceRange } from '../src/model/types.js';
import { emotionKey, factKey, stageKey, stepKey } from '../src/render/keys.js';

interface Entry { key: string; range: SourceRange }

/** Where an element was written: a range in the map's own file, or in `uri` (an imported persona). */
export interface SourceLocation { range: SourceRange; uri?: string }

/**
 * Where each drawn element of a map was written: element key (the SVG's `data-id`) to source
 * range, built from the same model the picture was drawn from. Lets a click select the whole
 * source of an element and a cursor line find the innermost element around it.
 */
export class SourceIndex {
    private readonly entries: Entry[] = [];
    private readonly byKey = new Map<string, SourceLocation>();

    constructor(model: MapModel) {
        if (model.journey.source) this.add('journey', model.journey.source);
        for (const persona of model.personas) {
            if (!persona.source) continue;
            if (persona.uri) this.byKey.set(`persona:${persona.id}`, { range: persona.source, uri: persona.uri });
            else this.add(`persona:${persona.id}`, persona.source);
        }
        for (const stage of model.stages) {
            this.add(stageKey(stage.id), stage.source);
            for (const step of stage.steps) {
                const fact = (kind: string, idOrIndex: string | number, range: SourceRange) =>
                    this.add(factKey(stage.id, step.id, kind, idOrIndex), range);
                this.add(stepKey(stage.id, step.id), step.source);
                step.sources.actions.forEach((r, i) => fact('action', i, r));
                step.sources.thoughts.forEach((r, i) => fact('thought', i, r));
                step.sources.questions.forEach((r, i) => fact('question', i, r));
                step.sources.evidence.forEach((r, i) => fact('evidence', i, r));
                step.sources.next.forEach((r, i) => fact('next', step.next[i] ?? i, r));
                step.touchpoints.forEach((t, i) => fact('touchpoint', i, t.source));
                step.barriers.forEach((b, i) => fact('barrier', b.id ?? i, b.source));
                step.opportunities.forEach((o, i) => fact('opportunity', o.id ?? i, o.source));
                step.frontstage.forEach((f, i) => fact('frontstage', i, f.source));
                step.backstage.forEach((f, i) => fact('backstage', i, f.source));
                step.support.forEach((f, i) => fact('support', i, f.source));
                step.metrics.forEach((m, i) => fact('metric', i, m.source));
                step.emotions.forEach(e => this.add(emotionKey(stage.id, step.id, e.persona), e.source));
            }
        }
    }

    /** Where the element of `key` was written; an imported persona's location names its file. */
    locationOf(key: string): SourceLocation | undefined {
        return this.byKey.get(key);
    }

    /**
     * The keys of the innermost elements whose source contains `line` (1-based): all keys that
     * share that smallest range (one emotion line stands for several personas). Empty when none.
     */
    keysAtLine(line: number): string[] {
        let best: SourceRange | undefined;
        let keys: string[] = [];
        for (const { key, range } of this.entries) {
            if (line < range.line || line > range.endLine) continue;
            if (!best || isInside(range, best)) {
                if (!best || !sameRange(range, best)) keys = [];
                best = range;
                keys.push(key);
            } else if (sameRange(range, best)) {
                keys.push(key);
            }
        }
        return keys;
    }

    private add(key: string, range: SourceRange): void {
        if (range.line <= 0) return;
        this.entries.push({ key, range });
        this.byKey.set(key, { range });
    }
}

function isInside(a: SourceRange, b: SourceRange): boolean {
    const startsAfter = a.line > b.line || (a.line === b.line && a.column >= b.column);
    const endsBefore = a.endLine < b.endLine || (a.endLine === b.endLine && a.endColumn <= b.endColumn);
    return startsAfter && endsBefore;
}

function sameRange(a: SourceRange, b: SourceRange): boolean {
    return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
