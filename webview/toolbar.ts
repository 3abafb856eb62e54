import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeMultiSelect } from '@vscode-elements/elements/dist/vscode-multi-select/vscode-multi-select.js';
import type { ExportFormat, PreviewViewState } from '../src/protocol/webview.js';
import { LANES } from '../src/render/index.js';

export interface ToolbarActions {
    zoomIn(): void;
    zoomOut(): void;
    zoomFit(): void;
    zoomReset(): void;
    export(format: ExportFormat): void;
    filtersChanged(filters: Pick<PreviewViewState, 'hiddenLanes' | 'personas'>): void;
}

/**
 * The preview's toolbar, made of @vscode-elements controls: persona filter for the emotion
 * curve, lane toggles, zoom, exports. Every control has a `data-action` for tests.
 */
export class Toolbar {
    private readonly personaSelect: VscodeMultiSelect;
    private readonly laneSelect: VscodeMultiSelect;
    private readonly zoomLabel: HTMLSpanElement;
    private personaIds: string[] = [];
    /** What the persona options were last built from (ids, labels and choice), to rebuild them only when it changes. */
    private personaKey = '';

    constructor(container: HTMLElement, actions: ToolbarActions, state: PreviewViewState) {
        // A plain flex row that wraps: the preview is often narrow, and every control must stay reachable.
        const bar = document.createElement('div');
        bar.className = 'journey-toolbar-row';
        this.personaSelect = multiSelect('personas', 'Personas on the emotion curve');
        this.laneSelect = multiSelect('lanes', 'Lanes shown');
        for (const lane of LANES) this.laneSelect.append(option(lane.id, lane.label, !state.hiddenLanes.includes(lane.id)));
        this.zoomLabel = document.createElement('span');
        this.zoomLabel.className = 'journey-zoom';
        this.zoomLabel.dataset.action = 'zoom-level';
        bar.append(
            labelled('Personas', this.personaSelect),
            labelled('Lanes', this.laneSelect),
            divider(),
            button('zoom-out', 'Zoom out', () => actions.zoomOut()),
            this.zoomLabel,
            button('zoom-in', 'Zoom in', () => actions.zoomIn()),
            button('screen-normal', 'Actual size', () => actions.zoomReset(), 'zoom-reset'),
            button('screen-full', 'Fit to window', () => actions.zoomFit(), 'zoom-fit'),
            divider(),
            button('file-media', 'Export SVG', () => actions.export('svg'), 'export-svg'),
            button('device-camera', 'Export PNG', () => actions.export('png'), 'export-png'),
            button('globe', 'Export standalone HTML', () => actions.export('html'), 'export-html'),
        );
        container.replaceChildren(bar);
        const changed = () => actions.filtersChanged(this.filters());
        this.personaSelect.addEventListener('change', changed);
        this.laneSelect.addEventListener('change', changed);
        this.setZoom(state.zoom);
    }

    /**
     * Offers the personas of the current map under their current labels (an edit of a label, here
     * or in an imported file, shows in the dropdown too); keeps the user's choice for personas still there.
     */
    setPersonas(personas: Array<{ id: string; label: string }>, chosen: string[] | null): void {
        const key = JSON.stringify([personas.map(p => [p.id, p.label]), chosen]);
        if (key === this.personaKey) return;
        this.personaKey = key;
        this.personaIds = personas.map(p => p.id);
        this.personaSelect.replaceChildren(...personas.map(p => option(p.id, p.label, chosen === null || chosen.includes(p.id))));
        this.personaSelect.disabled = personas.length === 0;
    }

    setZoom(zoom: number): void {
        this.zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
    }

    private filters(): Pick<PreviewViewState, 'hiddenLanes' | 'personas'> {
        const visibleLanes = new Set(this.laneSelect.value);
        const chosen = this.personaSelect.value;
        return {
            hiddenLanes: LANES.map(l => l.id).filter(id => !visibleLanes.has(id)),
            // Every persona chosen means "all", which also covers personas added later.
            personas: chosen.length === this.personaIds.length ? null : chosen,
        };
    }
}

function multiSelect(action: string, label: string): VscodeMultiSelect {
    const select = document.createElement('vscode-multi-select');
    select.dataset.action = action;
    select.setAttribute('aria-label', label);
    return select;
}

function option(value: string, label: string, selected: boolean): HTMLElement {
    const opt = document.createElement('vscode-option');
    opt.setAttribute('value', value);
    opt.textContent = label;
    if (selected) opt.setAttribute('selected', '');
    return opt;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
    const wrapper = document.createElement('label');
    wrapper.className = 'journey-control';
    const caption = document.createElement('span');
    caption.textContent = text;
    wrapper.append(caption, control);
    return wrapper;
}

function button(icon: string, label: string, onClick: () => void, action = icon): HTMLElement {
    const b = document.createElement('vscode-toolbar-button');
    b.setAttribute('icon', icon);
    b.setAttribute('label', label);
    b.setAttribute('title', label);
    b.dataset.action = action;
    b.addEventListener('click', onClick);
    return b;
}

function divider(): HTMLElement {
    const d = document.createElement('span');
    d.className = 'journey-divider';
    return d;
}
