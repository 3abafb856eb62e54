/** Plain-language phrasing of map changes, shared by the text, markdown and html outputs of `journey diff`. */
import type { MapChange } from '../model/diff-types.js';

/** A value as a reviewer reads it: text in quotes, scores signed, lists joined, missing as "(none)". */
export function showValue(value: unknown, element?: string, field?: string): string {
    if (value === null || value === undefined) return '(none)';
    if (typeof value === 'number') return (element === 'emotion' && (field === 'score' || field === undefined)) ? signed(value) : String(value);
    if (typeof value === 'string') return field === 'state' || field === 'stage' || field === 'step' || field === 'channel' || field === 'owner'
        || field === 'severity' || field === 'impact' || field === 'effort' || element === 'next' ? value : JSON.stringify(value);
    if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(v => showValue(v, element, field)).join(', ');
    if (typeof value === 'object') return showFact(value as Record<string, unknown>, element);
    return String(value);
}

export function signed(score: number): string {
    return score > 0 ? `+${score}` : String(score);
}

/** A fact's fields in the order the language writes them. */
function showFact(fact: Record<string, unknown>, element?: string): string {
    if (element === 'emotion') return `${signed(Number(fact.score))}${fact.label !== undefined ? ` ${JSON.stringify(fact.label)}` : ''}`;
    if (element === 'metric') return `${String(fact.name)} ${String(fact.value)}${fact.target !== undefined ? ` target ${String(fact.target)}` : ''}`;
    const parts: string[] = [];
    if (fact.channel !== undefined) parts.push(String(fact.channel));
    if (fact.text !== undefined) parts.push(JSON.stringify(fact.text));
    for (const key of ['severity', 'impact', 'effort', 'owner']) {
        if (fact[key] !== undefined) parts.push(`${key} ${String(fact[key])}`);
    }
    if (Array.isArray(fact.fixes) && fact.fixes.length > 0) parts.push(`fixes ${fact.fixes.join(', ')}`);
    return parts.join(' ');
}

/** What the change is about: `step demo`, `emotion of dana`, `touchpoint "Live demo"`. */
export function subject(change: MapChange): string {
    if (change.element === 'emotion') return change.persona ? `emotion of ${change.persona}` : 'emotion';
    if (['journey', 'persona', 'channel', 'team', 'stage', 'step', 'barrier', 'opportunity', 'next'].includes(change.element) && isId(change.id)) {
        return `${change.element} ${change.id}`;
    }
    return `${change.element} ${JSON.stringify(change.id)}`;
}

function isId(text: string): boolean {
    return /^[A-Za-z][A-Za-z0-9_-]*$/.test(text);
}

/** One line: `~ emotion of dana at need/missed: score -2 -> 0`. */
export function describe(change: MapChange): string {
    // A stage's path is its own id, already in the subject.
    const where = change.path && change.element !== 'stage' ? ` at ${change.path}` : '';
    switch (change.kind) {
        case 'added':
            return `${subject(change)}${where} added${sameAsId(change, change.after) ? '' : `: ${showValue(change.after, change.element)}`}`;
        case 'removed':
            return `${subject(change)}${where} removed${sameAsId(change, change.before) ? '' : ` (was ${showValue(change.before, change.element)})`}`;
        case 'changed':
            return `${subject(change)}${where}: ${change.field} ${showValue(change.before, change.element, change.field)} -> ${showValue(change.after, change.element, change.field)}`;
        case 'moved':
            return change.field === 'position'
                ? `${subject(change)} moved from position ${String(change.before)} to ${String(change.after)}${change.element === 'stage' ? '' : ` in ${change.path.split('/')[0]}`}`
                : `${subject(change)} moved from ${String(change.before)} to ${String(change.after)}`;
    }
}

/** A fact whose value is just its text, already named by the subject. */
function sameAsId(change: MapChange, value: unknown): boolean {
    return value === change.id || (typeof value === 'object' && value !== null && Object.keys(value).length === 1
        && (value as { text?: unknown }).text === change.id);
}

export function summaryLine(summary: { added: number; removed: number; changed: number; moved: number }): string {
    return `${summary.added} added, ${summary.removed} removed, ${summary.changed} changed, ${summary.moved} moved`;
}

/**
 * The sides that were not diffed because they do not parse, said in the output itself: without
 * it, a run whose only map is broken would read "No changes to the maps." (errors are on stderr).
 */
export function notComparedLine(failures: ReadonlyArray<{ label: string }>): string | undefined {
    if (failures.length === 0) return undefined;
    const labels = failures.map(f => f.label).join(', ');
    return `Not compared (syntax errors): ${labels}`;
}
