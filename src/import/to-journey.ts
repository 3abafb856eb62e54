/**
 * A Mermaid journey diagram as `.journey` text: sections become stages, tasks steps (ids made
 * from their names), actors personas, and a task's score 1..5 the emotion -2..+2 of its actors.
 * The text is valid but not yet in canonical layout; the caller runs the formatter.
 */
import type { MermaidJourney, MermaidProblem } from './mermaid.js';
import { IdAllocator, quote } from './ids.js';

export interface ImportResult {
    text: string;
    /** Scores outside 1..5 (clamped) or not whole (rounded), with their lines. */
    warnings: MermaidProblem[];
}

export interface ImportOptions {
    /** Names the journey when the diagram has no title (usually the file's base name). */
    fallbackName: string;
    /** Written in the first comment line, e.g. the source file. */
    source?: string;
}

export function mermaidToJourney(diagram: MermaidJourney, options: ImportOptions): ImportResult {
    const warnings: MermaidProblem[] = [];
    const personaIds = new IdAllocator('persona');
    const personas = new Map<string, string>(); // actor name -> id, in order of appearance
    for (const section of diagram.sections) {
        for (const task of section.tasks) {
            for (const actor of task.actors) if (!personas.has(actor)) personas.set(actor, personaIds.next(actor));
        }
    }
    const title = diagram.title || diagram.accTitle || options.fallbackName;
    const journeyId = new IdAllocator('journey').next(title);
    const stageIds = new IdAllocator('stage');
    const stepIds = new IdAllocator('step');
    const out: string[] = [];
    out.push(`// Imported from ${options.source ?? 'a Mermaid journey diagram'}.`);
    if (diagram.accTitle && diagram.title && diagram.accTitle !== diagram.title) out.push(`// accTitle: ${oneLine(diagram.accTitle)}`);
    out.push('');
    for (const [name, id] of personas) out.push(`persona ${id} ${quote(name)}`);
    out.push('');
    out.push(`journey ${journeyId} ${quote(title)} {`);
    if (personas.size > 0) out.push(`for ${[...personas.values()].join(', ')}`);
    if (diagram.accDescr) out.push(`description ${quote(diagram.accDescr)}`);
    const allActors = personas.size;
    for (const section of diagram.sections) {
        const label = section.name || 'Tasks';
        out.push(`stage ${stageIds.next(label)} ${quote(label)} {`);
        for (const task of section.tasks) {
            const emotion = scoreToEmotion(task.score, task.line, task.scoreColumn, warnings);
            out.push(`step ${stepIds.next(task.name)} ${quote(task.name)} {`);
            const actors = [...new Set(task.actors)];
            if (actors.length === 0 || actors.length === allActors) {
                out.push(`emotion ${emotion}`); // for every persona of the map
            } else {
                for (const actor of actors) out.push(`emotion ${emotion} for ${personas.get(actor)!}`);
            }
            out.push('}');
        }
        out.push('}');
    }
    out.push('}', '');
    return { text: out.join('\n'), warnings };
}

/** Mermaid's 1..5 as the map's -2..+2; out of range is clamped and a fraction rounded, each with a warning. */
export function scoreToEmotion(score: number, line: number, column: number, warnings: MermaidProblem[]): number {
    let value = score;
    if (!Number.isInteger(value)) {
        const rounded = Math.round(value);
        warnings.push({ line, column, message: `score ${score} is not a whole number; rounded to ${rounded}` });
        value = rounded;
    }
    if (value < 1 || value > 5) {
        const clamped = Math.min(5, Math.max(1, value));
        warnings.push({ line, column, message: `score ${value} is outside 1..5; clamped to ${clamped}` });
        value = clamped;
    }
    return value - 3;
}

function oneLine(text: string): string {
    return text.replace(/[\r\n]+/g, ' ');
}
