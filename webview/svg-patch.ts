/**
 * Keyed patching of the map's <svg>: an update usually changes a few cards out of thousands,
 * and rebuilding every element costs a full parse, style and layout of the picture (seconds
 * for a 200-step map on a slow machine). The renderer's output is split into its top-level
 * elements as text; an element whose text is unchanged keeps its DOM node, and only new or
 * changed ones are parsed and inserted. The <svg> element itself stays, so scroll position,
 * zoom and the highlight survive.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SplitSvg {
    /** The root's start tag, `<svg ...>`. */
    open: string;
    /** Each top-level child element, as markup. */
    children: string[];
}

/**
 * Splits well-formed SVG markup as the renderer writes it (text escaped, so `<` only starts a
 * tag) into the root's start tag and its top-level children. Text between children is dropped.
 */
export function splitSvg(text: string): SplitSvg {
    const start = text.indexOf('<svg');
    if (start < 0) throw new Error('no <svg> element in the renderer output');
    const openEnd = text.indexOf('>', start);
    const open = text.slice(start, openEnd + 1);
    const children: string[] = [];
    let depth = 0;
    let childStart = -1;
    let i = openEnd + 1;
    for (;;) {
        const lt = text.indexOf('<', i);
        if (lt < 0) throw new Error('the renderer output ends before </svg>');
        const gt = text.indexOf('>', lt);
        if (gt < 0) throw new Error('unterminated tag in the renderer output');
        if (text.startsWith('<!--', lt)) {
            i = text.indexOf('-->', lt) + 3;
            continue;
        }
        if (text[lt + 1] === '/') {
            if (depth === 0) break; // </svg>
            depth--;
            if (depth === 0) children.push(text.slice(childStart, gt + 1));
        } else if (text[gt - 1] === '/') {
            if (depth === 0) children.push(text.slice(lt, gt + 1));
        } else {
            if (depth === 0) childStart = lt;
            depth++;
        }
        i = gt + 1;
    }
    return { open, children };
}

/** How an update went: how many top-level elements were kept and how many were made anew. */
export interface PatchStats {
    kept: number;
    created: number;
    removed: number;
}

export class SvgPatcher {
    private svgElement: SVGSVGElement | undefined;
    private nodes: Element[] = [];
    private markup: string[] = [];
    /** The root's start tag as last applied. */
    private open = '';

    /** @param nonce the page's CSP nonce, given to the map's <style> (made here, never parsed). */
    constructor(private readonly nonce: string) {}

    get svg(): SVGSVGElement | undefined {
        return this.svgElement;
    }

    /** Brings the DOM in line with `text`, creating the <svg> on first use. */
    update(text: string): PatchStats {
        const split = splitSvg(text);
        const svg = this.svgElement ?? (this.svgElement = document.createElementNS(SVG_NS, 'svg'));
        if (split.open !== this.open) {
            syncAttributes(svg, parseElements(`${split.open}</svg>`)[0] ?? null);
            this.open = split.open;
        }

        // An edit usually leaves most elements where they were: those are kept by position.
        // The others are matched by markup (first come first served among equal markup).
        const next: Array<Element | undefined> = split.children.map((m, i) => (m === this.markup[i] ? this.nodes[i] : undefined));
        const taken = new Set(next);
        const available = new Map<string, Element[]>();
        this.markup.forEach((m, i) => {
            if (taken.has(this.nodes[i])) return;
            const list = available.get(m);
            if (list) list.push(this.nodes[i]);
            else available.set(m, [this.nodes[i]]);
        });
        if (available.size > 0) split.children.forEach((m, i) => { next[i] ??= available.get(m)?.shift(); });
        const kept = new Set(next.filter((n): n is Element => n !== undefined));

        const missing = split.children.map((m, i) => (next[i] ? undefined : { m, i })).filter(x => x !== undefined);
        const plain = missing.filter(x => !x.m.startsWith('<style'));
        const parsed = parseElements(`<svg xmlns="${SVG_NS}">${plain.map(x => x.m).join('')}</svg>`, true);
        if (parsed.length !== plain.length) throw new Error('the renderer output did not split into its elements');
        plain.forEach((x, k) => { next[x.i] = document.importNode(parsed[k], true); });
        for (const x of missing) if (x.m.startsWith('<style')) next[x.i] = this.makeStyle(x.m);

        let removed = 0;
        for (const node of this.nodes) {
            if (!kept.has(node)) { node.remove(); removed++; }
        }
        // Insert in order, moving nothing that is already in place.
        let cursor: ChildNode | null = svg.firstChild;
        for (const node of next as Element[]) {
            if (node === cursor) cursor = cursor.nextSibling;
            else svg.insertBefore(node, cursor);
        }
        this.nodes = next as Element[];
        this.markup = split.children;
        return { kept: kept.size, created: missing.length, removed };
    }

    /** Forgets the picture (the caller removed it from the page). */
    reset(): void {
        this.svgElement = undefined;
        this.nodes = [];
        this.markup = [];
        this.open = '';
    }

    private makeStyle(markup: string): Element {
        const style = document.createElementNS(SVG_NS, 'style');
        style.setAttribute('nonce', this.nonce);
        style.textContent = decodeText(markup.replace(/^<style[^>]*>/, '').replace(/<\/style>$/, ''));
        return style;
    }
}

/** Parses markup as XML; with `children`, returns the root's element children instead of the root. */
function parseElements(markup: string, children = false): Element[] {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('the renderer produced SVG that does not parse');
    return children ? [...doc.documentElement.children] : [doc.documentElement];
}

function syncAttributes(target: Element, source: Element | null): void {
    if (!source) return;
    for (const attr of [...target.attributes]) {
        // The view's own inline size (zoom) lives in `style`, which the renderer never writes.
        if (attr.name !== 'style' && !source.hasAttribute(attr.name)) target.removeAttribute(attr.name);
    }
    for (const attr of source.attributes) {
        if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue; // the element is made in the SVG namespace
        if (target.getAttribute(attr.name) !== attr.value) target.setAttribute(attr.name, attr.value);
    }
}

/** The renderer escapes &, < and > in text; CSS holds none of them, but decode to be exact. */
function decodeText(text: string): string {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
