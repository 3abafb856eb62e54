import type { Highlight } from './options.js';
import { parentKeys } from './keys.js';
import { n, type Box, type Out } from './svg-out.js';
import { escapeAttr } from './escape.js';

/**
 * Outlines the elements a diff marks. A removed element that is no longer drawn is marked on its
 * nearest drawn parent (the step or stage it was in).
 */
export function drawHighlights(out: Out, highlight: Highlight, boxes: Map<string, Box>): void {
    const seen = new Set<string>();
    for (const kind of ['removed', 'changed', 'added'] as const) {
        for (const key of highlight[kind] ?? []) {
            let target = boxes.has(key) ? key : undefined;
            if (!target && kind === 'removed') target = parentKeys(key).find(k => boxes.has(k));
            if (!target || seen.has(`${kind} ${target}`)) continue;
            seen.add(`${kind} ${target}`);
            const b = boxes.get(target)!;
            out.push(`<rect x="${n(b.x - 3)}" y="${n(b.y - 3)}" width="${n(b.w + 6)}" height="${n(b.h + 6)}" rx="6"`
                + ` class="jm-hl jm-hl-${kind}" data-highlight="${kind}" data-for="${escapeAttr(key)}"/>`);
        }
    }
}
