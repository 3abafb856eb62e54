import type { MapModel } from '../src/model/types.js';
import { parentKeys, renderSvg, type RenderOptions } from '../src/render/index.js';
import type { PreviewViewState } from '../src/protocol/webview.js';
import { SourceIndex } from './source-index.js';
import { SvgPatcher } from './svg-patch.js';
import { OffscreenCulling } from './offscreen.js';
import { traceNow } from '../src/protocol/trace.js';

/** Low enough for "Fit to window" to fit a 2,000-step map in a narrow view. */
export const MIN_ZOOM = 0.01;
export const MAX_ZOOM = 4;

/** Zoom levels are kept to 1/1000, so that zooming out and in again comes back exactly. */
const roundZoom = (zoom: number) => Math.round(zoom * 1000) / 1000;

/**
 * The map in the page. Each update renders the model to SVG and patches the <svg> already in
 * the page (see SvgPatcher), so scroll position, zoom and the highlighted card survive and only
 * the elements that changed are rebuilt; the page itself is never reloaded.
 */
export class MapView {
    private model: MapModel | undefined;
    private index: SourceIndex | undefined;
    private svg: SVGSVGElement | undefined;
    private natural = { width: 0, height: 0 };
    private highlighted: string[] = [];
    private readonly patcher: SvgPatcher;
    private readonly culling: OffscreenCulling;
    private highlightedElements: Element[] = [];
    /** The editor's cursor line, so the highlight follows the source when a new model arrives. */
    private cursorLine: number | undefined;
    /** When the last render finished drawing the SVG text and patching the DOM (for the trace). */
    readonly lastRender = { rendered: 0, patched: 0 };

    constructor(
        private readonly root: HTMLElement,
        private readonly scroller: HTMLElement,
        nonce: string,
        private state: PreviewViewState,
    ) {
        this.patcher = new SvgPatcher(nonce);
        this.culling = new OffscreenCulling(scroller, hidden => { root.dataset.culled = String(hidden); });
        // Elements hidden far offscreen come back before they scroll into view.
        scroller.addEventListener('scroll', () => this.culling.refresh(), { passive: true });
        window.addEventListener('resize', () => this.culling.refresh());
    }

    /** While the user searches the page, everything is drawn (find does not see culled text). */
    showEverythingForFind(): void {
        this.culling.suspend();
    }

    /** The user is back at the map: far-offscreen parts may be culled again. */
    resumeCulling(): void {
        this.culling.resume();
    }

    get current(): MapModel | undefined {
        return this.model;
    }

    get viewState(): PreviewViewState {
        return this.state;
    }

    get sourceIndex(): SourceIndex | undefined {
        return this.index;
    }

    /** Shows a new model (the caller decides whether it is good enough to show). */
    show(model: MapModel): void {
        const before = { model: this.model, index: this.index, highlighted: this.highlighted };
        try {
            this.model = model;
            this.index = new SourceIndex(model);
            if (this.cursorLine !== undefined) this.highlighted = this.index.keysAtLine(this.cursorLine);
            this.render();
        } catch (err) {
            // The picture in the page is still the one drawn before: keep its model with it.
            ({ model: this.model, index: this.index, highlighted: this.highlighted } = before);
            throw err;
        }
    }

    /** Replaces the map with a message (no journey in the file, nothing yet). */
    showMessage(text: string): void {
        this.model = undefined;
        this.index = undefined;
        this.svg = undefined;
        this.patcher.reset();
        this.culling.reset();
        this.highlightedElements = [];
        const p = document.createElement('p');
        p.className = 'journey-empty';
        p.textContent = text;
        this.root.replaceChildren(p);
    }

    setFilters(filters: Pick<PreviewViewState, 'hiddenLanes' | 'personas'>): void {
        this.state = { ...this.state, ...filters };
        this.render();
    }

    /** Sets the zoom, keeping the point at the centre of the view where it was. */
    setZoom(zoom: number): void {
        const clamped = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, roundZoom(zoom)));
        const s = this.scroller;
        const ratio = clamped / this.state.zoom;
        const cx = s.scrollLeft + s.clientWidth / 2;
        const cy = s.scrollTop + s.clientHeight / 2;
        this.state = { ...this.state, zoom: clamped };
        this.applyZoom();
        s.scrollLeft = cx * ratio - s.clientWidth / 2;
        s.scrollTop = cy * ratio - s.clientHeight / 2;
        this.culling.refresh();
    }

    /** The zoom at which the whole map fits the view. */
    fitZoom(): number {
        if (!this.natural.width || !this.natural.height) return 1;
        const w = (this.scroller.clientWidth - 16) / this.natural.width;
        const h = (this.scroller.clientHeight - 16) / this.natural.height;
        // Rounded down: rounded to the nearest, a small zoom could come out several per cent too big to fit.
        return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor(Math.min(w, h) * 1000) / 1000));
    }

    /** Marks the elements drawn for the source at `line`; scrolls the first into view if `reveal`. */
    highlightLine(line: number, reveal: boolean): void {
        this.cursorLine = line;
        this.highlightKeys(this.index?.keysAtLine(line) ?? [], reveal);
    }

    /** Another document is coming: the cursor line of the last one means nothing there. */
    forgetCursor(): void {
        this.cursorLine = undefined;
        this.highlightKeys([], false);
    }

    highlightKeys(keys: string[], reveal: boolean): void {
        this.highlighted = keys;
        this.applyHighlight();
        if (!reveal) return;
        const first = this.elementsFor(keys)[0];
        first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }

    /** The SVG for the current model and filters, as the renderer draws it. */
    renderOptions(extra: RenderOptions = {}): RenderOptions {
        return {
            hiddenLanes: this.state.hiddenLanes,
            ...(this.state.personas ? { personas: this.state.personas } : {}),
            ...extra,
        };
    }

    private render(): void {
        if (!this.model) return;
        const text = renderSvg(this.model, this.renderOptions());
        this.lastRender.rendered = traceNow();
        const stats = this.patcher.update(text);
        this.root.dataset.patch = `kept=${stats.kept} created=${stats.created} removed=${stats.removed}`;
        const svg = this.patcher.svg!;
        if (svg.parentNode !== this.root) this.root.replaceChildren(svg);
        this.svg = svg;
        this.natural = { width: Number(svg.getAttribute('width')) || 0, height: Number(svg.getAttribute('height')) || 0 };
        this.applyZoom();
        this.culling.update(svg, this.natural.width);
        this.applyHighlight();
        this.lastRender.patched = traceNow();
    }

    private applyZoom(): void {
        if (!this.svg) return;
        this.svg.style.width = `${this.natural.width * this.state.zoom}px`;
        this.svg.style.height = `${this.natural.height * this.state.zoom}px`;
    }

    /** Marks the highlighted elements, touching only those whose mark changes (each change repaints the map). */
    private applyHighlight(): void {
        const next = this.elementsFor(this.highlighted);
        const keep = new Set(next);
        for (const el of this.highlightedElements) if (!keep.has(el)) el.classList.remove('highlighted');
        for (const el of next) if (!el.classList.contains('highlighted')) el.classList.add('highlighted');
        this.highlightedElements = next;
        this.culling.pin(next);
    }

    /**
     * The drawn elements of `keys`; a key not drawn (its lane switched off, its persona filtered
     * out) stands for its nearest drawn parent, the step or the stage, so the cursor still shows.
     */
    private elementsFor(keys: string[]): Element[] {
        const svg = this.svg;
        if (!svg || keys.length === 0) return [];
        const drawn = (list: string[]) => [...svg.querySelectorAll(list.map(key => `[data-id="${CSS.escape(key)}"]`).join(','))];
        // One query for the usual case, where every key is drawn; the parents only for those that are not.
        const found = drawn(keys);
        const shown = new Set(found.map(element => element.getAttribute('data-id')));
        for (const key of keys) {
            if (shown.has(key)) continue;
            for (const parent of parentKeys(key)) {
                const elements = drawn([parent]);
                if (elements.length === 0) continue;
                for (const element of elements) if (!found.includes(element)) found.push(element);
                break;
            }
        }
        return found;
    }
}
