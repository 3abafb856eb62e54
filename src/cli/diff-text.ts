/** `journey diff --format text`: one line per change, marked + - ~ >, coloured on a terminal. */
import { summarize, type MapChange } from '../model/diff-types.js';
import { describe, notComparedLine, summaryLine } from './diff-describe.js';
import type { DiffRun } from './diff-run.js';

const marks: Record<MapChange['kind'], { mark: string; colour: string }> = {
    added: { mark: '+', colour: '\u001b[32m' },
    removed: { mark: '-', colour: '\u001b[31m' },
    changed: { mark: '~', colour: '\u001b[33m' },
    moved: { mark: '>', colour: '\u001b[36m' },
};
const bold = '\u001b[1m';
const reset = '\u001b[0m';

export function formatText(run: DiffRun, colour: boolean): string {
    const paint = (code: string, text: string) => (colour ? `${code}${text}${reset}` : text);
    const lines: string[] = [];
    for (const file of run.files) {
        lines.push(paint(bold, `--- ${file.status === 'added' ? '(none)' : file.oldLabel}`));
        lines.push(paint(bold, `+++ ${file.status === 'removed' ? '(none)' : file.newLabel}`));
        for (const change of file.diff.changes) {
            const { mark, colour: code } = marks[change.kind];
            lines.push(paint(code, `${mark} ${describe(change)}`));
        }
        lines.push(summaryLine(file.diff.summary), '');
    }
    const notCompared = notComparedLine(run.failures);
    if (notCompared) lines.push(notCompared);
    if (run.files.length === 0) {
        if (!notCompared) lines.push('No changes to the maps.');
    } else if (run.multiFile) {
        const total = summarize(run.files.flatMap(f => f.diff.changes));
        lines.push(`${run.files.length} ${run.files.length === 1 ? 'map' : 'maps'} changed: ${summaryLine(total)}`);
    }
    return lines.join('\n') + '\n';
}
