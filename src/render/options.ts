/** The lanes of a map, in the fixed order they are drawn; a lane appears only when the map uses it. */
export const LANES = [
    { id: 'actions', label: 'Actions' },
    { id: 'touchpoints', label: 'Touchpoints' },
    { id: 'thoughts', label: 'Thoughts' },
    { id: 'emotions', label: 'Emotions' },
    { id: 'barriers', label: 'Barriers' },
    { id: 'opportunities', label: 'Opportunities' },
    { id: 'questions', label: 'Questions' },
    { id: 'frontstage', label: 'Frontstage' },
    { id: 'backstage', label: 'Backstage' },
    { id: 'support', label: 'Support' },
    { id: 'metrics', label: 'Metrics' },
    { id: 'evidence', label: 'Evidence' },
] as const;

export type LaneId = (typeof LANES)[number]['id'];

/** Element keys (the `data-id` values of the SVG, see `keys.ts`) to mark in a diff view. */
export interface Highlight {
    added?: string[];
    changed?: string[];
    /** Keys of removed elements: marked on the element if still drawn, else on its nearest drawn ancestor. */
    removed?: string[];
}

export interface RenderOptions {
    /** Lanes not to draw (ids from `LANES`). */
    hiddenLanes?: string[];
    /** Personas whose emotion curve is drawn; all when absent. */
    personas?: string[];
    /** A file of its own: XML prolog and an opaque background. Inline (false) leaves the background to the page. */
    standalone?: boolean;
    highlight?: Highlight;
    /**
     * 'vscode' (default): colours are `var(--vscode-*, fallback)`, so the picture follows the editor's theme
     * and falls back to a light (or, with prefers-color-scheme, dark) palette when opened alone.
     * 'fixed': plain colours only, for rasterisers that do not know CSS variables.
     */
    colors?: 'vscode' | 'fixed';
    /** Prefix of the ids of shared definitions (markers), unique per picture when several share a page. */
    idPrefix?: string;
}
