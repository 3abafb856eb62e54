import type { MapModel } from '../model/types.js';
import { G } from './geometry.js';
import { curveClass, type CurvePersona } from './emotion.js';
import { dataAttrs, rect, textLine, titleTag, type Out } from './svg-out.js';
import { fitText, textWidth, wrapText } from './text.js';

/** Draws the header (title, state, goal, description, personas with the curve legend); returns its height. */
export function drawHeader(out: Out, model: MapModel, width: number, curve: CurvePersona[]): number {
    const j = model.journey;
    const x = G.margin;
    const inner = width - 2 * G.margin;
    let y: number = G.margin;
    out.push(`<g class="jm-header"${dataAttrs('journey', j.source?.line)}>`);
    const title = wrapText(j.title, inner, 20 * G.bold, 2);
    if (title.truncated) out.push(titleTag(j.title));
    for (const line of title.lines) {
        y += 24;
        out.push(textLine(x, y, line, { cls: 'jm-title', right: x + inner }));
    }
    y += 12;
    const state = j.state === 'future' ? 'Future state' : 'Current state';
    const badgeW = Math.ceil(textWidth(state, G.smallFont) * 1.12) + 18;
    out.push(rect(x, y, badgeW, 20, j.state === 'future' ? 'jm-state-future' : 'jm-badge', 10));
    out.push(textLine(x + 8, y + 14, state, { cls: 'jm-small jm-strong' }));
    if (j.goal) {
        const goal = wrapText(`Goal: ${j.goal}`, inner - badgeW - 12, G.font, 2);
        if (goal.truncated) out.push(titleTag(j.goal));
        goal.lines.forEach((line, i) => out.push(textLine(x + badgeW + 12, y + 14 + i * G.line, line, { right: x + inner })));
        y += Math.max(20, goal.lines.length * G.line + 5);
    } else {
        y += 20;
    }
    if (j.description) {
        const description = wrapText(j.description, inner, G.font, 3);
        if (description.truncated) out.push(titleTag(j.description));
        for (const line of description.lines) {
            y += G.line;
            out.push(textLine(x, y + 4, line, { cls: 'jm-muted', right: x + inner }));
        }
        y += 6;
    }
    out.push('</g>');
    y = drawPersonas(out, model, x, y + 10, inner, curve);
    return y + 12;
}

/** Persona chips: a colour swatch (the persona's emotion curve), the label and the role. */
function drawPersonas(out: Out, model: MapModel, x0: number, y: number, inner: number, curve: CurvePersona[]): number {
    const shown = curve.filter(p => p.id !== null);
    if (model.personas.length === 0 && shown.length === 0) return y;
    let x = x0;
    out.push(textLine(x, y + 13, 'Personas', { cls: 'jm-h2' }));
    x += 80;
    const rowH = 22;
    for (const persona of model.personas) {
        const colour = curve.find(p => p.id === persona.id);
        const label = persona.role ? `${persona.label} \u00B7 ${persona.role}` : persona.label;
        const fitted = fitText(label, Math.min(360, inner - 90), G.font);
        const w = textWidth(fitted.lines[0], G.font) + (colour ? 34 : 10) + 18;
        if (x + w > x0 + inner && x > x0 + 80) { x = x0 + 80; y += rowH; }
        out.push(`<g class="jm-persona"${dataAttrs(`persona:${persona.id}`, persona.source?.line)}>`);
        if (fitted.truncated) out.push(titleTag(label));
        let tx = x;
        if (colour) {
            out.push(`<line x1="${x}" y1="${y + 9}" x2="${x + 24}" y2="${y + 9}" class="${curveClass(colour)}"/>`);
            out.push(`<circle cx="${x + 12}" cy="${y + 9}" r="4" class="jm-pf${colour.colour} jm-point"/>`);
            tx += 32;
        }
        out.push(textLine(tx, y + 13, fitted.lines[0]));
        out.push('</g>');
        x += w;
    }
    return y + rowH;
}
