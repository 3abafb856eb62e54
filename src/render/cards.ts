import type { LaneItemModel, MapModel, MetricModel, StepModel } from '../model/types.js';
import { escapeAttr } from './escape.js';
import { G, cardTextWidth } from './geometry.js';
import type { LaneId } from './options.js';
import { n, Out, textLine, titleTag, type Box } from './svg-out.js';
import { fitText, plainEm, textWidth, wrapText } from './text.js';

/**
 * Cards: one fact of one step in one lane, a group moved into place with a translation so the
 * coordinates inside it are small constants. A 2,000-step map has tens of thousands of cards, so
 * each is written straight to text as it is laid out, without intermediate card or row objects.
 */

/** A drawn barrier or opportunity card, kept for the arrows from opportunities to the barriers they fix. */
export interface LinkedCard {
    /** The card's element key, already escaped for an attribute. */
    attrKey: string;
    box: Box;
    /** For barriers: the barrier id. */
    barrierId?: string;
    /** For opportunities: the barrier ids they fix. */
    fixes?: string[];
}

/** Where the cards of one lane go, and what the caller wants recorded about them. */
export interface CardSink {
    out: Out;
    /** Element key -> box, for the diff highlights; only when highlighting. */
    boxes: Map<string, Box> | undefined;
    barriers: LinkedCard[];
    opportunities: LinkedCard[];
}

/** The column a card sits in: its left edge and the element-key prefixes of its step. */
export interface CardColumn {
    x: number;
    stageId: string;
    step: StepModel;
    /** `stage/step/`, escaped for an attribute. */
    attrPrefix: string;
    /** The end of the key attribute and the start of the cards' translation: `" transform="translate(X `. */
    translate: string;
}

const CARD_W = G.column - 2 * G.cardMargin;
const STRIPE = 4;
const WIDTH_PLAIN = cardTextWidth(0);
const WIDTH_STRIPED = cardTextWidth(STRIPE + 2);
const LEFT_PLAIN = G.cardPad;
const LEFT_STRIPED = G.cardPad + 6;
const RIGHT = CARD_W - G.cardPad;
/** Card height over the height of its rows: padding above and below. */
const CARD_EXTRA = 5;
const MIN_CARD_H = 24;

/** Labels of channels and teams by id, looked up once per picture. */
export interface LabelLookup { channel(id: string): string; team(id: string): string }

export function labelLookup(model: MapModel): LabelLookup {
    const channels = new Map(model.channels.map(c => [c.id, c.label]));
    const teams = new Map(model.teams.map(t => [t.id, t.label]));
    return { channel: id => channels.get(id) ?? id, team: id => teams.get(id) ?? id };
}

/*
 * The card being written. Module state rather than an object per card: cards are written one
 * at a time, and tens of thousands of small objects per picture made garbage collection the
 * main cost of rendering. `body` is the inner markup so far, `y` the row cursor, `texts` the
 * card's texts, joined for the tooltip only when one of them is cut.
 */
let body = '';
let y = 0;
let cut = false;
const texts: string[] = [];
let left = 0;
let width = 0;
/** The start of a text element at the card's left edge: `<text x="7" y="`. */
let textAt = '';

function startCard(striped: boolean): void {
    body = '';
    y = G.cardPad - 1;
    cut = false;
    texts.length = 0;
    left = striped ? LEFT_STRIPED : LEFT_PLAIN;
    width = striped ? WIDTH_STRIPED : WIDTH_PLAIN;
    textAt = striped ? TEXT_AT_STRIPED : TEXT_AT_PLAIN;
}
const TEXT_AT_PLAIN = `<text x="${LEFT_PLAIN}" y="`;
const TEXT_AT_STRIPED = `<text x="${LEFT_STRIPED}" y="`;

function remember(text: string): void {
    texts.push(text);
}

function addBadge(text: string, cls: string): void {
    if (text !== '') remember(text);
    const fitted = fitText(text, width - 12, G.smallFont);
    if (fitted.truncated) cut = true;
    const label = fitted.lines[0];
    const w = Math.min(RIGHT - left, textWidth(label, G.smallFont) * 1.12 + 14);
    body += `<rect x="${left}" y="${y}" width="${n(w)}" height="17" rx="8" class="${cls}"/>`
        + textLine(left + 6, y + 12.5, label, { cls: 'jm-small jm-strong' });
    y += 20;
}

/** Main text, wrapped. `open` is the text element's attributes after `y` (class), up to `>`. */
function addText(text: string, cls: string | undefined, open: string): void {
    if (text === '') return;
    remember(text);
    const em = plainEm(text);
    if (em >= 0 && em * G.font <= width) {
        // The common case: one line of plain ASCII, written as is.
        y += G.line;
        body += textOpen(y - 3.5, open) + text + '</text>';
        y += 2;
        return;
    }
    const wrapped = wrapText(text, width, G.font, G.maxTextLines);
    if (wrapped.truncated) cut = true;
    addLines(wrapped.lines, G.line, 3.5, cls);
}

const META_OPEN = '" class="jm-meta">';

/** A small one-line row under the text, cut with an ellipsis when too long. */
function addMeta(text: string): void {
    if (text !== '') remember(text);
    const em = plainEm(text);
    if (em >= 0 && em * G.smallFont <= width) {
        y += G.smallLine;
        body += textOpen(y - 3, META_OPEN) + text + '</text>';
        y += 2;
        return;
    }
    const fitted = fitText(text, width, G.smallFont);
    if (fitted.truncated) cut = true;
    addLines(fitted.lines, G.smallLine, 3, 'jm-meta');
}

function addLines(lines: string[], lineHeight: number, raise: number, cls: string | undefined): void {
    const options = { cls, right: RIGHT };
    for (const line of lines) {
        y += lineHeight;
        body += textLine(left, y - raise, line, options);
    }
    y += 2;
}

function addBar(ratio: number, ok: boolean): void {
    const w = RIGHT - left;
    const mark = n(left + w * 0.8);
    body += `<rect x="${left}" y="${y + 2}" width="${w}" height="6" rx="3" class="jm-bar"/>`
        + `<rect x="${left}" y="${y + 2}" width="${n(Math.min(w, w * 0.8 * ratio))}" height="6" rx="3" class="${ok ? 'jm-bar-ok' : 'jm-bar-below'}"/>`
        + `<line x1="${mark}" y1="${y}" x2="${mark}" y2="${y + 10}" class="jm-target"/>`;
    y += 12;
}

const PLAIN_OPEN = '">';

/** The card's frame by height: the same few heights come back thousands of times. */
const frames: string[] = [];
function frameOf(h: number): string {
    return frames[h] ??= `<rect width="${CARD_W}" height="${h}" rx="4" class="jm-card"/>`;
}

/** Start tags of card text, by left edge, tag end (class) and twice the baseline: few distinct ones. */
const textOpens: Array<Map<string, string[]>> = [new Map(), new Map()];
function textOpen(baseline: number, open: string): string {
    const byOpen = textOpens[left === LEFT_STRIPED ? 1 : 0];
    let tags = byOpen.get(open);
    if (!tags) byOpen.set(open, tags = []);
    return tags[baseline * 2] ??= textAt + baseline + open;
}

const CLASS_OPEN: Record<string, string> = { 'jm-italic': '" class="jm-italic">', 'jm-muted': '" class="jm-muted">' };

/* The lane and column being written (module state, like the card: no closures per step). */
let sink = {} as CardSink;
let lane: Exclude<LaneId, 'emotions'> = 'actions';
let col = {} as CardColumn;
let cardY = 0;

/**
 * Writes the cards of one step in one lane (the emotion lane is drawn as a curve, not cards),
 * from `top` down; returns the y below the last card's gap (`top` when there are none).
 */
export function writeLaneCards(
    to: CardSink, laneId: Exclude<LaneId, 'emotions'>, column: CardColumn, top: number, labels: LabelLookup,
): number {
    sink = to;
    lane = laneId;
    col = column;
    cardY = top;
    const step = col.step;
    switch (lane) {
        case 'actions': plainCards('action', step.actions, step.sources.actions); break;
        case 'thoughts': plainCards('thought', step.thoughts, step.sources.thoughts, 'jm-italic'); break;
        case 'questions': plainCards('question', step.questions, step.sources.questions); break;
        case 'evidence': plainCards('evidence', step.evidence, step.sources.evidence, 'jm-muted'); break;
        case 'frontstage': ownedCards('frontstage', step.frontstage, labels); break;
        case 'backstage': ownedCards('backstage', step.backstage, labels); break;
        case 'support': ownedCards('support', step.support, labels); break;
        case 'touchpoints':
            for (let i = 0; i < step.touchpoints.length; i++) {
                const t = step.touchpoints[i];
                startCard(false);
                addBadge(labels.channel(t.channel), 'jm-badge');
                if (t.text !== undefined) addText(t.text, undefined, PLAIN_OPEN);
                emit('touchpoint', undefined, i, t.source.line);
            }
            break;
        case 'barriers':
            for (let i = 0; i < step.barriers.length; i++) {
                const b = step.barriers[i];
                startCard(true);
                addText(b.text, undefined, PLAIN_OPEN);
                addMeta(`${b.severity ? `Severity: ${b.severity}` : 'Severity: not rated'}${b.id ? ` \u00B7 ${b.id}` : ''}`);
                emit('barrier', b.id, i, b.source.line, `jm-sev-${b.severity ?? 'none'}`, b.id ? { barrierId: b.id } : {});
            }
            break;
        case 'opportunities':
            for (let i = 0; i < step.opportunities.length; i++) {
                const o = step.opportunities[i];
                startCard(true);
                addText(o.text, undefined, PLAIN_OPEN);
                const rating = o.impact && o.effort ? `Impact: ${o.impact} \u00B7 Effort: ${o.effort}`
                    : o.impact ? `Impact: ${o.impact}` : o.effort ? `Effort: ${o.effort}` : '';
                if (rating) addMeta(rating);
                if (o.owner) addMeta(`Owner: ${labels.team(o.owner)}`);
                if (o.fixes.length > 0) addMeta(`Fixes: ${o.fixes.join(', ')}`);
                emit('opportunity', o.id, i, o.source.line, 'jm-opp', { fixes: o.fixes });
            }
            break;
        case 'metrics':
            for (let i = 0; i < step.metrics.length; i++) {
                const m = step.metrics[i];
                startCard(false);
                addMetric(m);
                emit('metric', undefined, i, m.source.line);
            }
            break;
    }
    // Hold on to neither the picture nor the model between renders.
    sink = IDLE_SINK;
    col = IDLE_COLUMN;
    return cardY;
}

const IDLE_SINK: CardSink = { out: new Out(), boxes: undefined, barriers: [], opportunities: [] };
const IDLE_COLUMN = {} as CardColumn;

function plainCards(kind: string, facts: string[], sources: Array<{ line: number }>, cls?: 'jm-italic' | 'jm-muted'): void {
    const open = cls ? CLASS_OPEN[cls] : PLAIN_OPEN;
    for (let i = 0; i < facts.length; i++) {
        startCard(false);
        addText(facts[i], cls, open);
        emit(kind, undefined, i, sources[i]?.line ?? col.step.source.line);
    }
}

function ownedCards(kind: string, items: LaneItemModel[], labels: LabelLookup): void {
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        startCard(false);
        addText(item.text, undefined, PLAIN_OPEN);
        if (item.owner) addMeta(`Owner: ${labels.team(item.owner)}`);
        emit(kind, undefined, i, item.source.line);
    }
}

/**
 * Ends the current card. Its key is the step's key, `kind` and then the fact's id
 * (`barrier:` + id) or, without one, its index (`action#` + index).
 */
function emit(kind: string, id: string | undefined, index: number, line: number, stripe?: string, linked?: Omit<LinkedCard, 'attrKey' | 'box'>): void {
    const h = Math.max(MIN_CARD_H, y + CARD_EXTRA);
    const keyEnd = id === undefined ? `${kind}#${index}` : `${kind}:${escapeAttr(id)}`;
    let svg = line ? `${CARD_OPEN}${col.attrPrefix}${keyEnd}" data-line="${line}${col.translate}${cardY})">`
        : `${CARD_OPEN}${col.attrPrefix}${keyEnd}${col.translate}${cardY})">`;
    if (cut) svg += titleTag(texts.join('\n'));
    svg += frameOf(h);
    if (stripe) svg += `<rect width="${STRIPE}" height="${h}" rx="2" class="${stripe}"/>`;
    sink.out.push(svg + body + '</g>');
    if (sink.boxes || linked) {
        const box = { x: col.x + G.cardMargin, y: cardY, w: CARD_W, h };
        if (sink.boxes) sink.boxes.set(`${col.stageId}/${col.step.id}/${id === undefined ? `${kind}#${index}` : `${kind}:${id}`}`, box);
        const attrKey = col.attrPrefix + keyEnd;
        if (lane === 'barriers') sink.barriers.push({ attrKey, box, ...linked });
        else if (lane === 'opportunities') sink.opportunities.push({ attrKey, box, ...linked });
    }
    cardY += h + G.cardGap;
}

const CARD_OPEN = '<g class="jm-fact" data-id="';

function addMetric(m: MetricModel): void {
    addText(`${m.name}: ${formatNumber(m.value)}`, undefined, PLAIN_OPEN);
    if (m.target !== undefined) {
        const ok = m.value >= m.target;
        addMeta(`Target ${formatNumber(m.target)} \u00B7 ${ok ? 'met' : `${formatNumber(m.target - m.value)} below`}`);
        addBar(m.target === 0 ? 1 : Math.max(0, Math.min(1.25, m.value / m.target)), ok);
    }
}

/** Numbers as written, without float noise (0.1 + 0.2 style). */
function formatNumber(value: number): string {
    const plain = String(value);
    // Float noise shows as 16 or more significant digits; shorter numbers are already as written.
    return plain.length < 12 ? plain : String(Number(value.toPrecision(12)));
}

/** True when this lane has something to draw in this step. */
export function laneUsed(lane: LaneId, step: StepModel): boolean {
    switch (lane) {
        case 'actions': return step.actions.length > 0;
        case 'touchpoints': return step.touchpoints.length > 0;
        case 'thoughts': return step.thoughts.length > 0;
        case 'emotions': return step.emotions.length > 0;
        case 'barriers': return step.barriers.length > 0;
        case 'opportunities': return step.opportunities.length > 0;
        case 'questions': return step.questions.length > 0;
        case 'frontstage': return step.frontstage.length > 0;
        case 'backstage': return step.backstage.length > 0;
        case 'support': return step.support.length > 0;
        case 'metrics': return step.metrics.length > 0;
        case 'evidence': return step.evidence.length > 0;
    }
}
