import type { LinkedCard } from './cards.js';
import { G } from './geometry.js';
import { factKey } from './keys.js';
import { dataAttrs, n, titleTag, type Box, type Out } from './svg-out.js';
import type { Column } from './svg.js';

export interface NextLink { from: Column; to: Column; key: string; line: number }

/**
 * The `next` links whose target step is drawn. A stage without steps is drawn as a step with the
 * stage's id, but `next` names steps only: such a target is an unresolved reference, not an arrow.
 */
export function resolveNextLinks(columns: Column[]): NextLink[] {
    const byId = new Map<string, Column>();
    for (const col of columns) if (!col.step.implicit && !byId.has(col.step.id)) byId.set(col.step.id, col);
    const links: NextLink[] = [];
    for (const from of columns) {
        from.step.next.forEach((target, i) => {
            const to = byId.get(target);
            if (to) links.push({ from, to, key: factKey(from.stage.id, from.step.id, 'next', target), line: from.step.sources.next[i]?.line ?? from.step.source.line });
        });
    }
    return links;
}

const depthOf = (link: NextLink) => 12 + Math.min(8, Math.abs(link.to.x - link.from.x) / G.column) * 4;

export function nextBandHeight(links: NextLink[]): number {
    return Math.max(...links.map(depthOf)) + 10;
}

/** `next` links as arrows under the step headers, from one step to the step it names. */
export function drawNextLinks(out: Out, links: NextLink[], top: number, _band: number, prefix: string): void {
    const y = top - 6;
    for (const link of links) {
        const sx = link.from.x + G.column / 2 + 14;
        const tx = link.to.x + G.column / 2 - 14;
        const d = depthOf(link) * 1.3;
        const path = link.from === link.to
            ? `M${n(sx)} ${n(y)}C${n(sx + 30)} ${n(y + d)} ${n(tx - 30)} ${n(y + d)} ${n(tx)} ${n(y)}`
            : `M${n(sx)} ${n(y)}C${n(sx)} ${n(y + d)} ${n(tx)} ${n(y + d)} ${n(tx)} ${n(y)}`;
        out.push(`<g class="jm-next-link"${dataAttrs(link.key, link.line)}>${titleTag(`next: ${link.to.step.label}`)}`
            + `<path d="${path}" class="jm-next" marker-end="url(#${prefix}-next-arrow)"/></g>`);
    }
}

/** Dashed arrows from each opportunity to the barriers it fixes. */
export function drawFixLinks(
    out: Out, barriers: LinkedCard[], opportunities: LinkedCard[], prefix: string,
): void {
    const byId = new Map<string, Box>();
    for (const b of barriers) if (b.barrierId && !byId.has(b.barrierId)) byId.set(b.barrierId, b.box);
    for (const { attrKey, box, fixes } of opportunities) {
        (fixes ?? []).forEach((id, i) => {
            const target = byId.get(id);
            if (!target) return;
            const ox = box.x + box.w / 2 + i * 8;
            const oy = box.y;
            const bx = target.x + target.w / 2 + i * 8;
            const by = target.y + target.h;
            const bend = Math.max(12, (oy - by) / 2);
            out.push(`<path d="M${n(ox)} ${n(oy)}C${n(ox)} ${n(oy - bend)} ${n(bx)} ${n(by + bend)} ${n(bx)} ${n(by + 2)}"`
                + ` class="jm-fix" data-from="${attrKey}" marker-end="url(#${prefix}-fix-arrow)"/>`);
        });
    }
}
