/**
 * Element keys: the `data-id` of every drawn element, also the keys a diff view passes in
 * `RenderOptions.highlight`. Paths from the stage down, joined by '/':
 *   stage            `stage-id`
 *   step             `stage-id/step-id` (an implicit step: `stage-id/stage-id`)
 *   fact with an id  `stage-id/step-id/barrier:barrier-id`, `.../opportunity:opp-id`
 *   emotion          `stage-id/step-id/emotion:persona-id` (`emotion:*` when it has no persona)
 *   next link        `stage-id/step-id/next:target-step-id`
 *   other facts      `stage-id/step-id/KIND#N`, N the 0-based index among the step's facts of that
 *                    kind, KIND one of action, touchpoint, thought, barrier, opportunity, question,
 *                    frontstage, backstage, support, metric, evidence
 *   the header       `journey`; a persona in it: `persona:persona-id`
 */
export function stageKey(stageId: string): string {
    return stageId;
}

export function stepKey(stageId: string, stepId: string): string {
    return `${stageId}/${stepId}`;
}

export function factKey(stageId: string, stepId: string, kind: string, idOrIndex: string | number): string {
    return typeof idOrIndex === 'number'
        ? `${stageId}/${stepId}/${kind}#${idOrIndex}`
        : `${stageId}/${stepId}/${kind}:${idOrIndex}`;
}

export function emotionKey(stageId: string, stepId: string, persona: string | null): string {
    return factKey(stageId, stepId, 'emotion', persona ?? '*');
}

/** The keys a key falls back to when it is not drawn: its parents, nearest first. */
export function parentKeys(key: string): string[] {
    const parts = key.split('/');
    const parents: string[] = [];
    for (let n = parts.length - 1; n >= 1; n--) parents.push(parts.slice(0, n).join('/'));
    return parents;
}
