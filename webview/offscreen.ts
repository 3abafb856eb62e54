/**
 * Offscreen culling for big maps. Chromium repaints every element of an <svg> when any one of
 * them changes, so a 200-step map (some 12,000 elements) costs tens of milliseconds per update
 * however little changed. The map's top-level elements far outside the view (more than one
 * screen away) are taken out with `display: none`; scrolling, zooming and resizing bring them
 * back before they come into view. Small maps are left alone (find-in-page sees all of them);
 * on a big map, culling is suspended while the user searches the page (see `suspend`).
 */

/** Below this many top-level elements nothing is hidden. */
export const CULL_MIN_ELEMENTS = 600;

interface Box { left: number; top: number; right: number; bottom: number }

export class OffscreenCulling {
    /** Each top-level element's box in the map's own (unzoomed) units, measured while shown. */
    private boxes = new WeakMap<Element, Box | undefined>();
    private readonly hidden = new Set<SVGElement>();
    private readonly pinned = new Set<Element>();
    private svg: SVGSVGElement | undefined;
    private naturalWidth = 0;
    private scheduled = false;
    private suspended = false;

    /** @param onChange told the number of hidden elements after each pass (for tests) */
    constructor(
        private readonly scroller: HTMLElement,
        private readonly onChange: (hidden: number) => void = () => undefined,
        private readonly minElements = CULL_MIN_ELEMENTS,
    ) {}

    /**
     * After the map was patched. New elements stay shown; they are measured, and what is far
     * away hidden, once the frame with the update is painted: measuring needs a layout, which
     * would otherwise be forced onto the update's path.
     */
    update(svg: SVGSVGElement, naturalWidth: number): void {
        if (svg !== this.svg) {
            this.hidden.clear();
            this.boxes = new WeakMap<Element, Box | undefined>();
        }
        this.svg = svg;
        this.naturalWidth = naturalWidth;
        for (const element of this.hidden) if (!element.isConnected) this.hidden.delete(element);
        if (this.suspended || svg.childElementCount < this.minElements) {
            this.showAll();
            this.changed();
            return;
        }
        if (this.scheduled) return;
        this.scheduled = true;
        requestAnimationFrame(() => setTimeout(() => {
            this.scheduled = false;
            this.measureNew();
        }, 0));
    }

    private measureNew(): void {
        const svg = this.svg;
        if (this.suspended || !svg || !svg.isConnected || svg.childElementCount < this.minElements) return;
        const origin = svg.getBoundingClientRect();
        const scale = this.scale(origin);
        for (const child of svg.children) {
            if (!this.boxes.has(child) && !this.hidden.has(child as SVGElement)) this.boxes.set(child, this.measure(child, origin, scale));
        }
        this.apply(origin, scale);
    }

    /** The view moved (scroll, zoom, resize): shows what came near, hides what went far. */
    refresh(): void {
        const svg = this.svg;
        if (this.suspended || !svg || !svg.isConnected || svg.childElementCount < this.minElements) return;
        const origin = svg.getBoundingClientRect();
        this.apply(origin, this.scale(origin));
    }

    /**
     * Shows everything and hides nothing until `resume`: the page's find (VS Code's find widget
     * uses `window.find`) does not see text under `display: none`.
     */
    suspend(): void {
        if (this.suspended) return;
        this.suspended = true;
        this.showAll();
        this.changed();
    }

    /** Culls again; what changed meanwhile is measured first. */
    resume(): void {
        if (!this.suspended) return;
        this.suspended = false;
        this.measureNew();
    }

    /** Keeps the top-level elements holding `elements` shown (highlighted, about to be scrolled to). */
    pin(elements: Element[]): void {
        this.pinned.clear();
        for (const element of elements) {
            const top = this.topLevel(element);
            if (!top) continue;
            this.pinned.add(top);
            this.show(top as SVGElement);
        }
    }

    /** Forgets the map (it was replaced by a message). */
    reset(): void {
        this.svg = undefined;
        this.hidden.clear();
        this.pinned.clear();
        this.boxes = new WeakMap<Element, Box | undefined>();
    }

    private apply(origin: DOMRect, scale: number): void {
        const view = this.scroller.getBoundingClientRect();
        // One screen of margin on every side, in map units.
        const marginX = view.width / scale;
        const marginY = view.height / scale;
        const left = (view.left - origin.left) / scale - marginX;
        const right = (view.right - origin.left) / scale + marginX;
        const top = (view.top - origin.top) / scale - marginY;
        const bottom = (view.bottom - origin.top) / scale + marginY;
        for (const child of this.svg!.children) {
            const box = this.boxes.get(child);
            const far = box !== undefined && !this.pinned.has(child)
                && (box.right < left || box.left > right || box.bottom < top || box.top > bottom);
            if (far) this.hide(child as SVGElement);
            else this.show(child as SVGElement);
        }
        this.changed();
    }

    private changed(): void {
        this.onChange(this.hidden.size);
    }

    private measure(element: Element, origin: DOMRect, scale: number): Box | undefined {
        const r = element.getBoundingClientRect();
        // Nothing drawn (style, defs): never hidden.
        if (r.width === 0 && r.height === 0) return undefined;
        return {
            left: (r.left - origin.left) / scale, top: (r.top - origin.top) / scale,
            right: (r.right - origin.left) / scale, bottom: (r.bottom - origin.top) / scale,
        };
    }

    private scale(origin: DOMRect): number {
        return this.naturalWidth > 0 && origin.width > 0 ? origin.width / this.naturalWidth : 1;
    }

    private hide(element: SVGElement): void {
        if (this.hidden.has(element)) return;
        this.hidden.add(element);
        element.style.display = 'none';
    }

    private show(element: SVGElement): void {
        if (!this.hidden.delete(element)) return;
        element.style.removeProperty('display');
        if (element.getAttribute('style') === '') element.removeAttribute('style');
    }

    private showAll(): void {
        for (const element of [...this.hidden]) this.show(element);
    }

    private topLevel(element: Element): Element | undefined {
        let node: Element | null = element;
        while (node && node.parentNode !== this.svg) node = node.parentNode instanceof Element ? node.parentNode : null;
        return node ?? undefined;
    }
}
