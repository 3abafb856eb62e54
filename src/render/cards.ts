import type { LaneItemModel, MapModel, MetricModel, StepModel } from '../model/types.js';
import { factKey } from './keys.js';
import { G, cardTextWidth } from './geometry.js';
import type { LaneId } from './options.js';
import { fitText, wrapText } from './text.js';

/** One drawn row inside a card. */
export type CardRow =
    | { kind: 'text'; lines: string[]; small?: boolean; cls?: string }
    | { kind: 'badge'; text: string; cls: string }
    | { kind: 'bar'; ratio: number; target: boolean; ok: boolean };

/** A card: one fact of one step in one lane. */
export interface Card {
    key: string;
    line: number;
    /** Colour stripe on the left edge (severity, opportunity). */
    stripe?: string;
    rows: CardRow[];
    /** The whole text, when some of it was cut. */
    title?: string;
    height: number;
    /** For opportunities: the barrier ids they fix. */
    fixes?: string[];
    /** For barriers: the barrier id (links are drawn to it). */
    barrierId?: string;
}

const STRIPE = 4;

function rowHeight(row: CardRow): number {
    switch (row.kind) {
        case 'text': return row.lines.length * (row.small ? G.smallLine : G.line);
        case 'badge': return 18;
        case 'bar': return 10;
    }
}

interface CardInput {
    key: string;
    line: number;
    stripe?: string;
    /** Main text, wrapped. */
    text?: string;
    textCls?: string;
    /** Leading badge (channel, severity). */
    badge?: { text: string; cls: string };
    /** Small one-line rows under the text. */
    meta?: string[];
    bar?: { ratio: number; target: boolean; ok: boolean };
}

function makeCard(input: CardInput): Card {
    const width = cardTextWidth(input.stripe ? STRIPE + 2 : 0);
    const rows: CardRow[] = [];
    const cut: boolean[] = [];
    if (input.badge) {
        const fitted = fitText(input.badge.text, width - 12, G.smallFont);
        rows.push({ kind: 'badge', text: fitted.lines[0], cls: input.badge.cls });
        cut.push(fitted.truncated);
    }
    if (input.text !== undefined && input.text !== '') {
        const wrapped = wrapText(input.text, width, G.font, G.maxTextLines);
        rows.push({ kind: 'text', lines: wrapped.lines, ...(input.textCls ? { cls: input.textCls } : {}) });
        cut.push(wrapped.truncated);
    }
    for (const meta of input.meta ?? []) {
        const fitted = fitText(meta, width, G.smallFont);
        rows.push({ kind: 'text', lines: fitted.lines, small: true, cls: 'jm-meta' });
        cut.push(fitted.truncated);
    }
    if (input.bar) rows.push({ kind: 'bar', ...input.bar });
    let height = 2 * G.cardPad - 3;
    for (const row of rows) height += rowHeight(row) + 2;
    const card: Card = { key: input.key, line: input.line, rows, height: Math.max(height, 24) };
    if (input.stripe) card.stripe = input.stripe;
    if (cut.some(Boolean)) {
        card.title = [input.badge?.text, input.text, ...(input.meta ?? [])].filter(s => s !== undefined && s !== '').join('\n');
    }
    return card;
}

/** Builds the cards of one step in one lane (the emotion lane is drawn as a curve, not cards). */
export function laneCards(lane: Exclude<LaneId, 'emotions'>, stageId: string, step: StepModel, labels: LabelLookup): Card[] {
    const key = (kind: string, idOrIndex: string | number) => factKey(stageId, step.id, kind, idOrIndex);
    const plain = (kind: string, texts: string[], lines: { line: number }[], textCls?: string) =>
        texts.map((text, i) => makeCard({ key: key(kind, i), line: lines[i]?.line ?? step.source.line, text, ...(textCls ? { textCls } : {}) }));
    const owned = (kind: string, items: LaneItemModel[]) =>
        items.map((item, i) => makeCard({
            key: key(kind, i), line: item.source.line, text: item.text,
            ...(item.owner ? { meta: [`Owner: ${labels.team(item.owner)}`] } : {}),
        }));
    switch (lane) {
        case 'actions': return plain('action', step.actions, step.sources.actions);
        case 'thoughts': return plain('thought', step.thoughts, step.sources.thoughts, 'jm-italic');
        case 'questions': return plain('question', step.questions, step.sources.questions);
        case 'evidence': return plain('evidence', step.evidence, step.sources.evidence, 'jm-muted');
        case 'touchpoints':
            return step.touchpoints.map((t, i) => makeCard({
                key: key('touchpoint', i), line: t.source.line, badge: { text: labels.channel(t.channel), cls: 'jm-badge' },
                ...(t.text !== undefined ? { text: t.text } : {}),
            }));
        case 'barriers':
            return step.barriers.map((b, i) => ({
                ...makeCard({
                    key: key('barrier', b.id ?? i), line: b.source.line, stripe: `jm-sev-${b.severity ?? 'none'}`, text: b.text,
                    meta: [`${b.severity ? `Severity: ${b.severity}` : 'Severity: not rated'}${b.id ? ` \u00B7 ${b.id}` : ''}`],
                }),
                ...(b.id ? { barrierId: b.id } : {}),
            }));
        case 'opportunities':
            return step.opportunities.map((o, i) => {
                const meta: string[] = [];
                const rating = [o.impact && `Impact: ${o.impact}`, o.effort && `Effort: ${o.effort}`].filter(Boolean).join(' \u00B7 ');
                if (rating) meta.push(rating);
                if (o.owner) meta.push(`Owner: ${labels.team(o.owner)}`);
                if (o.fixes.length > 0) meta.push(`Fixes: ${o.fixes.join(', ')}`);
                return { ...makeCard({ key: key('opportunity', o.id ?? i), line: o.source.line, stripe: 'jm-opp', text: o.text, meta }), fixes: o.fixes };
            });
        case 'frontstage': return owned('frontstage', step.frontstage);
        case 'backstage': return owned('backstage', step.backstage);
        case 'support': return owned('support', step.support);
        case 'metrics': return step.metrics.map((m, i) => metricCard(m, key('metric', i)));
    }
}

function metricCard(m: MetricModel, key: string): Card {
    const value = formatNumber(m.value);
    if (m.target === undefined) return makeCard({ key, line: m.source.line, text: `${m.name}: ${value}` });
    const ok = m.value >= m.target;
    const ratio = m.target === 0 ? 1 : Math.max(0, Math.min(1.25, m.value / m.target));
    return makeCard({
        key, line: m.source.line, text: `${m.name}: ${value}`,
        meta: [`Target ${formatNumber(m.target)} \u00B7 ${ok ? 'met' : `${formatNumber(m.target - m.value)} below`}`],
        bar: { ratio, target: true, ok },
    });
}

/** Numbers as written, without float noise (0.1 + 0.2 style). */
function formatNumber(n: number): string {
    return String(Number(n.toPrecision(12)));
}

/** Labels of channels and teams by id, looked up once per picture. */
export interface LabelLookup { channel(id: string): string; team(id: string): string }

export function labelLookup(model: MapModel): LabelLookup {
    const channels = new Map(model.channels.map(c => [c.id, c.label]));
    const teams = new Map(model.teams.map(t => [t.id, t.label]));
    return { channel: id => channels.get(id) ?? id, team: id => teams.get(id) ?? id };
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
