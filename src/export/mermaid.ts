import type { MapModel, StepModel } from '../model/types.js';

/**
 * A Mermaid `journey` diagram of a map: the title, a `section` per stage, a task per step
 * (`Task: score: actor, actor`), the personas as actors (by id, so an import gets the same ids).
 *
 * Score: Mermaid has one score (1..5) per task, a map one emotion (-2..+2) per persona. The
 * task's score is the mean of the emotions of the personas on that step, rounded half up
 * (Math.round), plus 3; its actors are the personas that have an emotion there. A step with no
 * emotion scores 3 (neutral) and has no actors. Characters Mermaid reads as syntax (`:`, `;`,
 * `#`) are written as Mermaid entity codes (`#58;`, `#59;`, `#35;`).
 */
export function toMermaid(model: MapModel): string {
    const lines = ['journey', `  title ${text(model.journey.title)}`];
    if (model.journey.goal) lines.push(`  accDescr: ${text(model.journey.goal)}`);
    for (const stage of model.stages) {
        lines.push(`  section ${text(stage.label)}`);
        for (const step of stage.steps) {
            const actors = step.emotions.filter(e => e.persona !== null).map(e => e.persona!);
            lines.push(`    ${text(step.implicit ? stage.label : step.label)}: ${mermaidScore(step)}${actors.length > 0 ? `: ${actors.map(text).join(', ')}` : ''}`);
        }
    }
    return lines.join('\n') + '\n';
}

/** The task score of a step: mean emotion rounded half up, plus 3, kept within 1..5. */
export function mermaidScore(step: StepModel): number {
    if (step.emotions.length === 0) return 3;
    const mean = step.emotions.reduce((sum, e) => sum + e.score, 0) / step.emotions.length;
    return Math.max(1, Math.min(5, Math.round(mean) + 3));
}

/** Text on one line with Mermaid's syntax characters as entity codes. */
function text(value: string): string {
    return value
        .replace(/[\r\n]+/g, ' ')
        .replace(/[#:;]/g, c => `#${c.charCodeAt(0)};`)
        .trim() || '#32;';
}
