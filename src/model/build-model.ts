import type { AstNode } from 'langium';
import type { Fact, Journey, Model, Persona, Stage, Step } from '../language/generated/ast.js';
import { builtinChannels } from '../language/builtins.js';
import type {
    ChannelInfo, EmotionModel, MapModel, PersonaInfo, SourceRange, StageModel, StepModel, TeamInfo,
} from './types.js';

/** Declarations visible to the journey: its file's own and its imports' (see `visibleDeclarations`). */
export interface ModelDeclarations {
    personas: Persona[];
    channels: Array<{ name: string; label?: string }>;
    teams: Array<{ name: string; label?: string }>;
}

/**
 * Turns the journey of a parsed file into the map model. Pure: reads the AST (with linked
 * references resolved or not) and returns plain data. Returns undefined for a file with no journey.
 */
export function buildMapModel(model: Model, declarations: ModelDeclarations): MapModel | undefined {
    const journey = model.journeys[0];
    if (!journey) return undefined;
    const personaIds = unique(journey.personas.map(ref => ref.$refText).filter(Boolean));
    return {
        journey: {
            id: journey.name ?? '',
            title: journey.title ?? journey.name ?? '',
            state: journey.state === 'future' ? 'future' : 'current',
            ...(journey.goal !== undefined ? { goal: journey.goal } : {}),
            ...(journey.description !== undefined ? { description: journey.description } : {}),
            personas: personaIds,
            source: sourceOf(journey),
        },
        personas: usedPersonas(journey, personaIds, declarations.personas),
        channels: usedChannels(journey, declarations.channels),
        teams: usedTeams(journey, declarations.teams),
        stages: journey.stages.map(stage => stageModel(stage, personaIds)),
    };
}

function stageModel(stage: Stage, personas: string[]): StageModel {
    const steps = stage.steps.length > 0
        ? stage.steps.map(step => stepModel(step, personas, false))
        : [stepModel(stage, personas, true)];
    return { id: stage.name ?? '', label: stage.label ?? stage.name ?? '', steps, source: sourceOf(stage) };
}

function stepModel(holder: Stage | Step, personas: string[], implicit: boolean): StepModel {
    const step: StepModel = {
        id: holder.name ?? '',
        label: holder.label ?? holder.name ?? '',
        implicit,
        actions: [], touchpoints: [], thoughts: [], emotions: [], barriers: [], opportunities: [], questions: [],
        frontstage: [], backstage: [], support: [], metrics: [], evidence: [], next: [],
        source: sourceOf(holder),
        sources: { actions: [], thoughts: [], questions: [], evidence: [], next: [] },
    };
    for (const fact of holder.facts) addFact(step, fact);
    step.emotions = expandEmotions(holder, personas);
    return step;
}

function addFact(step: StepModel, fact: Fact): void {
    const source = sourceOf(fact);
    switch (fact.$type) {
        case 'Action': step.actions.push(fact.text); step.sources.actions.push(source); break;
        case 'Thought': step.thoughts.push(fact.text); step.sources.thoughts.push(source); break;
        case 'Question': step.questions.push(fact.text); step.sources.questions.push(source); break;
        case 'Evidence': step.evidence.push(fact.text); step.sources.evidence.push(source); break;
        case 'Next': step.next.push(fact.step.$refText); step.sources.next.push(source); break;
        case 'Touchpoint':
            step.touchpoints.push({ channel: fact.channel.$refText, ...optional('text', fact.text), source });
            break;
        case 'Barrier':
            step.barriers.push({ ...optional('id', fact.name), text: fact.text, ...optional('severity', fact.severity), source });
            break;
        case 'Opportunity':
            step.opportunities.push({
                ...optional('id', fact.name), text: fact.text, fixes: fact.fixes.map(ref => ref.$refText),
                ...optional('impact', fact.impact), ...optional('effort', fact.effort), ...optional('owner', fact.owner?.$refText), source,
            });
            break;
        case 'Frontstage': case 'Backstage': case 'Support': {
            const lane = fact.$type === 'Frontstage' ? step.frontstage : fact.$type === 'Backstage' ? step.backstage : step.support;
            lane.push({ text: fact.text, ...optional('owner', fact.owner?.$refText), source });
            break;
        }
        case 'Metric':
            step.metrics.push({ name: fact.name, value: fact.value, ...optional('target', fact.target), source });
            break;
        case 'Emotion':
            break; // expanded per persona below
    }
}

/**
 * One emotion per persona of the journey: its own (`for`) or else the step's general one, in the
 * order of the journey's `for`. With no personas, the step's emotions are listed as written, with
 * persona null (or the persona named by `for`).
 */
function expandEmotions(holder: Stage | Step, personas: string[]): EmotionModel[] {
    const emotions = holder.facts.filter(f => f.$type === 'Emotion');
    const toModel = (e: (typeof emotions)[number], persona: string | null): EmotionModel =>
        ({ persona, score: e.score, ...optional('label', e.label), source: sourceOf(e) });
    if (personas.length === 0) {
        return emotions.map(e => toModel(e, e.persona?.$refText ?? null));
    }
    const general = emotions.find(e => !e.persona);
    const result: EmotionModel[] = [];
    for (const persona of personas) {
        const emotion = emotions.find(e => e.persona?.$refText === persona) ?? general;
        if (emotion) result.push(toModel(emotion, persona));
    }
    // An emotion `for` a persona the journey does not follow is kept, after the followed ones.
    for (const e of emotions) {
        if (e.persona && !personas.includes(e.persona.$refText)) result.push(toModel(e, e.persona.$refText));
    }
    return result;
}

function usedPersonas(journey: Journey, ids: string[], declared: Persona[]): PersonaInfo[] {
    const mentioned = new Set(ids);
    for (const holder of journey.stages.flatMap(s => [s, ...s.steps])) {
        for (const fact of holder.facts) if (fact.$type === 'Emotion' && fact.persona) mentioned.add(fact.persona.$refText);
    }
    return [...mentioned].map(id => {
        const persona = declared.find(p => p.name === id);
        const facts = (kind: string) => persona?.facts.filter(f => f.kind === kind).map(f => f.text) ?? [];
        const roles = facts('role');
        return {
            id,
            label: persona?.label ?? id,
            ...(roles.length > 0 ? { role: roles.join('; ') } : {}),
            goals: facts('goal'), needs: facts('need'), motivations: facts('motivation'),
            frustrations: facts('frustration'), quotes: facts('quote'),
            ...(persona ? { source: sourceOf(persona) } : {}),
        };
    });
}

function usedChannels(journey: Journey, declared: ModelDeclarations['channels']): ChannelInfo[] {
    const ids = unique(journey.stages.flatMap(s => [s, ...s.steps]).flatMap(h => h.facts)
        .flatMap(f => (f.$type === 'Touchpoint' ? [f.channel.$refText] : [])));
    return ids.map(id => {
        const builtin = builtinChannels.find(c => c.id === id);
        const own = declared.find(c => c.name === id);
        return { id, label: own?.label ?? builtin?.label ?? id, builtin: !own && builtin !== undefined };
    });
}

function usedTeams(journey: Journey, declared: ModelDeclarations['teams']): TeamInfo[] {
    const ids = unique(journey.stages.flatMap(s => [s, ...s.steps]).flatMap(h => h.facts)
        .flatMap(f => ('owner' in f && f.owner ? [f.owner.$refText] : [])));
    return ids.map(id => ({ id, label: declared.find(t => t.name === id)?.label ?? id }));
}

export function sourceOf(node: AstNode): SourceRange {
    const range = node.$cstNode?.range;
    if (!range) return { line: 0, column: 0, endLine: 0, endColumn: 0 };
    return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}
