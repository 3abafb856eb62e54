/**
 * The map model: a plain, serialisable picture of one journey, made from the AST by
 * `buildMapModel`. Everything downstream (renderer, exports, diff, preview) takes this and
 * never the AST. `schema/map-model.schema.json` describes the same shape.
 */

/** 1-based source position of an element, for editor sync and diagnostics. */
export interface SourceRange {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export type Level = 'low' | 'medium' | 'high';

export interface MapModel {
    journey: JourneyInfo;
    personas: PersonaInfo[];
    channels: ChannelInfo[];
    teams: TeamInfo[];
    stages: StageModel[];
}

export interface JourneyInfo {
    id: string;
    title: string;
    state: 'current' | 'future';
    goal?: string;
    description?: string;
    /** Ids of the personas the map follows, in the order of `for`. */
    personas: string[];
    source?: SourceRange;
}

export interface PersonaInfo {
    id: string;
    label: string;
    /** The persona's `role` facts, joined with '; ' when there are several. */
    role?: string;
    goals: string[];
    needs: string[];
    motivations: string[];
    frustrations: string[];
    quotes: string[];
    source?: SourceRange;
    /** The file that declares the persona when it is not the map's own (an imported persona); `source` is in that file. */
    uri?: string;
}

export interface ChannelInfo {
    id: string;
    label: string;
    builtin: boolean;
}

export interface TeamInfo {
    id: string;
    label: string;
}

/** The personas, channels and teams one file declares itself (not those it imports). */
export interface FileDeclarations {
    personas: PersonaInfo[];
    channels: ChannelInfo[];
    teams: TeamInfo[];
}

export interface StageModel {
    id: string;
    label: string;
    steps: StepModel[];
    source: SourceRange;
}

export interface TouchpointModel { channel: string; text?: string; source: SourceRange }
export interface EmotionModel { persona: string | null; score: number; label?: string; source: SourceRange }
export interface BarrierModel { id?: string; text: string; severity?: Level; source: SourceRange }
export interface OpportunityModel {
    id?: string;
    text: string;
    fixes: string[];
    impact?: Level;
    effort?: Level;
    owner?: string;
    source: SourceRange;
}
export interface LaneItemModel { text: string; owner?: string; source: SourceRange }
export interface MetricModel { name: string; value: number; target?: number; source: SourceRange }

/** Where each plain-text fact of a step was written, parallel to the step's string arrays. */
export interface TextFactSources {
    actions: SourceRange[];
    thoughts: SourceRange[];
    questions: SourceRange[];
    evidence: SourceRange[];
    next: SourceRange[];
}

export interface StepModel {
    id: string;
    label: string;
    /** True for the one step that stands for a stage written without steps; its id is the stage's. */
    implicit: boolean;
    actions: string[];
    touchpoints: TouchpointModel[];
    thoughts: string[];
    /** One per persona of the journey that has an emotion here (persona null when the journey follows none). */
    emotions: EmotionModel[];
    barriers: BarrierModel[];
    opportunities: OpportunityModel[];
    questions: string[];
    frontstage: LaneItemModel[];
    backstage: LaneItemModel[];
    support: LaneItemModel[];
    metrics: MetricModel[];
    evidence: string[];
    /** Ids of the steps that `next` names. */
    next: string[];
    source: SourceRange;
    sources: TextFactSources;
}
