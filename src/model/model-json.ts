import { URI, UriUtils } from 'langium';
import type {
    BarrierModel, EmotionModel, JourneyInfo, LaneItemModel, MapModel, MetricModel, OpportunityModel, PersonaInfo, StepModel,
    TouchpointModel,
} from './types.js';

/**
 * The map model as `journey render --format json` prints it: every key of the published shape
 * is present, in the same order, with `null` where the map leaves it out (a barrier without a
 * severity, a persona without a role), so a consumer can rely on the shape without checking
 * for missing keys. In memory the model leaves such keys out. Given the map's URI, a persona
 * declared in another file names that file (`file`, relative to the map's folder).
 */
export function modelToJson(model: MapModel, mapUri?: string): unknown {
    const folder = mapUri === undefined ? undefined : UriUtils.dirname(URI.parse(mapUri));
    return {
        journey: journeyJson(model.journey),
        personas: model.personas.map(p => personaJson(p, p.uri && folder ? UriUtils.relative(folder, p.uri) : undefined)),
        channels: model.channels,
        teams: model.teams,
        stages: model.stages.map(stage => ({ ...stage, steps: stage.steps.map(stepJson) })),
    };
}

const orNull = <T>(value: T | undefined): T | null => value ?? null;

function journeyJson(j: JourneyInfo): unknown {
    return {
        id: j.id, title: j.title, state: j.state, goal: orNull(j.goal), description: orNull(j.description), personas: j.personas,
        ...(j.source ? { source: j.source } : {}),
    };
}

/** `file`: the declaring file relative to the map's folder, for a persona declared in another file. */
function personaJson(p: PersonaInfo, file: string | undefined): unknown {
    return {
        id: p.id, label: p.label, role: orNull(p.role), goals: p.goals, needs: p.needs, motivations: p.motivations,
        frustrations: p.frustrations, quotes: p.quotes, ...(p.source ? { source: p.source } : {}), ...(file ? { file } : {}),
    };
}

function stepJson(s: StepModel): unknown {
    return {
        ...s,
        touchpoints: s.touchpoints.map((t: TouchpointModel) => ({ channel: t.channel, text: orNull(t.text), source: t.source })),
        emotions: s.emotions.map((e: EmotionModel) => ({ persona: e.persona, score: e.score, label: orNull(e.label), source: e.source })),
        barriers: s.barriers.map((b: BarrierModel) => ({ id: orNull(b.id), text: b.text, severity: orNull(b.severity), source: b.source })),
        opportunities: s.opportunities.map((o: OpportunityModel) => ({
            id: orNull(o.id), text: o.text, fixes: o.fixes, impact: orNull(o.impact), effort: orNull(o.effort), owner: orNull(o.owner),
            source: o.source,
        })),
        frontstage: s.frontstage.map(laneItemJson),
        backstage: s.backstage.map(laneItemJson),
        support: s.support.map(laneItemJson),
        metrics: s.metrics.map((m: MetricModel) => ({ name: m.name, value: m.value, target: orNull(m.target), source: m.source })),
    };
}

function laneItemJson(item: LaneItemModel): unknown {
    return { text: item.text, owner: orNull(item.owner), source: item.source };
}
