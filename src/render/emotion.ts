import type { MapModel } from '../model/types.js';
import { emotionKey } from './keys.js';
import { G } from './geometry.js';
import { PERSONA_COLOURS } from './style.js';
import type { Box } from './svg-out.js';
import { dataAttrs, n, textLine, titleTag } from './svg-out.js';
import { fitText } from './text.js';
import type { Column } from './svg.js';

/** A line of the emotion curve: a persona (null: the journey follows none) and its colour index. */
export interface CurvePersona { id: string | null; label: string; colour: number }

/** The personas that have a curve, in a stable order (so colours do not change when filtering). */
export function curvePersonas(model: MapModel): CurvePersona[] {
    const ids: Array<string | null> = [...model.journey.personas];
    for (const stage of model.stages) {
        for (const step of stage.steps) {
            for (const e of step.emotions) if (!ids.includes(e.persona)) ids.push(e.persona);
        }
    }
    return ids.map((id, i) => ({
        id, colour: i % PERSONA_COLOURS,
        label: id === null ? 'Emotion' : model.personas.find(p => p.id === id)?.label ?? id,
    }));
}

export const EMOTION_LANE_HEIGHT = 4 * G.emotionStep + 2 * G.emotionPad;

/** Draws the curve in the lane box: scale, neutral baseline, one line per persona, labelled points. */
export function drawEmotionLane(
    out: string[], columns: Column[], lane: Box, curve: CurvePersona[], boxes: Map<string, Box>,
): void {
    const mid = lane.y + lane.h / 2;
    const yOf = (score: number) => mid - Math.max(-2, Math.min(2, score)) * G.emotionStep;
    const left = G.margin + G.gutter;
    const right = lane.x + lane.w;
    for (const score of [2, 1, -1, -2]) {
        out.push(`<line x1="${left}" y1="${n(yOf(score))}" x2="${n(right)}" y2="${n(yOf(score))}" class="jm-scale"/>`);
    }
    out.push(`<line x1="${left}" y1="${n(mid)}" x2="${n(right)}" y2="${n(mid)}" class="jm-baseline"/>`);
    for (const [score, label] of [[2, '+2'], [0, '0'], [-2, '\u22122']] as const) {
        out.push(textLine(left - 6, yOf(score) + 4, label, { cls: 'jm-muted jm-small', anchor: 'end' }));
    }
    drawLegend(out, curve, lane);
    curve.forEach((persona, k) => {
        const offset = (k - (curve.length - 1) / 2) * 5;
        const points: Array<{ x: number; y: number } | undefined> = columns.map(col => {
            const e = col.step.emotions.find(em => em.persona === persona.id);
            return e ? { x: col.x + G.column / 2 + offset, y: yOf(e.score) } : undefined;
        });
        // A persona without an emotion on a step breaks its line there.
        let path = '';
        let pen = false;
        for (const p of points) {
            if (!p) { pen = false; continue; }
            path += `${pen ? 'L' : 'M'}${n(p.x)} ${n(p.y)}`;
            pen = true;
        }
        if (path) out.push(`<path d="${path}" class="jm-curve jm-p${persona.colour}"/>`);
        columns.forEach((col, i) => {
            const p = points[i];
            const e = col.step.emotions.find(em => em.persona === persona.id);
            if (!p || !e) return;
            const key = emotionKey(col.stage.id, col.step.id, persona.id);
            const text = e.label ?? (e.score > 0 ? `+${e.score}` : String(e.score));
            const full = `${persona.label}: ${e.score > 0 ? '+' : ''}${e.score}${e.label ? ` ${e.label}` : ''}`;
            const labelY = labelAbove(col, persona.id, curve) ? p.y - 9 : p.y + 17;
            const fitted = fitText(text, G.column / Math.max(1, Math.min(curve.length, 2)) - 8, G.smallFont);
            out.push(`<g class="jm-emotion"${dataAttrs(key, e.source.line)}>${titleTag(full)}`
                + `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="5" class="jm-pf${persona.colour} jm-point"/>`
                + textLine(p.x, labelY, fitted.lines[0], { cls: 'jm-small', anchor: 'middle' })
                + '</g>');
            boxes.set(key, { x: p.x - 7, y: p.y - 7, w: 14, h: 14 });
        });
    });
}

function drawLegend(out: string[], curve: CurvePersona[], lane: Box): void {
    if (curve.length < 2 && curve[0]?.id === null) return;
    const x = G.margin + 4;
    let y = lane.y + 38;
    for (const persona of curve) {
        if (y > lane.y + lane.h - 6) break;
        const label = fitText(persona.label, G.gutter - 52, G.smallFont).lines[0];
        out.push(`<g class="jm-legend">`
            + `<line x1="${x}" y1="${n(y - 4)}" x2="${x + 16}" y2="${n(y - 4)}" class="jm-curve jm-p${persona.colour}"/>`
            + textLine(x + 22, y, label, { cls: 'jm-small' }) + '</g>');
        y += 16;
    }
}

/**
 * Where a point's label goes so that the labels of one step do not collide: the personas of the
 * step sorted by score (ties in curve order); the upper half label above, the lower half below.
 */
function labelAbove(col: Column, persona: string | null, curve: CurvePersona[]): boolean {
    const here = curve
        .map((p, order) => ({ id: p.id, order, score: col.step.emotions.find(e => e.persona === p.id)?.score }))
        .filter((p): p is { id: string | null; order: number; score: number } => p.score !== undefined)
        .sort((a, b) => b.score - a.score || a.order - b.order);
    const rank = here.findIndex(p => p.id === persona);
    return here.length === 1 || rank < here.length / 2;
}
