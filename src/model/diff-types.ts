/**
 * The result of comparing two map models (`diffMaps`). Plain, serialisable data: `journey diff
 * --format json` prints `changes` and `summary` as they are.
 */

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export type ElementKind =
    | 'journey' | 'persona' | 'channel' | 'team' | 'stage' | 'step' | 'emotion' | 'touchpoint' | 'action'
    | 'thought' | 'barrier' | 'opportunity' | 'question' | 'frontstage' | 'backstage' | 'support' | 'metric'
    | 'evidence' | 'next';

export interface MapChange {
    kind: ChangeKind;
    element: ElementKind;
    /** The element's id, or for a fact without one its text (a touchpoint's text or channel, a metric's name). */
    id: string;
    /** `stage-id/step-id` where the element is now (where it was, for a removal); `stage-id` for a stage or a
     *  fact of a stage without steps; empty for the journey, personas, channels and teams. */
    path: string;
    /** For `changed` and `moved`: what changed (`label`, `state`, `score`, `severity`, `stage`, `position`, ...). */
    field?: string;
    /** For emotions: the persona the emotion belongs to (empty when the journey follows none). */
    persona?: string;
    /** The value before (null for an addition): a label, score, text or the fact's fields. */
    before?: unknown;
    /** The value after (null for a removal). */
    after?: unknown;
}

export interface DiffSummary {
    added: number;
    removed: number;
    changed: number;
    moved: number;
}

/** The element keys of the renderer (`src/render/keys.ts`) to mark in the new map. */
export interface DiffHighlight {
    added: string[];
    changed: string[];
    removed: string[];
}

export interface MapDiff {
    changes: MapChange[];
    summary: DiffSummary;
    highlight: DiffHighlight;
}

export function summarize(changes: readonly MapChange[]): DiffSummary {
    const summary: DiffSummary = { added: 0, removed: 0, changed: 0, moved: 0 };
    for (const change of changes) summary[change.kind]++;
    return summary;
}
