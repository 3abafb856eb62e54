import { Resvg } from '@resvg/resvg-js';
import type { MapModel } from '../model/types.js';
import { renderSvg } from '../render/index.js';
import type { RenderOptions } from '../render/options.js';

/** Largest picture we rasterise: beyond these, resvg needs gigabytes and minutes, and viewers give up. */
const MAX_PIXELS = 50_000_000;
const MAX_SIDE = 32_000;
/** Below this scale the text is too small to read: refuse rather than draw a smudge. */
const MIN_SCALE = 0.5;

export class PngTooLargeError extends Error {}

/**
 * Rasterises the map in Node with resvg (no browser). Uses the fixed light palette (resvg knows
 * no CSS variables) and the system fonts; `scale` is lowered when the picture would be too big,
 * and a map too large to read at half size is refused (PngTooLargeError).
 */
export function renderPng(model: MapModel, options: RenderOptions & { scale?: number } = {}): Buffer {
    const svg = renderSvg(model, { ...options, standalone: true, colors: 'fixed' });
    const size = /width="(\d+)" height="(\d+)"/.exec(svg);
    const width = Number(size?.[1] ?? 0);
    const height = Number(size?.[2] ?? 0);
    const scale = Math.min(options.scale ?? 2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
    if (scale < MIN_SCALE) {
        throw new PngTooLargeError(`the map is too large for PNG (${width}x${height} px); use --format svg or html`);
    }
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
        background: '#ffffff',
    });
    return resvg.render().asPng();
}
