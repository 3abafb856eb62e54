import type { MapModel, StageModel, StepModel } from '../model/types.js';
import { labelLookup, laneUsed, writeLaneCards, type CardColumn, type CardSink } from './cards.js';
import { curvePersonas, drawEmotionLane, EMOTION_LANE_HEIGHT } from './emotion.js';
import { escapeAttr } from './escape.js';
import { G } from './geometry.js';
import { drawHeader } from './header.js';
import { drawHighlights } from './highlight.js';
import { stageKey, stepKey } from './keys.js';
import { drawFixLinks, drawNextLinks, nextBandHeight, resolveNextLinks } from './links.js';
import { LANES, type RenderOptions } from './options.js';
import { stylesheet } from './style.js';
import { dataAttrs, flat, n, rect, textLine, titleTag, type Box, Out } from './svg-out.js';
import { fitText, plainEm, wrapText } from './text.js';

/** One step column of the grid. */
export interface Column {
    stage: StageModel;
    step: StepModel;
    x: number;
    /** The step's element key, escaped for an attribute. */
    attrKey: string;
}

/** Renders a map model to an SVG string. Pure and deterministic: same model and options, same bytes. */
export function renderSvg(model: MapModel, options: RenderOptions = {}): string {
    const prefix = (options.idPrefix ?? 'jm').replace(/[^A-Za-z0-9_-]/g, '') || 'jm';
    const columns: Column[] = [];
    let x = G.margin + G.gutter;
    for (const stage of model.stages) {
        const stageAttr = escapeAttr(stage.id);
        for (const step of stage.steps) {
            columns.push({ stage, step, x, attrKey: flat(`${stageAttr}/${escapeAttr(step.id)}`) });
            x += G.column;
        }
    }
    const width = Math.max(760, x + G.margin);
    const hidden = new Set(options.hiddenLanes ?? []);
    const lanes = LANES.filter(l => !hidden.has(l.id) && columns.some(c => laneUsed(l.id, c.step)));
    const allCurve = curvePersonas(model);
    const curve = !lanes.some(l => l.id === 'emotions') ? []
        : options.personas ? allCurve.filter(p => p.id !== null && options.personas!.includes(p.id)) : allCurve;

    // Rasterisers (resvg) take no geometry from CSS: there, corners are attributes.
    const roundAttr = options.colors === 'fixed';
    const body = new Out();
    // Element boxes, for the diff highlights only (a big map has tens of thousands of cards).
    const boxes = new Map<string, Box>();
    const recordBoxes = options.highlight !== undefined;
    let y = drawHeader(body, model, width, curve);
    boxes.set('journey', { x: G.margin - 4, y: G.margin, w: width - 2 * G.margin + 8, h: y - G.margin - 4 });

    y = drawStageRow(body, model, columns, y, boxes);
    y = drawStepRow(body, columns, y, recordBoxes ? boxes : undefined, roundAttr);
    const links = resolveNextLinks(columns);
    const gridTop = y;
    if (links.length > 0) {
        const band = nextBandHeight(links);
        drawNextLinks(body, links, y, band, prefix);
        y += band;
    }

    const names = labelLookup(model);
    const cardColumns: CardColumn[] = columns.map(c => ({
        x: c.x, stageId: c.stage.id, step: c.step, attrPrefix: `${c.attrKey}/`,
        cardOpen: flat(`<g class="jm-fact" data-id="${c.attrKey}/`),
        translate: flat(`" transform="translate(${c.x + G.cardMargin} `),
    }));
    const cardLayer = new Out();
    const laneLayer = new Out();
    const cards: CardSink = {
        out: cardLayer, boxes: recordBoxes ? boxes : undefined, barriers: [], opportunities: [], roundAttr,
    };
    lanes.forEach((lane, i) => {
        const top = y;
        let height: number;
        // The service-blueprint line of visibility, between frontstage and backstage.
        const visibility = lane.id === 'backstage' && lanes[i - 1]?.id === 'frontstage';
        if (lane.id === 'emotions') {
            height = EMOTION_LANE_HEIGHT;
            laneBand(laneLayer, lane.id, lane.label, top, height, width, i);
            drawEmotionLane(cardLayer, columns, { x: G.margin, y: top, w: width - 2 * G.margin, h: height }, curve, recordBoxes ? boxes : undefined);
        } else {
            // Cards are written as they are laid out: a lane's height is known only after its last column.
            let tallest = 24;
            const cardTop = top + G.lanePad;
            for (const col of cardColumns) {
                const bottom = writeLaneCards(cards, lane.id, col, cardTop, names);
                if (bottom > cardTop) tallest = Math.max(tallest, bottom - G.cardGap - cardTop);
            }
            height = 2 * G.lanePad + tallest;
            laneBand(laneLayer, lane.id, lane.label, top, height, width, i);
        }
        if (visibility) {
            laneLayer.push(`<line x1="${G.margin}" y1="${n(top)}" x2="${width - G.margin}" y2="${n(top)}" class="jm-visibility"/>`);
            laneLayer.push(textLine(G.margin + 4, top + 34, 'below the line of visibility', { cls: 'jm-small jm-muted' }));
        }
        y += height;
    });
    const stageRules = columns.filter((c, i) => i > 0 && columns[i - 1].stage !== c.stage)
        .map(c => `<line x1="${c.x}" y1="${n(gridTop)}" x2="${c.x}" y2="${n(y)}" class="jm-rule"/>`);
    const fixLinks = new Out();
    drawFixLinks(fixLinks, cards.barriers, cards.opportunities, prefix);
    const highlights = new Out();
    if (options.highlight) drawHighlights(highlights, options.highlight, boxes);

    const height = Math.ceil(y + G.margin);
    const out = new Out();
    if (options.standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="jm" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
        + ` role="img" aria-label="${escapeAttr(model.journey.title)}" data-id="journey-map">`);
    out.push(titleTag(model.journey.title));
    out.push(`<style>\n${stylesheet(options.colors ?? 'vscode')}\n</style>`);
    out.push(`<defs>${arrowMarker(`${prefix}-next-arrow`, 'jm-next-head')}${arrowMarker(`${prefix}-fix-arrow`, 'jm-fix-head')}</defs>`);
    if (options.standalone) out.push(rect(0, 0, width, height, 'jm-bg'));
    // One join of every layer's pieces: each character is copied once more, not once per layer.
    return out.pieces().concat(laneLayer.pieces(), stageRules, body.pieces(), cardLayer.pieces(), fixLinks.pieces(), highlights.pieces(), '</svg>\n').join('');
}

function arrowMarker(id: string, cls: string): string {
    return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`
        + `<path d="M0 0L10 5L0 10z" class="${cls}"/></marker>`;
}

function drawStageRow(out: Out, model: MapModel, columns: Column[], y: number, boxes: Map<string, Box>): number {
    out.push(textLine(G.margin + 4, y + 19, 'Stages', { cls: 'jm-h2 jm-muted' }));
    const byStage = new Map<StageModel, Column[]>();
    for (const col of columns) {
        const list = byStage.get(col.stage);
        if (list) list.push(col);
        else byStage.set(col.stage, [col]);
    }
    for (const stage of model.stages) {
        const cols = byStage.get(stage);
        if (!cols) continue;
        const box = { x: cols[0].x + 2, y, w: cols.length * G.column - 4, h: G.stageRow };
        const label = fitText(stage.label, box.w - 16, 13 * G.bold);
        out.push(`<g class="jm-stage-head"${dataAttrs(stageKey(stage.id), stage.source.line)}>`
            + (label.truncated ? titleTag(stage.label) : '')
            + rect(box.x, box.y, box.w, box.h, 'jm-stage', 5)
            + textLine(box.x + 8, y + 20, label.lines[0], { cls: 'jm-h2', right: box.x + box.w - 8 }) + '</g>');
        boxes.set(stageKey(stage.id), box);
    }
    return y + G.stageRow + 4;
}

function drawStepRow(out: Out, columns: Column[], y: number, boxes: Map<string, Box> | undefined, roundAttr: boolean): number {
    out.push(textLine(G.margin + 4, y + 20, 'Steps', { cls: 'jm-h2 jm-muted' }));
    const w = G.column - 4;
    const h = G.stepRow - 6;
    const labelWidth = w - 16;
    // The frame after its x; the label's weight comes from the stylesheet (`.jm-step-head text`).
    const frame = `" y="${n(y)}" width="${w}" height="${h}"${roundAttr ? ' rx="4"' : ''} class="jm-step"/><text x="`;
    const baseline = `" y="${n(y + 26)}">`;
    for (const col of columns) {
        const x = col.x + 2;
        const label = col.step.implicit ? col.stage.label : col.step.label;
        const line = col.step.source.line;
        const em = col.step.implicit ? -1 : plainEm(label);
        if (em >= 0 && em * 12.5 <= labelWidth) {
            // The common case: a plain one-line label, written without wrapping or escaping.
            out.push(`<g class="jm-step-head" data-id="${col.attrKey}"${line ? ` data-line="${line}"` : ''}><rect x="${x}${frame}${x + 8}${baseline}${label}</text></g>`);
        } else {
            const wrapped = wrapText(label, labelWidth, 12.5, 2);
            out.push(`<g class="jm-step-head${col.step.implicit ? ' jm-implicit' : ''}" data-id="${col.attrKey}"${line ? ` data-line="${line}"` : ''}>`
                + (wrapped.truncated ? titleTag(label) : '')
                + rect(x, y, w, h, 'jm-step', roundAttr ? 4 : 0)
                + wrapped.lines.map((text, i) => textLine(x + 8, y + (wrapped.lines.length === 1 ? 26 : 18 + i * 15), text,
                    { cls: col.step.implicit ? 'jm-italic jm-muted' : undefined, right: x + w - 8 })).join('')
                + '</g>');
        }
        if (boxes) boxes.set(stepKey(col.stage.id, col.step.id), { x, y, w, h });
    }
    return y + G.stepRow;
}

function laneBand(out: Out, id: string, label: string, top: number, height: number, width: number, index: number): void {
    out.push(`<g class="jm-lane" data-lane="${id}">`);
    if (index % 2 === 0) out.push(rect(G.margin, top, width - 2 * G.margin, height, 'jm-band'));
    out.push(`<line x1="${G.margin}" y1="${n(top)}" x2="${width - G.margin}" y2="${n(top)}" class="jm-rule"/>`);
    out.push(textLine(G.margin + 4, top + 20, label, { cls: 'jm-h2' }));
    out.push('</g>');
}
