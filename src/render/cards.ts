import type { LaneItemModel, MapModel, MetricModel, StepModel } from '../model/types.js';
import { escapeAttr } from './escape.js';
import { G, cardTextWidth } from './geometry.js';
import type { LaneId } from './options.js';
import { n, textLine, titleTag, type Box } from './svg-out.js';
import { fitText, textWidth, wrapText } from './text.js';

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
    out: string[];
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

/**
 * The rows of one card being written: the inner markup grows as rows are added, `y` is the
 * baseline cursor, `full` the whole text for the tooltip should anything be cut.
 */
class CardBody {
    svg = '';
    y: number = G.cardPad - 1;
    cut = false;
    full = '';

    constructor(readonly left: number, readonly width: number) {}

    private remember(text: string): void {
        this.full = this.full === '' ? text : `${this.full}\n${text}`;
    }

    badge(text: string, cls: string): void {
        if (text !== '') this.remember(text);
        const fitted = fitText(text, this.width - 12, G.smallFont);
        if (fitted.truncated) this.cut = true;
        const label = fitted.lines[0];
        const w = Math.min(RIGHT - this.left, textWidth(label, G.smallFont) * 1.12 + 14);
        this.svg += `<rect x="${this.left}" y="${this.y}" width="${n(w)}" height="17" rx="8" class="${cls}"/>`
            + textLine(this.left + 6, this.y + 12.5, label, { cls: 'jm-small jm-strong' });
        this.y += 20;
    }

    text(text: string, cls: string | undefined): void {
        if (text === '') return;
        this.remember(text);
        const wrapped = wrapText(text, this.width, G.font, G.maxTextLines);
        if (wrapped.truncated) this.cut = true;
        this.lines(wrapped.lines, G.line, 3.5, cls);
    }

    meta(text: string): void {
        if (text !== '') this.remember(text);
        const fitted = fitText(text, this.width, G.smallFont);
        if (fitted.truncated) this.cut = true;
        this.lines(fitted.lines, G.smallLine, 3, 'jm-meta');
    }

    private lines(lines: string[], lineHeight: number, raise: number, cls: string | undefined): void {
        const options = { cls, right: RIGHT };
        for (const line of lines) {
            this.y += lineHeight;
            this.svg += textLine(this.left, this.y - raise, line, options);
        }
        this.y += 2;
    }

    bar(ratio: number, ok: boolean): void {
        const w = RIGHT - this.left;
        const y = this.y + 2;
        const mark = n(this.left + w * 0.8);
        this.svg += `<rect x="${this.left}" y="${y}" width="${w}" height="6" rx="3" class="jm-bar"/>`
            + `<rect x="${this.left}" y="${y}" width="${n(Math.min(w, w * 0.8 * ratio))}" height="6" rx="3" class="${ok ? 'jm-bar-ok' : 'jm-bar-below'}"/>`
            + `<line x1="${mark}" y1="${this.y}" x2="${mark}" y2="${this.y + 10}" class="jm-target"/>`;
        this.y += 12;
    }

    height(): number {
        return Math.max(MIN_CARD_H, this.y + CARD_EXTRA);
    }
}

/**
 * Writes the cards of one step in one lane (the emotion lane is drawn as a curve, not cards),
 * from `top` down; returns the y below the last card's gap (`top` when there are none).
 */
export function writeLaneCards(
    sink: CardSink, lane: Exclude<LaneId, 'emotions'>, col: CardColumn, top: number, labels: LabelLookup,
): number {
    const step = col.step;
    let y = top;
    // One card: its key suffix (kind#index or kind:id), source line and filled body.
    const emit = (suffix: string, line: number, body: CardBody, stripe?: string, linked?: Omit<LinkedCard, 'attrKey' | 'box'>) => {
        const h = body.height();
        const attrKey = col.attrPrefix + escapeAttr(suffix);
        const x = col.x + G.cardMargin;
        let svg = `<g class="jm-fact" data-id="${attrKey}"${line ? ` data-line="${line}"` : ''} transform="translate(${x} ${n(y)})">`;
        if (body.cut) svg += titleTag(body.full);
        svg += `<rect width="${CARD_W}" height="${h}" rx="4" class="jm-card"/>`;
        if (stripe) svg += `<rect width="${STRIPE}" height="${h}" rx="2" class="${stripe}"/>`;
        sink.out.push(svg + body.svg + '</g>');
        if (sink.boxes || linked) {
            const box = { x, y, w: CARD_W, h };
            if (sink.boxes) sink.boxes.set(`${col.stageId}/${step.id}/${suffix}`, box);
            if (lane === 'barriers') sink.barriers.push({ attrKey, box, ...linked });
            else if (lane === 'opportunities') sink.opportunities.push({ attrKey, box, ...linked });
        }
        y += h + G.cardGap;
    };
    const plain = (kind: string, texts: string[], sources: Array<{ line: number }>, cls?: string) => {
        for (let i = 0; i < texts.length; i++) {
            const body = new CardBody(LEFT_PLAIN, WIDTH_PLAIN);
            body.text(texts[i], cls);
            emit(`${kind}#${i}`, sources[i]?.line ?? step.source.line, body);
        }
    };
    const owned = (kind: string, items: LaneItemModel[]) => {
        for (let i = 0; i < items.length; i++) {
            const item = items[i];
            const body = new CardBody(LEFT_PLAIN, WIDTH_PLAIN);
            body.text(item.text, undefined);
            if (item.owner) body.meta(`Owner: ${labels.team(item.owner)}`);
            emit(`${kind}#${i}`, item.source.line, body);
        }
    };
    switch (lane) {
        case 'actions': plain('action', step.actions, step.sources.actions); break;
        case 'thoughts': plain('thought', step.thoughts, step.sources.thoughts, 'jm-italic'); break;
        case 'questions': plain('question', step.questions, step.sources.questions); break;
        case 'evidence': plain('evidence', step.evidence, step.sources.evidence, 'jm-muted'); break;
        case 'frontstage': owned('frontstage', step.frontstage); break;
        case 'backstage': owned('backstage', step.backstage); break;
        case 'support': owned('support', step.support); break;
        case 'touchpoints':
            step.touchpoints.forEach((t, i) => {
                const body = new CardBody(LEFT_PLAIN, WIDTH_PLAIN);
                body.badge(labels.channel(t.channel), 'jm-badge');
                if (t.text !== undefined) body.text(t.text, undefined);
                emit(`touchpoint#${i}`, t.source.line, body);
            });
            break;
        case 'barriers':
            step.barriers.forEach((b, i) => {
                const body = new CardBody(LEFT_STRIPED, WIDTH_STRIPED);
                body.text(b.text, undefined);
                body.meta(`${b.severity ? `Severity: ${b.severity}` : 'Severity: not rated'}${b.id ? ` \u00B7 ${b.id}` : ''}`);
                emit(b.id !== undefined ? `barrier:${b.id}` : `barrier#${i}`, b.source.line, body,
                    `jm-sev-${b.severity ?? 'none'}`, b.id ? { barrierId: b.id } : {});
            });
            break;
        case 'opportunities':
            step.opportunities.forEach((o, i) => {
                const body = new CardBody(LEFT_STRIPED, WIDTH_STRIPED);
                body.text(o.text, undefined);
                const rating = o.impact && o.effort ? `Impact: ${o.impact} \u00B7 Effort: ${o.effort}`
                    : o.impact ? `Impact: ${o.impact}` : o.effort ? `Effort: ${o.effort}` : '';
                if (rating) body.meta(rating);
                if (o.owner) body.meta(`Owner: ${labels.team(o.owner)}`);
                if (o.fixes.length > 0) body.meta(`Fixes: ${o.fixes.join(', ')}`);
                emit(o.id !== undefined ? `opportunity:${o.id}` : `opportunity#${i}`, o.source.line, body, 'jm-opp', { fixes: o.fixes });
            });
            break;
        case 'metrics':
            step.metrics.forEach((m, i) => emit(`metric#${i}`, m.source.line, metricBody(m)));
            break;
    }
    return y;
}

function metricBody(m: MetricModel): CardBody {
    const body = new CardBody(LEFT_PLAIN, WIDTH_PLAIN);
    body.text(`${m.name}: ${formatNumber(m.value)}`, undefined);
    if (m.target !== undefined) {
        const ok = m.value >= m.target;
        body.meta(`Target ${formatNumber(m.target)} \u00B7 ${ok ? 'met' : `${formatNumber(m.target - m.value)} below`}`);
        body.bar(m.target === 0 ? 1 : Math.max(0, Math.min(1.25, m.value / m.target)), ok);
    }
    return body;
}

/** Numbers as written, without float noise (0.1 + 0.2 style). */
function formatNumber(value: number): string {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
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
