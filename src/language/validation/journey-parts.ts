import type { Barrier, Emotion, Journey, Opportunity, Stage, Step } from '../generated/ast.js';
import { effectiveEmotions, journeyPersonaNames } from './emotions.js';

/**
 * What the journey-wide checks look at, gathered in one pass over the journey's stages, steps and
 * facts (each check used to walk every fact again), in the order written.
 */
export interface JourneyParts {
    steps: Step[];
    barriers: Barrier[];
    opportunities: Opportunity[];
    /** Every step, and every stage with facts but no steps: what the per-step rules and emotion cliffs look at. */
    holders: Array<Stage | Step>;
    /** The personas the journey follows, by name (see journeyPersonaNames). */
    personas: string[];
    /** The emotion that applies to each persona on `holders[index]` (see effectiveEmotions), computed once. */
    effectiveEmotions(index: number): Map<string, Emotion>;
}

export function journeyParts(journey: Journey): JourneyParts {
    const steps: Step[] = [];
    const barriers: Barrier[] = [];
    const opportunities: Opportunity[] = [];
    const holders: Array<Stage | Step> = [];
    const addFacts = (holder: Stage | Step) => {
        for (const fact of holder.facts) {
            if (fact.$type === 'Barrier') barriers.push(fact);
            else if (fact.$type === 'Opportunity') opportunities.push(fact);
        }
    };
    for (const stage of journey.stages) {
        addFacts(stage);
        if (stage.steps.length === 0 && stage.facts.length > 0) holders.push(stage);
        for (const step of stage.steps) {
            steps.push(step);
            holders.push(step);
            addFacts(step);
        }
    }
    const personas = journeyPersonaNames(journey);
    const effective: Array<Map<string, Emotion> | undefined> = [];
    return {
        steps, barriers, opportunities, holders, personas,
        effectiveEmotions: index => (effective[index] ??= effectiveEmotions(holders[index], personas)),
    };
}
