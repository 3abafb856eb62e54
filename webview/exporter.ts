import type { MapModel } from '../src/model/types.js';
import { renderSvg, type RenderOptions } from '../src/render/index.js';
import { renderHtml } from '../src/render/html.js';
import type { ExportFormat, ExportMessage } from '../src/protocol/webview.js';

/**
 * Builds the file for an export of the current map (same renderer, same filters), ready to
 * send to the host, which asks where to save it. PNG is drawn on a canvas from the SVG.
 */
export async function buildExport(model: MapModel, options: RenderOptions, format: ExportFormat, baseName: string): Promise<ExportMessage> {
    const suggestedName = `${baseName}.${format}`;
    switch (format) {
        case 'svg':
            return { type: 'export', format, encoding: 'utf8', suggestedName, data: renderSvg(model, { ...options, standalone: true }) };
        case 'html':
            return { type: 'export', format, encoding: 'utf8', suggestedName, data: renderHtml(model, options) };
        case 'png': {
            // Plain colours: the picture is an image file, with no editor theme to read variables from.
            const svg = renderSvg(model, { ...options, standalone: true, colors: 'fixed' });
            return { type: 'export', format, encoding: 'base64', suggestedName, data: await rasterise(svg, 2) };
        }
    }
}

/**
 * Chromium's canvas limits: at most 32,767 pixels a side and 268,435,456 pixels in all. A bigger
 * canvas silently draws nothing and `toDataURL` answers an empty "data:," (an empty file).
 */
const MAX_CANVAS_SIDE = 32_767;
const MAX_CANVAS_AREA = 268_435_456;

/** The largest scale up to `wanted` at which a `width` x `height` picture fits a canvas. */
export function canvasScale(width: number, height: number, wanted: number): number {
    if (width <= 0 || height <= 0) return wanted;
    // Floors, and one pixel of margin, so that rounding the size up never crosses a limit.
    return Math.min(wanted, (MAX_CANVAS_SIDE - 1) / width, (MAX_CANVAS_SIDE - 1) / height, Math.sqrt(MAX_CANVAS_AREA) / Math.sqrt(width * height) * 0.999);
}

/** Draws an SVG on a canvas at `scale` (less for a map too big for that) and returns the PNG as base64. */
async function rasterise(svg: string, wantedScale: number): Promise<string> {
    const blobUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
        const image = new Image();
        image.src = blobUrl;
        await image.decode();
        const scale = canvasScale(image.naturalWidth, image.naturalHeight, wantedScale);
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(image.naturalWidth * scale);
        canvas.height = Math.ceil(image.naturalHeight * scale);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas available');
        context.scale(scale, scale);
        context.drawImage(image, 0, 0);
        const dataUrl = canvas.toDataURL('image/png');
        const data = dataUrl.slice(dataUrl.indexOf(',') + 1);
        if (!data) throw new Error(`the map (${image.naturalWidth} x ${image.naturalHeight}) is too large for a PNG; export SVG instead`);
        return data;
    } finally {
        URL.revokeObjectURL(blobUrl);
    }
}
