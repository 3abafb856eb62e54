import type { EmotionModel, MapModel } from '../model/types.js';
import { emotionKey } from './keys.js';
import { G } from './geometry.js';
import { PERSONA_COLOURS } from './style.js';
import { escapeAttr, escapeText } from './escape.js';
import { flat, n, textLine, type Box, type Out } from './svg-out.js';
import { fitText, plainEm } from './text.js';
import type { Column } from './svg.js';

/**
 * A line of the emotion curve: a persona (null: the journey follows none), its colour index and,
 * from the seventh persona on, a dash pattern, since the palette has six colours.
 */
export interface CurvePersona { id: string | null; label: string; colour: number; dash: number }

/** The classes of a persona's curve line (in the lane and in the legends). */
export function curveClass(persona: { colour: number; dash: number }): string {
    return `jm-curve jm-p${persona.colour}${persona.dash ? ` jm-dash${persona.dash}` : ''}`;
}

/** The personas that have a curve, in a stable order (so colours do not change when filtering). */
export function curvePersonas(model: MapModel): CurvePersona[] {
    const ids: Array<string | null> = [...model.journey.personas];
    const seen = new Set(ids);
    for (const stage of model.stages) {
        for (const step of stage.steps) {
            for (const e of step.emotions) if (!seen.has(e.persona)) { seen.add(e.persona); ids.push(e.persona); }
        }
    }
    return ids.map((id, i) => ({
        id, colour: i % PERSONA_COLOURS, dash: Math.min(2, Math.floor(i / PERSONA_COLOURS)),
        label: id === null ? 'Emotion' : model.personas.find(p => p.id === id)?.label ?? id,
    }));
}

export const EMOTION_LANE_HEIGHT = 4 * G.emotionStep + 2 * G.emotionPad;

/** Draws the curve in the lane box: scale, neutral baseline, one line per persona, labelled points. */
export function drawEmotionLane(
    out: Out, columns: Column[], lane: Box, curve: CurvePersona[], boxes: Map<string, Box> | undefined,
): void {
    const mid = lane.y + lane.h / 2;
    const yOf = (score: number) => mid - Math.max(-2, Math.min(2, score)) * G.emotionStep;
    const left = G.margin + G.gutter;
    const right = lane.x + lane.w;
    for (const score of [2, 1, -1, -2]) {
        out.push(`<line x1="${left}" y1="${n(yOf(score))}" x2="${n(right)}" y2="${n(yOf(score))}" class="jm-scale"/>`);
    }
    out.push(`<line x1="${left}" y1="${n(mid)}" x2="${n(right)}" y2="${n(mid)}" class="jm-baseline"/>`);
    for (const [score, label] of [[2, '+2'], [0, '0'], [-2, '-2']] as const) {
        out.push(textLine(left - 6, yOf(score) + 4, label, { cls: 'jm-muted jm-small', anchor: 'end' }));
    }
    drawLegend(out, curve, lane);
    const places = labelPlaces(columns, curve);
    const count = curve.length;
    const labelWidth = G.column / Math.max(1, Math.min(count, 2)) - 8;
    curve.forEach((persona, k) => {
        const offset = (k - (count - 1) / 2) * 5;
        const keyEnd = flat(`/emotion:${escapeAttr(persona.id ?? '*')}`);
        const point = flat(`" r="5" class="jm-pf${persona.colour} jm-point"/>`);
        const titlePrefix = flat(`<title>${escapeText(persona.label)}: `);
        // A persona without an emotion on a step breaks its line there.
        let path = '';
        let pen = false;
        for (let i = 0; i < columns.length; i++) {
            const e = places.emotions[i * count + k];
            if (!e) { pen = false; continue; }
            path += `${pen ? 'L' : 'M'}${n(columns[i].x + G.column / 2 + offset)} ${n(yOf(e.score))}`;
            pen = true;
        }
        if (path) out.push(`<path d="${path}" class="${curveClass(persona)}"/>`);
        for (let i = 0; i < columns.length; i++) {
            const e = places.emotions[i * count + k];
            if (!e) continue;
            const col = columns[i];
            const cx = col.x + G.column / 2 + offset;
            const x = n(cx);
            const y = yOf(e.score);
            // Labels of points at the same place, on the same side, are stacked a line apart.
            const stacked = places.stack[i * count + k] * 12;
            const labelY = places.above[i * count + k] ? y - 9 - stacked : y + 17 + stacked;
            const signed = e.score > 0 ? `+${e.score}` : String(e.score);
            const text = e.label ?? signed;
            const em = plainEm(text);
            // `jm-em`: small and centred (text-anchor from the stylesheet).
            const label = em >= 0 && em * G.smallFont <= labelWidth
                ? `<text x="${x}" y="${n(labelY)}" class="jm-em">${text}</text>`
                : textLine(cx, labelY, fitText(text, labelWidth, G.smallFont).lines[0], { cls: 'jm-em' });
            // The tooltip, "Persona: +1 label": the persona's label escaped once, the emotion's only when needed.
            const title = e.label ? `${titlePrefix}${signed} ${em >= 0 ? e.label : escapeText(e.label)}</title>` : `${titlePrefix}${signed}</title>`;
            out.push(`<g class="jm-emotion" data-id="${col.attrKey}${keyEnd}"${e.source.line ? ` data-line="${e.source.line}"` : ''}>${title}`
                + `<circle cx="${x}" cy="${n(y)}${point}${label}</g>`);
            if (boxes) boxes.set(emotionKey(col.stage.id, col.step.id, persona.id), { x: cx - 7, y: y - 7, w: 14, h: 14 });
        }
    });
}

/**
 * Each step's emotion per curve persona (index `column * personas + persona`) and whether its
 * label goes above the point, so that labels do not collide: the personas of a step sorted by
 * score (ties in curve order), the upper half labelled above their point, the lower half below;
 * `stack`, how many labels of the same score on the same side come before it (their points sit
 * at the same place, so their labels are stacked). Flat arrays rather than objects per step: a
 * big map has thousands of steps.
 */
function labelPlaces(columns: Column[], curve: CurvePersona[]): { emotions: Array<EmotionModel | undefined>; above: Uint8Array; stack: Uint8Array } {
    const count = curve.length;
    const emotions: Array<EmotionModel | undefined> = new Array(columns.length * count);
    const above = new Uint8Array(columns.length * count);
    const stack = new Uint8Array(columns.length * count);
    for (let i = 0; i < columns.length; i++) {
        const stepEmotions = columns[i].step.emotions;
        const base = i * count;
        let here = 0;
        for (let k = 0; k < count; k++) {
            const id = curve[k].id;
            let found: EmotionModel | undefined;
            for (const e of stepEmotions) if (e.persona === id) { found = e; break; }
            emotions[base + k] = found;
            if (found) here++;
        }
        for (let k = 0; k < count; k++) {
            const e = emotions[base + k];
            if (!e) continue;
            // Rank: how many of this step's points sort before this one.
            let rank = 0;
            for (let j = 0; j < count; j++) {
                const o = emotions[base + j];
                if (o && j !== k && (o.score > e.score || (o.score === e.score && j < k))) rank++;
            }
            above[base + k] = here === 1 || rank < here / 2 ? 1 : 0;
        }
        for (let k = 0; k < count; k++) {
            const e = emotions[base + k];
            if (!e) continue;
            let before = 0;
            for (let j = 0; j < k; j++) {
                const o = emotions[base + j];
                if (o && o.score === e.score && above[base + j] === above[base + k]) before++;
            }
            stack[base + k] = before;
        }
    }
    return { emotions, above, stack };
}

function drawLegend(out: Out, curve: CurvePersona[], lane: Box): void {
    if (curve.length < 2 && curve[0]?.id === null) return;
    const x = G.margin + 4;
    let y = lane.y + 38;
    for (const persona of curve) {
        if (y > lane.y + lane.h - 6) break;
        const label = fitText(persona.label, G.gutter - 52, G.smallFont).lines[0];
        out.push(`<g class="jm-legend">`
            + `<line x1="${x}" y1="${n(y - 4)}" x2="${x + 16}" y2="${n(y - 4)}" class="${curveClass(persona)}"/>`
            + textLine(x + 22, y, label, { cls: 'jm-small' }) + '</g>');
        y += 16;
    }
}
