import type { MapModel } from '../src/model/types.js';
import { renderSvg, type RenderOptions } from '../src/render/index.js';
import type { PreviewViewState } from '../src/protocol/webview.js';
import { SourceIndex } from './source-index.js';

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The map in the page. Each update renders the model to SVG and swaps the old <svg> for the
 * new one inside the same scrolling container, so scroll position, zoom and the highlighted
 * card survive; the page itself is never reloaded.
 */
export class MapView {
    private model: MapModel | undefined;
    private index: SourceIndex | undefined;
    private svg: SVGSVGElement | undefined;
    private natural = { width: 0, height: 0 };
    private highlighted: string[] = [];

    constructor(
        private readonly root: HTMLElement,
        private readonly scroller: HTMLElement,
        private readonly nonce: string,
        private state: PreviewViewState,
    ) {}

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
        this.model = model;
        this.index = new SourceIndex(model);
        this.render();
    }

    /** Replaces the map with a message (no journey in the file, nothing yet). */
    showMessage(text: string): void {
        this.model = undefined;
        this.index = undefined;
        this.svg = undefined;
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
        const clamped = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100));
        const s = this.scroller;
        const ratio = clamped / this.state.zoom;
        const cx = s.scrollLeft + s.clientWidth / 2;
        const cy = s.scrollTop + s.clientHeight / 2;
        this.state = { ...this.state, zoom: clamped };
        this.applyZoom();
        s.scrollLeft = cx * ratio - s.clientWidth / 2;
        s.scrollTop = cy * ratio - s.clientHeight / 2;
    }

    /** The zoom at which the whole map fits the view. */
    fitZoom(): number {
        if (!this.natural.width || !this.natural.height) return 1;
        const w = (this.scroller.clientWidth - 16) / this.natural.width;
        const h = (this.scroller.clientHeight - 16) / this.natural.height;
        return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(w, h)));
    }

    /** Marks the elements drawn for the source at `line`; scrolls the first into view if `reveal`. */
    highlightLine(line: number, reveal: boolean): void {
        this.highlightKeys(this.index?.keysAtLine(line) ?? [], reveal);
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
        const { svg, css } = parseSvg(renderSvg(this.model, this.renderOptions()));
        const adopted = document.importNode(svg, true);
        // The page's CSP allows <style> only with its nonce: the map's stylesheet is made here, with it.
        const style = document.createElementNS(SVG_NS, 'style');
        style.setAttribute('nonce', this.nonce);
        style.textContent = css;
        adopted.insertBefore(style, adopted.firstChild);
        this.natural = { width: Number(adopted.getAttribute('width')) || 0, height: Number(adopted.getAttribute('height')) || 0 };
        if (this.svg && this.svg.parentNode === this.root) this.svg.replaceWith(adopted);
        else this.root.replaceChildren(adopted);
        this.svg = adopted;
        this.applyZoom();
        this.applyHighlight();
    }

    private applyZoom(): void {
        if (!this.svg) return;
        this.svg.style.width = `${this.natural.width * this.state.zoom}px`;
        this.svg.style.height = `${this.natural.height * this.state.zoom}px`;
    }

    private applyHighlight(): void {
        for (const el of this.root.querySelectorAll('.highlighted')) el.classList.remove('highlighted');
        for (const el of this.elementsFor(this.highlighted)) el.classList.add('highlighted');
    }

    private elementsFor(keys: string[]): Element[] {
        if (!this.svg || keys.length === 0) return [];
        const wanted = new Set(keys);
        return [...this.svg.querySelectorAll('[data-id]')].filter(el => wanted.has(el.getAttribute('data-id') ?? ''));
    }
}

/**
 * Parses the renderer's SVG as XML (no scripts run, nothing is interpreted as HTML). Its <style>
 * elements are taken out first and returned as text: a parsed document may not apply a style
 * without the page's nonce, and the CSP would report it.
 */
export function parseSvg(text: string): { svg: SVGSVGElement; css: string } {
    const styles: string[] = [];
    const withoutStyles = text.replace(/<style>([^<]*)<\/style>/g, (_match, css: string) => {
        styles.push(css);
        return '';
    });
    const doc = new DOMParser().parseFromString(withoutStyles, 'image/svg+xml');
    const root = doc.documentElement;
    if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
        throw new Error('the renderer produced SVG that does not parse');
    }
    return { svg: root as unknown as SVGSVGElement, css: styles.join('\n') };
}
