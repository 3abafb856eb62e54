import { Resvg } from '@resvg/resvg-js';
import type { MapModel } from '../model/types.js';
import { renderSvg } from '../render/index.js';
import type { RenderOptions } from '../render/options.js';

/** Largest picture we rasterise (pixels); beyond it resvg would need gigabytes. */
const MAX_PIXELS = 120_000_000;

export class PngTooLargeError extends Error {}

/**
 * Rasterises the map in Node with resvg (no browser). Uses the fixed light palette (resvg knows
 * no CSS variables) and the system fonts; `scale` is lowered when the picture would be too big.
 */
export function renderPng(model: MapModel, options: RenderOptions & { scale?: number } = {}): Buffer {
    const svg = renderSvg(model, { ...options, standalone: true, colors: 'fixed' });
    const size = /width="(\d+)" height="(\d+)"/.exec(svg);
    const width = Number(size?.[1] ?? 0);
    const height = Number(size?.[2] ?? 0);
    let scale = options.scale ?? 2;
    if (width * height * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (width * height));
    if (scale < 0.5) {
        throw new PngTooLargeError(`the map is too large for PNG (${width}x${height} px); use --format svg or html`);
    }
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
        background: '#ffffff',
    });
    return resvg.render().asPng();
}
