import type { LaneItemModel, MapModel, MetricModel, StepModel } from '../model/types.js';
import { escapeAttr } from './escape.js';
import { G, cardTextWidth } from './geometry.js';
import type { LaneId } from './options.js';
import { flat, n, Out, textLine, titleTag, type Box } from './svg-out.js';
import { fitText, plainEm, plainEmAfter, textWidth, wrapText } from './text.js';

/**
 * Cards: one fact of one step in one lane, a group moved into place with a translation so the
 * coordinates inside it are small constants. A 2,000-step map has tens of thousands of cards, so
 * each is written straight to text as it is laid out, without intermediate card or row objects,
 * and the markup that repeats (frames, text start tags, key endings) is made once and reused.
 */

/** A drawn barrier or opportunity card, kept for the arrows from opportunities to the barriers they fix. */
export interface LinkedCard {
    /** The card's element key, already escaped for an attribute. */
    attrKey: string;
    box: Box;
    /** For barriers: the barrier id. */
    barrierId?: string | undefined;
    /** For opportunities: the barrier ids they fix. */
    fixes?: string[] | undefined;
}

/** Where the cards of one lane go, and what the caller wants recorded about them. */
export interface CardSink {
    out: Out;
    /** Element key -> box, for the diff highlights; only when highlighting. */
    boxes: Map<string, Box> | undefined;
    barriers: LinkedCard[];
    opportunities: LinkedCard[];
    /** Card corners as an attribute (for rasterisers without CSS geometry) rather than from the stylesheet. */
    roundAttr: boolean;
}

/** The column a card sits in: its left edge and the element-key prefixes of its step. */
export interface CardColumn {
    x: number;
    stageId: string;
    step: StepModel;
    /** `stage/step/`, escaped for an attribute. */
    attrPrefix: string;
    /** The card's start tag up to its key's end: `<g class="jm-fact" data-id="stage/step/`. */
    cardOpen: string;
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
/** The row cursor at the top of a card. */
const TOP = G.cardPad - 1;

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
 * main cost of rendering. `body` is the inner markup so far, `y` the row cursor, `cut` whether
 * a text was cut (then the card's texts go into a tooltip).
 */
let body = '';
let y = 0;
let cut = false;
let striped = false;

function startCard(withStripe: boolean): void {
    body = '';
    y = TOP;
    cut = false;
    striped = withStripe;
}

/** Text start tags `<text x=".." y=".." class="..">` by left edge, class and twice the baseline: few distinct ones. */
const TEXT_CLASSES = ['', ' class="jm-italic"', ' class="jm-muted"', ' class="jm-meta"'] as const;
type TextClass = 0 | 1 | 2 | 3;
const CLASS_NAMES = [undefined, 'jm-italic', 'jm-muted', 'jm-meta'] as const;
const textOpens: string[][] = Array.from({ length: 8 }, () => []);
function textOpen(baseline: number, cls: TextClass): string {
    const left = striped ? LEFT_STRIPED : LEFT_PLAIN;
    return textOpens[(striped ? 4 : 0) + cls][baseline * 2] ??= flat(`<text x="${left}" y="${baseline}"${TEXT_CLASSES[cls]}>`);
}

/** A touchpoint's channel badge, the first row of its card: the same few channels come back in every step. */
const badges = new Map<string, { markup: string; cut: boolean }>();
function addBadge(text: string): void {
    let badge = badges.get(text);
    if (!badge) {
        if (badges.size > 4096) badges.clear();
        const width = WIDTH_PLAIN;
        const fitted = fitText(text, width - 12, G.smallFont);
        const label = fitted.lines[0];
        const w = Math.min(RIGHT - LEFT_PLAIN, textWidth(label, G.smallFont) * 1.12 + 14);
        const markup = `<rect x="${LEFT_PLAIN}" y="${TOP}" width="${n(w)}" height="17" rx="8" class="jm-badge"/>`
            + textLine(LEFT_PLAIN + 6, TOP + 12.5, label, { cls: 'jm-small jm-strong' });
        badges.set(text, badge = { markup: flat(markup), cut: fitted.truncated });
    }
    if (badge.cut) cut = true;
    body += badge.markup;
    y += 20;
}

/** Main text, wrapped to at most six lines. */
function addText(text: string, cls: TextClass): void {
    if (text === '') return;
    const em = plainEm(text);
    if (em >= 0 && em * G.font <= (striped ? WIDTH_STRIPED : WIDTH_PLAIN)) {
        // The common case: one line of plain ASCII, written as is.
        y += G.line;
        body += textOpen(y - 3.5, cls) + text + '</text>';
        y += 2;
        return;
    }
    const wrapped = wrapText(text, striped ? WIDTH_STRIPED : WIDTH_PLAIN, G.font, G.maxTextLines);
    if (wrapped.truncated) cut = true;
    addLines(wrapped.lines, G.line, 3.5, cls);
}

/** A small one-line row under the text, cut with an ellipsis when too long. */
function addMeta(text: string): void {
    const width = striped ? WIDTH_STRIPED : WIDTH_PLAIN;
    const em = plainEm(text);
    if (em >= 0 && em * G.smallFont <= width) {
        y += G.smallLine;
        body += textOpen(y - 3, 3) + text + '</text>';
        y += 2;
        return;
    }
    const fitted = fitText(text, width, G.smallFont);
    if (fitted.truncated) cut = true;
    addLines(fitted.lines, G.smallLine, 3, 3);
}

/** A constant start of meta rows (`Owner: Sales`, `Severity: high · `) and its width in em (-1: not plain). */
interface MetaPrefix { text: string; em: number }
const metaPrefixes = new Map<string, MetaPrefix>();
function metaPrefix(text: string): MetaPrefix {
    let prefix = metaPrefixes.get(text);
    if (!prefix) {
        if (metaPrefixes.size > 4096) metaPrefixes.clear();
        metaPrefixes.set(text, prefix = { text: flat(text), em: text.charCodeAt(0) === 32 ? -1 : plainEmAfter(0, text) });
    }
    return prefix;
}

/**
 * The meta row `prefix.text + text`, the same as `addMeta` of the joined text, but in the common
 * case (plain text that fits) written without joining or measuring the prefix again.
 */
function addMetaAfter(prefix: MetaPrefix, text: string): void {
    const last = text.length - 1;
    const end = last < 0 ? prefix.text.charCodeAt(prefix.text.length - 1) : text.charCodeAt(last);
    if (prefix.em >= 0 && end !== 32) {
        const em = plainEmAfter(prefix.em, text);
        if (em >= 0 && em * G.smallFont <= (striped ? WIDTH_STRIPED : WIDTH_PLAIN)) {
            y += G.smallLine;
            body += textOpen(y - 3, 3) + prefix.text + text + '</text>';
            y += 2;
            return;
        }
    }
    addMeta(prefix.text + text);
}

const OWNER = metaPrefix('Owner: ');
const FIXES = metaPrefix('Fixes: ');

/** `Severity: high` (`Severity: not rated`), followed by ` · ` when the barrier's id comes after it. */
const severityPrefixes = [new Map<string, MetaPrefix>(), new Map<string, MetaPrefix>()];
function severityPrefix(severity: string | undefined, withId: boolean): MetaPrefix {
    const known = severityPrefixes[withId ? 1 : 0];
    let prefix = known.get(severity ?? '');
    if (!prefix) {
        if (known.size > 64) known.clear();
        const rated = severity ? `Severity: ${severity}` : 'Severity: not rated';
        known.set(severity ?? '', prefix = metaPrefix(withId ? `${rated} \u00B7 ` : rated));
    }
    return prefix;
}

/** An opportunity's `Impact: high · Effort: low` row; undefined when it has neither. */
const ratings = new Map<string, Map<string, MetaPrefix | undefined>>();
function ratingPrefix(impact: string | undefined, effort: string | undefined): MetaPrefix | undefined {
    let byEffort = ratings.get(impact ?? '');
    if (!byEffort) {
        if (ratings.size > 64) ratings.clear();
        ratings.set(impact ?? '', byEffort = new Map());
    }
    if (byEffort.has(effort ?? '')) return byEffort.get(effort ?? '');
    const text = impact && effort ? `Impact: ${impact} \u00B7 Effort: ${effort}`
        : impact ? `Impact: ${impact}` : effort ? `Effort: ${effort}` : '';
    const prefix = text ? metaPrefix(text) : undefined;
    byEffort.set(effort ?? '', prefix);
    return prefix;
}

function addLines(lines: string[], lineHeight: number, raise: number, cls: TextClass): void {
    const options = { cls: CLASS_NAMES[cls], right: RIGHT };
    const left = striped ? LEFT_STRIPED : LEFT_PLAIN;
    for (const line of lines) {
        y += lineHeight;
        body += textLine(left, y - raise, line, options);
    }
    y += 2;
}

/** A metric's bar: a track, the value against the target (at 80% of the track), a mark at the target. */
function addBar(ratio: number, ok: boolean): void {
    const left = striped ? LEFT_STRIPED : LEFT_PLAIN;
    const w = RIGHT - left;
    const mark = n(left + w * 0.8);
    // Round-capped strokes 6 wide: the same pill shapes as rounded rectangles, in fewer bytes.
    const mid = y + 5;
    const value = Math.min(w, w * 0.8 * ratio);
    body += `<path d="M${left + 3} ${mid}h${w - 6}" class="jm-bar"/>`
        + (value > 0 ? `<path d="M${left + 3} ${mid}h${n(Math.max(0, value - 6))}" class="${ok ? 'jm-bar-ok' : 'jm-bar-below'}"/>` : '')
        + `<path d="M${mark} ${y}v10" class="jm-target"/>`;
    y += 12;
}

/** Card frames by height (and stripes by height and class): the same few come back thousands of times. */
const frames: string[][] = [[], []];
function frameOf(h: number): string {
    const round = sink.roundAttr ? 1 : 0;
    return frames[round][h] ??= flat(`<rect width="${CARD_W}" height="${h}"${round ? ' rx="4"' : ''} class="jm-card"/>`);
}
const stripes = new Map<string, string[]>();
function stripeOf(h: number, cls: string): string {
    let byHeight = stripes.get(cls);
    if (!byHeight) stripes.set(cls, byHeight = []);
    return byHeight[h] ??= flat(`<rect width="${STRIPE}" height="${h}" rx="2" class="${cls}"/>`);
}

/**
 * The end of a card's start tag with its frame and stripe, `234)"><rect .../>`, by the card's
 * y, height and stripe: a lane's cards share a few of these (row tops and heights repeat).
 */
const cardHeads = [new Map<string, Map<number, string[]>>(), new Map<string, Map<number, string[]>>()];
function cardHead(h: number, stripe: string | undefined): string {
    const byStripe = cardHeads[sink.roundAttr ? 1 : 0];
    let byY = byStripe.get(stripe ?? '');
    if (!byY) byStripe.set(stripe ?? '', byY = new Map());
    let byHeight = byY.get(cardY);
    if (!byHeight) {
        // Bounded: a picture has a few hundred distinct card tops at most; start afresh when it grows.
        if (byY.size > 4096) byY.clear();
        byY.set(cardY, byHeight = []);
    }
    return byHeight[h] ??= flat(`${cardY})">${frameOf(h)}${stripe ? stripeOf(h, stripe) : ''}`);
}

/** Key endings `kind#index` (escaped), made once. */
const indexKeys = new Map<string, string[]>();
function indexKey(kind: string, index: number): string {
    let keys = indexKeys.get(kind);
    if (!keys) indexKeys.set(kind, keys = []);
    return keys[index] ??= flat(`${kind}#${index}`);
}

/* The lane and column being written (module state, like the card: no closures per step). */
let sink: CardSink = { out: new Out(), boxes: undefined, barriers: [], opportunities: [], roundAttr: false };
let col = {} as CardColumn;
let cardY = 0;

/**
 * Writes the cards of one step in one lane (the emotion lane is drawn as a curve, not cards),
 * from `top` down; returns the y below the last card's gap (`top` when there are none).
 */
export function writeLaneCards(
    to: CardSink, lane: Exclude<LaneId, 'emotions'>, column: CardColumn, top: number, labels: LabelLookup,
): number {
    sink = to;
    col = column;
    cardY = top;
    const step = col.step;
    switch (lane) {
        case 'actions': plainCards('action', step.actions, step.sources.actions, 0); break;
        case 'thoughts': plainCards('thought', step.thoughts, step.sources.thoughts, 1); break;
        case 'questions': plainCards('question', step.questions, step.sources.questions, 0); break;
        case 'evidence': plainCards('evidence', step.evidence, step.sources.evidence, 2); break;
        case 'frontstage': ownedCards('frontstage', step.frontstage, labels); break;
        case 'backstage': ownedCards('backstage', step.backstage, labels); break;
        case 'support': ownedCards('support', step.support, labels); break;
        case 'touchpoints':
            for (let i = 0; i < step.touchpoints.length; i++) {
                const t = step.touchpoints[i];
                const channel = labels.channel(t.channel);
                startCard(false);
                addBadge(channel);
                if (t.text !== undefined) addText(t.text, 0);
                emit(indexKey('touchpoint', i), t.source.line, cut ? tooltip(channel, t.text) : '');
            }
            break;
        case 'barriers':
            for (let i = 0; i < step.barriers.length; i++) {
                const b = step.barriers[i];
                startCard(true);
                addText(b.text, 0);
                // `Severity: high · barrier-id`
                const severity = severityPrefix(b.severity, b.id !== undefined && b.id !== '');
                const id = b.id ?? '';
                addMetaAfter(severity, id);
                const keyEnd = b.id ? `barrier:${escapeAttr(b.id)}` : indexKey('barrier', i);
                const box = emit(keyEnd, b.source.line, cut ? tooltip(b.text, severity.text + id) : '', SEVERITY_CLASS[b.severity ?? 'none'] ?? 'jm-sev-none', sink.boxes && b.id ? `barrier:${b.id}` : undefined);
                if (box) sink.barriers.push({ attrKey: col.attrPrefix + keyEnd, box, barrierId: b.id });
            }
            break;
        case 'opportunities':
            for (let i = 0; i < step.opportunities.length; i++) {
                const o = step.opportunities[i];
                startCard(true);
                addText(o.text, 0);
                const rating = ratingPrefix(o.impact, o.effort);
                if (rating) addMetaAfter(rating, '');
                const owner = o.owner ? labels.team(o.owner) : undefined;
                if (owner !== undefined) addMetaAfter(OWNER, owner);
                if (o.fixes.length === 1) addMetaAfter(FIXES, o.fixes[0]);
                else if (o.fixes.length > 1) addMeta(`${FIXES.text}${o.fixes.join(', ')}`);
                const keyEnd = o.id ? `opportunity:${escapeAttr(o.id)}` : indexKey('opportunity', i);
                const texts = cut ? tooltip(o.text, rating?.text, owner === undefined ? '' : OWNER.text + owner, o.fixes.length > 0 ? FIXES.text + o.fixes.join(', ') : '') : '';
                const box = emit(keyEnd, o.source.line, texts, 'jm-opp', sink.boxes && o.id ? `opportunity:${o.id}` : undefined);
                if (box) sink.opportunities.push({ attrKey: col.attrPrefix + keyEnd, box, fixes: o.fixes });
            }
            break;
        case 'metrics':
            for (let i = 0; i < step.metrics.length; i++) {
                const m = step.metrics[i];
                startCard(false);
                const texts = addMetric(m);
                emit(indexKey('metric', i), m.source.line, cut ? texts : '');
            }
            break;
    }
    // Hold on to neither the picture nor the model between renders.
    sink = IDLE_SINK;
    col = IDLE_COLUMN;
    return cardY;
}

const SEVERITY_CLASS: Record<string, string> = { high: 'jm-sev-high', medium: 'jm-sev-medium', low: 'jm-sev-low', none: 'jm-sev-none' };

const IDLE_SINK: CardSink = { out: new Out(), boxes: undefined, barriers: [], opportunities: [], roundAttr: false };
const IDLE_COLUMN = {} as CardColumn;

/** A card's texts for its tooltip, one a line (empty ones left out). */
function tooltip(...texts: Array<string | undefined>): string {
    return texts.filter(t => t !== undefined && t !== '').join('\n');
}

function plainCards(kind: string, facts: string[], sources: Array<{ line: number }>, cls: TextClass): void {
    for (let i = 0; i < facts.length; i++) {
        const text = facts[i];
        startCard(false);
        addText(text, cls);
        emit(indexKey(kind, i), sources[i]?.line ?? col.step.source.line, cut ? text : '');
    }
}

function ownedCards(kind: string, items: LaneItemModel[], labels: LabelLookup): void {
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        startCard(false);
        addText(item.text, 0);
        const owner = item.owner ? labels.team(item.owner) : undefined;
        if (owner !== undefined) addMetaAfter(OWNER, owner);
        emit(indexKey(kind, i), item.source.line, cut ? tooltip(item.text, owner === undefined ? '' : OWNER.text + owner) : '');
    }
}

/**
 * Ends the current card: its key is the step's key and `keyEnd` (`barrier:` + id, or without an
 * id `action#` + index; escaped, and as the model spells it in `rawEnd` when that differs).
 * Returns the card's box when someone needs it (highlights, fix links).
 */
function emit(keyEnd: string, line: number, title: string, stripe?: string, rawEnd?: string): Box | undefined {
    const h = Math.max(MIN_CARD_H, y + CARD_EXTRA);
    const head = col.cardOpen + keyEnd + (line ? `" data-line="${line}` : '') + col.translate;
    sink.out.push(title === ''
        ? head + cardHead(h, stripe) + body + '</g>'
        : `${head}${cardY})">${titleTag(title)}${frameOf(h)}${stripe ? stripeOf(h, stripe) : ''}${body}</g>`);
    let box: Box | undefined;
    if (sink.boxes || stripe) {
        box = { x: col.x + G.cardMargin, y: cardY, w: CARD_W, h };
        if (sink.boxes) sink.boxes.set(`${col.stageId}/${col.step.id}/${rawEnd || keyEnd}`, box);
    }
    cardY += h + G.cardGap;
    return box;
}

/**
 * A metric card's rows; returns its texts for the tooltip. Called on a fresh unstriped card, so
 * the rows depend on the metric alone: maps repeat the same few (CSAT 4.2 against 4.5), and each
 * is laid out once.
 */
interface MetricRows { body: string; y: number; cut: boolean; texts: string }
const metricRows = new Map<string, Map<number, Map<number | undefined, MetricRows>>>();
function addMetric(m: MetricModel): string {
    let byValue = metricRows.get(m.name);
    if (!byValue) {
        if (metricRows.size > 1024) metricRows.clear();
        metricRows.set(m.name, byValue = new Map());
    }
    let byTarget = byValue.get(m.value);
    if (!byTarget) {
        if (byValue.size > 1024) byValue.clear();
        byValue.set(m.value, byTarget = new Map());
    }
    let rows = byTarget.get(m.target);
    if (!rows) {
        if (byTarget.size > 1024) byTarget.clear();
        const texts = layOutMetric(m);
        byTarget.set(m.target, rows = { body: flat(body), y, cut, texts });
    }
    body = rows.body;
    y = rows.y;
    cut = rows.cut;
    return rows.texts;
}

function layOutMetric(m: MetricModel): string {
    const head = `${m.name}: ${formatNumber(m.value)}`;
    addText(head, 0);
    if (m.target === undefined) return head;
    const ok = m.value >= m.target;
    const meta = `Target ${formatNumber(m.target)} \u00B7 ${ok ? 'met' : `${formatNumber(m.target - m.value)} below`}`;
    addMeta(meta);
    addBar(m.target === 0 ? 1 : Math.max(0, Math.min(1.25, m.value / m.target)), ok);
    return `${head}\n${meta}`;
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
