/**
 * A floor for the render benchmark: the leanest markup that still gives every fact what the
 * renderer must give it (its key, its source line, a position, a frame and its texts), written
 * with one template per fact, in 256 KB chunks like the renderer, with no layout, wrapping,
 * escaping, classes or styles. Not a renderer: it shows how much of the render time this machine
 * spends only on writing that much text.
 */
import type { MapModel } from '../../src/model/types.js';

export function writeFloorMarkup(model: MapModel): string {
    const chunks: string[] = [];
    let parts: string[] = [];
    let size = 0;
    const push = (piece: string) => {
        parts.push(piece);
        size += piece.length;
        if (size > 256 * 1024) { chunks.push(parts.join('')); parts = []; size = 0; }
    };
    /** A card: key, line, lane (for its y) and one to four lines of text. */
    const card = (key: string, line: number, x: number, lane: number, a: string, b?: string, c?: string, d?: string) => push(
        `<g data-id="${key}" data-line="${line}" transform="translate(${x} ${200 + lane * 90})"><rect width="198" height="28"/><text x="7" y="17">${a}</text>`
        + (b === undefined ? '' : `<text x="7" y="32">${b}</text>`) + (c === undefined ? '' : `<text x="7" y="47">${c}</text>`)
        + (d === undefined ? '' : `<text x="7" y="62">${d}</text>`) + '</g>');
    let x = 200;
    for (const stage of model.stages) {
        for (const s of stage.steps) {
            const key = `${stage.id}/${s.id}/`;
            push(`<g data-id="${stage.id}/${s.id}" data-line="${s.source.line}" transform="translate(${x} 150)"><rect width="208" height="40"/><text x="8" y="26">${s.label}</text></g>`);
            for (let i = 0; i < s.actions.length; i++) card(`${key}action#${i}`, s.sources.actions[i].line, x, 0, s.actions[i]);
            for (let i = 0; i < s.touchpoints.length; i++) card(`${key}touchpoint#${i}`, s.touchpoints[i].source.line, x, 1, s.touchpoints[i].channel, s.touchpoints[i].text);
            for (let i = 0; i < s.thoughts.length; i++) card(`${key}thought#${i}`, s.sources.thoughts[i].line, x, 2, s.thoughts[i]);
            for (const b of s.barriers) card(`${key}barrier:${b.id}`, b.source.line, x, 4, b.text, `Severity: ${b.severity} \u00B7 ${b.id}`);
            for (const o of s.opportunities) {
                card(`${key}opportunity:${o.id}`, o.source.line, x, 5, o.text, `Impact: ${o.impact} \u00B7 Effort: ${o.effort}`, `Owner: ${o.owner}`, `Fixes: ${o.fixes.join(', ')}`);
            }
            for (let i = 0; i < s.questions.length; i++) card(`${key}question#${i}`, s.sources.questions[i].line, x, 6, s.questions[i]);
            for (let i = 0; i < s.frontstage.length; i++) card(`${key}frontstage#${i}`, s.frontstage[i].source.line, x, 7, s.frontstage[i].text, `Owner: ${s.frontstage[i].owner}`);
            for (let i = 0; i < s.backstage.length; i++) card(`${key}backstage#${i}`, s.backstage[i].source.line, x, 8, s.backstage[i].text, `Owner: ${s.backstage[i].owner}`);
            for (let i = 0; i < s.support.length; i++) card(`${key}support#${i}`, s.support[i].source.line, x, 9, s.support[i].text);
            for (let i = 0; i < s.metrics.length; i++) {
                const m = s.metrics[i];
                card(`${key}metric#${i}`, m.source.line, x, 10, `${m.name}: ${m.value}`, `Target ${m.target} \u00B7 met`);
            }
            for (let i = 0; i < s.evidence.length; i++) card(`${key}evidence#${i}`, s.sources.evidence[i].line, x, 11, s.evidence[i]);
            for (const e of s.emotions) {
                const y = 560 - e.score * 30;
                push(`<g data-id="${key}emotion:${e.persona}" data-line="${e.source.line}"><circle cx="${x + 106}" cy="${y}" r="5"/><text x="${x + 106}" y="${y - 9}">${e.label}</text></g>`);
            }
            x += 212;
        }
    }
    chunks.push(parts.join(''));
    return `<svg xmlns="http://www.w3.org/2000/svg">${chunks.join('')}</svg>`;
}
