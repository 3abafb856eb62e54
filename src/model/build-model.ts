import type { Emotion, Fact, Model, Persona, Stage, Step } from '../language/generated/ast.js';
import { channelInfos, personaInfos, teamInfos } from './declared-infos.js';
import { sourceOf } from './source-range.js';
import type {
    BarrierModel, EmotionModel, JourneyInfo, LaneItemModel, MapModel, MetricModel, OpportunityModel, SourceRange, StageModel,
    StepModel, TouchpointModel,
} from './types.js';

export { sourceOf } from './source-range.js';

/** Declarations visible to the journey: its file's own and its imports' (see `visibleDeclarations`). */
export interface ModelDeclarations {
    personas: Persona[];
    channels: Array<{ name: string; label?: string }>;
    teams: Array<{ name: string; label?: string }>;
}

/**
 * What the facts of the journey mention, in the order they are written (each stage's own facts
 * before its steps'): the personas, channels and teams the model lists. Gathered while the steps
 * are built so that the facts are walked once. Sets keep the order of first mention.
 */
interface Mentions {
    personas: Set<string>;
    channels: Set<string>;
    teams: Set<string>;
}

/**
 * Turns the journey of a parsed file into the map model. Pure: reads the AST (with linked
 * references resolved or not) and returns plain data. Returns undefined for a file with no journey.
 *
 * It runs on every keystroke of the live preview, so it walks each fact once and builds the
 * output objects directly, key by key, in the order the schema and snapshots expect.
 */
export function buildMapModel(model: Model, declarations: ModelDeclarations): MapModel | undefined {
    const journey = model.journeys[0];
    if (!journey) return undefined;
    const personaIds = followedPersonas(journey.personas);
    // Built key by key: the optional keys sit between `state` and `personas`.
    const journeyInfo = {
        id: journey.name ?? '',
        title: journey.title ?? journey.name ?? '',
        state: journey.state === 'future' ? 'future' : 'current',
    } as JourneyInfo;
    if (journey.goal !== undefined) journeyInfo.goal = journey.goal;
    if (journey.description !== undefined) journeyInfo.description = journey.description;
    journeyInfo.personas = personaIds;
    journeyInfo.source = sourceOf(journey);

    const mentions: Mentions = { personas: new Set(personaIds), channels: new Set(), teams: new Set() };
    const stages: StageModel[] = [];
    for (const stage of journey.stages) stages.push(stageModel(stage, personaIds, mentions));
    return {
        journey: journeyInfo,
        personas: personaInfos(mentions.personas, declarations.personas, model.$document?.uri.toString()),
        channels: channelInfos(mentions.channels, declarations.channels),
        teams: teamInfos(mentions.teams, declarations.teams),
        stages,
    };
}

/** The ids of `for`, without blanks and repeats. */
function followedPersonas(refs: ReadonlyArray<{ $refText: string }>): string[] {
    const ids: string[] = [];
    for (const ref of refs) {
        const id = ref.$refText;
        if (id && !ids.includes(id)) ids.push(id);
    }
    return ids;
}

function stageModel(stage: Stage, personas: string[], mentions: Mentions): StageModel {
    const steps: StepModel[] = [];
    if (stage.steps.length > 0) {
        // The stage's own facts are not drawn when it has steps, but what they mention is listed.
        for (const fact of stage.facts) mention(fact, mentions);
        for (const step of stage.steps) steps.push(stepModel(step, personas, false, mentions));
    } else {
        steps.push(stepModel(stage, personas, true, mentions));
    }
    return { id: stage.name ?? '', label: stage.label ?? stage.name ?? '', steps, source: sourceOf(stage) };
}

/** Records the persona, channel or team a fact names (the same as `stepModel` records). */
function mention(fact: Fact, mentions: Mentions): void {
    switch (fact.$type) {
        case 'Emotion': if (fact.persona) mentions.personas.add(fact.persona.$refText); break;
        case 'Touchpoint': mentions.channels.add(fact.channel.$refText); break;
        case 'Opportunity': case 'Frontstage': case 'Backstage': case 'Support':
            if (fact.owner) mentions.teams.add(fact.owner.$refText);
            break;
    }
}

function stepModel(holder: Stage | Step, personas: string[], implicit: boolean, mentions: Mentions): StepModel {
    const actions: string[] = [], thoughts: string[] = [], questions: string[] = [], evidence: string[] = [], next: string[] = [];
    const actionSources: SourceRange[] = [], thoughtSources: SourceRange[] = [], questionSources: SourceRange[] = [];
    const evidenceSources: SourceRange[] = [], nextSources: SourceRange[] = [];
    const touchpoints: TouchpointModel[] = [], barriers: BarrierModel[] = [], opportunities: OpportunityModel[] = [];
    const frontstage: LaneItemModel[] = [], backstage: LaneItemModel[] = [], support: LaneItemModel[] = [];
    const metrics: MetricModel[] = [];
    let emotions: Emotion[] | undefined;
    for (const fact of holder.facts) {
        if (!isComplete(fact)) continue;
        switch (fact.$type) {
            case 'Action': actions.push(fact.text); actionSources.push(sourceOf(fact)); break;
            case 'Thought': thoughts.push(fact.text); thoughtSources.push(sourceOf(fact)); break;
            case 'Question': questions.push(fact.text); questionSources.push(sourceOf(fact)); break;
            case 'Evidence': evidence.push(fact.text); evidenceSources.push(sourceOf(fact)); break;
            case 'Next': next.push(fact.step.$refText); nextSources.push(sourceOf(fact)); break;
            case 'Touchpoint': {
                const channel = fact.channel.$refText;
                mentions.channels.add(channel);
                touchpoints.push(fact.text === undefined
                    ? { channel, source: sourceOf(fact) }
                    : { channel, text: fact.text, source: sourceOf(fact) });
                break;
            }
            case 'Barrier': {
                const barrier = {} as BarrierModel;
                if (fact.name !== undefined) barrier.id = fact.name;
                barrier.text = fact.text;
                if (fact.severity !== undefined) barrier.severity = fact.severity;
                barrier.source = sourceOf(fact);
                barriers.push(barrier);
                break;
            }
            case 'Opportunity': {
                const opportunity = {} as OpportunityModel;
                if (fact.name !== undefined) opportunity.id = fact.name;
                opportunity.text = fact.text;
                const fixes: string[] = [];
                for (const ref of fact.fixes) if (ref.$refText !== undefined) fixes.push(ref.$refText);
                opportunity.fixes = fixes;
                if (fact.impact !== undefined) opportunity.impact = fact.impact;
                if (fact.effort !== undefined) opportunity.effort = fact.effort;
                if (fact.owner?.$refText !== undefined) {
                    mentions.teams.add(fact.owner.$refText);
                    opportunity.owner = fact.owner.$refText;
                }
                opportunity.source = sourceOf(fact);
                opportunities.push(opportunity);
                break;
            }
            case 'Frontstage': frontstage.push(laneItem(fact.text, fact.owner, fact, mentions)); break;
            case 'Backstage': backstage.push(laneItem(fact.text, fact.owner, fact, mentions)); break;
            case 'Support': support.push(laneItem(fact.text, fact.owner, fact, mentions)); break;
            case 'Metric':
                metrics.push(fact.target === undefined
                    ? { name: fact.name, value: fact.value, source: sourceOf(fact) }
                    : { name: fact.name, value: fact.value, target: fact.target, source: sourceOf(fact) });
                break;
            case 'Emotion':
                if (fact.persona?.$refText !== undefined) mentions.personas.add(fact.persona.$refText);
                (emotions ??= []).push(fact);
                break;
        }
    }
    return {
        id: holder.name ?? '',
        label: holder.label ?? holder.name ?? '',
        implicit,
        actions, touchpoints, thoughts,
        emotions: emotions ? expandEmotions(emotions, personas) : [],
        barriers, opportunities, questions, frontstage, backstage, support, metrics, evidence, next,
        source: sourceOf(holder),
        sources: { actions: actionSources, thoughts: thoughtSources, questions: questionSources, evidence: evidenceSources, next: nextSources },
    };
}

/**
 * Whether a fact has the parts the model needs. A fact the parser recovered from a syntax error
 * (`touchpoint` with no channel, `action` with no text) is left out: such a document has errors,
 * and the preview keeps showing its last good map meanwhile.
 */
function isComplete(fact: Fact): boolean {
    switch (fact.$type) {
        case 'Touchpoint': return fact.channel?.$refText !== undefined;
        case 'Next': return fact.step?.$refText !== undefined;
        case 'Emotion': return typeof fact.score === 'number';
        case 'Metric': return fact.name !== undefined && typeof fact.value === 'number';
        default: return typeof fact.text === 'string';
    }
}

function laneItem(text: string, owner: { $refText: string } | undefined, fact: Fact, mentions: Mentions): LaneItemModel {
    if (owner?.$refText !== undefined) mentions.teams.add(owner.$refText);
    return owner?.$refText === undefined
        ? { text, source: sourceOf(fact) }
        : { text, owner: owner.$refText, source: sourceOf(fact) };
}

/**
 * One emotion per persona of the journey: its own (`for`) or else the step's general one, in the
 * order of the journey's `for`. With no personas, the step's emotions are listed as written, with
 * persona null (or the persona named by `for`).
 */
function expandEmotions(emotions: Emotion[], personas: string[]): EmotionModel[] {
    const result: EmotionModel[] = [];
    if (personas.length === 0) {
        for (const e of emotions) result.push(emotionModel(e, e.persona?.$refText ?? null));
        return result;
    }
    let general: Emotion | undefined;
    for (const e of emotions) {
        if (e.persona?.$refText === undefined) { general = e; break; }
    }
    for (const persona of personas) {
        let own: Emotion | undefined;
        for (const e of emotions) {
            if (e.persona?.$refText === persona) { own = e; break; }
        }
        const emotion = own ?? general;
        if (emotion) result.push(emotionModel(emotion, persona));
    }
    // An emotion `for` a persona the journey does not follow is kept, after the followed ones.
    for (const e of emotions) {
        if (e.persona?.$refText !== undefined && !personas.includes(e.persona.$refText)) result.push(emotionModel(e, e.persona.$refText));
    }
    return result;
}

function emotionModel(e: Emotion, persona: string | null): EmotionModel {
    return e.label === undefined
        ? { persona, score: e.score, source: sourceOf(e) }
        : { persona, score: e.score, label: e.label, source: sourceOf(e) };
}
