import type { ValidationAcceptor } from 'langium';
import type { Emotion, Journey, Stage, Step } from '../generated/ast.js';
import { factHolders } from '../journey-utils.js';
import { headerRange, propertyRangeOnKeywordLine } from './ranges.js';
import type { JourneyParts } from './journey-parts.js';

/** The personas a journey follows, by name (unresolved names included, so one typo does not hide every emotion). */
export function journeyPersonaNames(journey: Journey): string[] {
    return [...new Set(journey.personas.map(ref => ref.$refText).filter(Boolean))];
}

export function emotionsOf(holder: Stage | Step): Emotion[] {
    return holder.facts.filter((fact): fact is Emotion => fact.$type === 'Emotion');
}

export function isValidScore(score: number | undefined): score is number {
    return score !== undefined && Number.isInteger(score) && score >= -2 && score <= 2;
}

/**
 * The emotion that applies to each persona on a step: its own (`for`), else the step's general
 * one. With no personas in the journey, the key '' holds the step's single emotion.
 */
export function effectiveEmotions(holder: Stage | Step, personas: string[]): Map<string, Emotion> {
    const emotions = emotionsOf(holder);
    const general = emotions.find(e => !e.persona);
    const result = new Map<string, Emotion>();
    if (personas.length === 0) {
        const any = general ?? emotions[0];
        if (any) result.set('', any);
        return result;
    }
    for (const persona of personas) {
        const own = emotions.find(e => e.persona?.$refText === persona);
        const emotion = own ?? general;
        if (emotion) result.set(persona, emotion);
    }
    return result;
}

export function checkEmotionRange(emotion: Emotion, accept: ValidationAcceptor): void {
    // A missing score is a syntax error already.
    if (emotion.score !== undefined && !isValidScore(emotion.score)) {
        accept('error', `Emotion score ${emotion.score} is out of range: use an integer from -2 (very negative) to +2 (very positive).`,
            { node: emotion, property: 'score', range: propertyRangeOnKeywordLine(emotion, 'score'), code: 'emotion-range' });
    }
}

export function checkDuplicateEmotions(holder: Stage | Step, accept: ValidationAcceptor): void {
    const emotions = emotionsOf(holder);
    // A step has a handful of emotions: comparing with the earlier ones allocates nothing. A set past that.
    const seen = emotions.length > 8 ? new Set<string>() : undefined;
    const keyOf = (emotion: Emotion) => emotion.persona?.$refText ?? '';
    for (let i = 0; i < emotions.length; i++) {
        const key = keyOf(emotions[i]);
        let repeated = false;
        if (seen) {
            repeated = seen.has(key);
            seen.add(key);
        } else {
            for (let j = 0; j < i && !repeated; j++) repeated = keyOf(emotions[j]) === key;
        }
        if (repeated) {
            const whom = key ? ` for persona '${key}'` : '';
            accept('error', `A second emotion${whom} on ${holder.$type.toLowerCase()} '${holder.name ?? '?'}': keep one emotion per persona.`,
                { node: emotions[i], code: 'duplicate-emotion' });
        }
    }
}

export function checkMissingEmotion(holder: Stage | Step, personas: string[], accept: ValidationAcceptor, found = effectiveEmotions(holder, personas)): void {
    const kind = holder.$type.toLowerCase();
    // The range only when there is a finding: finding the name node costs a CST search.
    let range: ReturnType<typeof headerRange> | null = null;
    const rangeOf = () => (range === null ? (range = headerRange(holder)) : range);
    if (personas.length === 0) {
        if (found.size === 0) {
            accept('warning', `The ${kind} '${holder.name ?? '?'}' has no emotion.`, { node: holder, range: rangeOf(), code: 'missing-emotion', data: { code: 'missing-emotion' } });
        }
        return;
    }
    for (const persona of personas) {
        if (found.has(persona)) continue;
        const message = personas.length === 1
            ? `The ${kind} '${holder.name ?? '?'}' has no emotion.`
            : `The ${kind} '${holder.name ?? '?'}' has no emotion for persona '${persona}'.`;
        accept('warning', message, { node: holder, range: rangeOf(), code: 'missing-emotion', data: { code: 'missing-emotion', persona: personas.length === 1 ? undefined : persona } });
    }
}

/** Moments of truth: a fall of 3 or more between consecutive steps, persona by persona. */
export function checkEmotionCliffs(journey: Journey, accept: ValidationAcceptor, parts?: JourneyParts): void {
    const personas = parts?.personas ?? journeyPersonaNames(journey);
    const keys = personas.length === 0 ? [''] : personas;
    const holders = parts?.holders ?? factHolders(journey).filter(h => h.$type === 'Step' || h.facts.length > 0);
    const emotionsAt = (index: number) => (parts ? parts.effectiveEmotions(index) : effectiveEmotions(holders[index], personas));
    for (let i = 1; i < holders.length; i++) {
        const before = emotionsAt(i - 1);
        const after = emotionsAt(i);
        for (const key of keys) {
            const from = before.get(key)?.score;
            const to = after.get(key)?.score;
            if (!isValidScore(from) || !isValidScore(to) || from - to < 3) continue;
            const whom = key && personas.length > 1 ? ` for '${key}'` : '';
            accept('info', `Emotion falls from ${signed(from)} to ${signed(to)}${whom} between '${holders[i - 1].name ?? '?'}' and '${holders[i].name ?? '?'}': a moment of truth.`,
                { node: holders[i], range: headerRange(holders[i]), code: 'emotion-cliff' });
        }
    }
}

export function signed(score: number): string {
    return score > 0 ? `+${score}` : String(score);
}
