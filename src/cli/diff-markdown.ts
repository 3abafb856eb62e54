/**
 * `journey diff --format markdown`, for a pull-request comment or a job summary: a one-line
 * summary, then a section per stage with emotion deltas as arrows (`-2 -> 0`), barriers added and
 * resolved, opportunities added and removed, steps added, removed and moved, and the other changes.
 */
import { summarize, type MapChange } from '../model/diff-types.js';
import { describe, notComparedLine, showValue, signed, summaryLine } from './diff-describe.js';
import type { DiffRun, FileDiff } from './diff-run.js';

const mapLevel = new Set(['journey', 'persona', 'channel', 'team']);

export function formatMarkdown(run: DiffRun): string {
    const notCompared = notComparedLine(run.failures);
    if (run.files.length === 0) return `${notCompared ? escape(notCompared) : 'No changes to the maps.'}\n`;
    const out: string[] = [];
    if (notCompared) out.push(`**${escape(notCompared)}**`, '');
    if (run.multiFile) {
        const total = summarize(run.files.flatMap(f => f.diff.changes));
        out.push(`**${run.files.length} ${run.files.length === 1 ? 'map' : 'maps'} changed**: ${summaryLine(total)}`, '');
        for (const file of run.files) {
            out.push(`## ${escape(file.file)}`, '', fileSummary(file), '');
            out.push(...fileSections(file, '###'));
        }
    } else {
        const file = run.files[0];
        out.push(fileSummary(file), '');
        out.push(...fileSections(file, '###'));
    }
    return out.join('\n').replace(/\n+$/, '') + '\n';
}

function fileSummary(file: FileDiff): string {
    const title = file.after?.journey.title;
    const what = file.status === 'added' ? 'new map' : file.status === 'removed' ? 'map removed' : summaryLine(file.diff.summary);
    const where = title ? `**${escape(title)}** (${code(file.file)})` : code(file.file);
    return `${where}: ${what}${file.status !== 'modified' ? ` (${summaryLine(file.diff.summary)})` : ''}`;
}

function fileSections(file: FileDiff, heading: string): string[] {
    const out: string[] = [];
    const changes = file.diff.changes;
    const map = changes.filter(c => mapLevel.has(c.element));
    if (map.length > 0) out.push(`${heading} Map`, '', ...map.map(c => `- ${escape(describe(c))}`), '');
    const stepLabels = new Map<string, string>();
    for (const stage of file.after?.stages ?? []) for (const step of stage.steps) stepLabels.set(`${stage.id}/${step.id}`, step.label);
    const byStage = new Map<string, MapChange[]>();
    for (const change of changes) {
        if (mapLevel.has(change.element)) continue;
        const stage = change.path.split('/')[0];
        if (!byStage.has(stage)) byStage.set(stage, []);
        byStage.get(stage)!.push(change);
    }
    const order = [...(file.after?.stages.map(s => s.id) ?? []).filter(id => byStage.has(id)), ...[...byStage.keys()]];
    for (const stageId of new Set(order)) {
        const stageChanges = byStage.get(stageId)!;
        const stage = file.after?.stages.find(s => s.id === stageId);
        const removed = stageChanges.find(c => c.element === 'stage' && c.kind === 'removed');
        const label = stage?.label ?? (typeof removed?.before === 'string' ? removed.before : stageId);
        const added = stageChanges.some(c => c.element === 'stage' && c.kind === 'added');
        out.push(`${heading} ${escape(label)} (${code(stageId)})${removed ? ': removed' : added ? ': new stage' : ''}`, '');
        out.push(...stageSection(stageChanges, stepLabels));
    }
    return out;
}

function stageSection(changes: MapChange[], stepLabels: Map<string, string>): string[] {
    const used = new Set<MapChange>();
    const take = (filter: (c: MapChange) => boolean) => {
        const picked = changes.filter(c => !used.has(c) && filter(c));
        picked.forEach(c => used.add(c));
        return picked;
    };
    const stepName = (path: string) => {
        const label = stepLabels.get(path) ?? stepLabels.get(`${path}/${path}`);
        const stepId = path.split('/')[1];
        if (stepId === undefined) return 'the stage';
        return label !== undefined ? `${escape(label)} (${code(stepId)})` : code(stepId);
    };
    const out: string[] = [];
    const group = (title: string, lines: string[]) => {
        if (lines.length > 0) out.push(`**${title}**`, '', ...lines.map(l => `- ${l}`), '');
    };
    group('Emotions', take(c => c.element === 'emotion' && c.field !== 'label').map(c => {
        const who = c.persona ? `${escape(c.persona)} at ` : '';
        if (c.kind === 'changed') {
            const delta = Number(c.after) - Number(c.before);
            return `${who}${stepName(c.path)}: ${signed(Number(c.before))} -> ${signed(Number(c.after))} (${delta > 0 ? 'better' : 'worse'})`;
        }
        if (c.kind === 'added') return `${who}${stepName(c.path)}: new, ${escape(showValue(c.after, 'emotion'))}`;
        return `${who}${stepName(c.path)}: no longer rated (was ${escape(showValue(c.before, 'emotion'))})`;
    }));
    group('Barriers', [
        ...take(c => c.element === 'barrier' && c.kind === 'added').map(c => `added at ${stepName(c.path)}: ${factName(c)} ${escape(showValue(c.after, 'barrier'))}`),
        ...take(c => c.element === 'barrier' && c.kind === 'removed').map(c => `resolved at ${stepName(c.path)}: ${factName(c)} ${escape(showValue(c.before, 'barrier'))}`),
    ]);
    group('Opportunities', [
        ...take(c => c.element === 'opportunity' && c.kind === 'added').map(c => `added at ${stepName(c.path)}: ${factName(c)} ${escape(showValue(c.after, 'opportunity'))}`),
        ...take(c => c.element === 'opportunity' && c.kind === 'removed').map(c => `removed at ${stepName(c.path)}: ${factName(c)} ${escape(showValue(c.before, 'opportunity'))}`),
    ]);
    group('Steps', [
        ...take(c => c.element === 'step' && c.kind === 'added').map(c => `added: ${stepName(c.path)}`),
        ...take(c => c.element === 'step' && c.kind === 'removed').map(c => `removed: ${escape(String(c.before))} (${code(c.id)})`),
        ...take(c => c.element === 'step' && c.kind === 'moved').map(c => (c.field === 'stage'
            ? `moved here from ${code(String(c.before))}: ${stepName(c.path)}`
            : `moved from position ${String(c.before)} to ${String(c.after)}: ${stepName(c.path)}`)),
    ]);
    take(c => c.element === 'stage' && (c.kind === 'added' || c.kind === 'removed')); // said in the heading
    group('Other changes', take(() => true).map(c => escape(describe(c))));
    return out;
}

function factName(change: MapChange): string {
    return /^[A-Za-z][A-Za-z0-9_-]*$/.test(change.id) && typeof (change.after ?? change.before) === 'object' && change.id !== (change.after as { text?: string } | null)?.text
        ? code(change.id) : '';
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
    return '`' + text.replace(/`/g, "'") + '`';
}

/** User text in Markdown: characters that would format, link or open HTML are escaped. */
function escape(text: string): string {
    return text.replace(/[\\`*_[\]<#|~]/g, ch => `\\${ch}`).replace(/\r?\n/g, ' ');
}
