import type { CliIO } from './command.js';
import type { LintReport } from './lint-report.js';

const colours = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 } as const;

/** ESLint's "stylish" layout: diagnostics grouped by file, then a summary line. */
export function formatStylish(report: LintReport, io: Pick<CliIO, 'isTTY'>): string {
    const paint = (colour: keyof typeof colours, text: string) =>
        io.isTTY && !process.env.NO_COLOR ? `\u001b[${colours[colour]}m${text}\u001b[0m` : text;
    const lines: string[] = [];
    for (const file of report.files) {
        if (file.diagnostics.length === 0) continue;
        lines.push(paint('underline', file.path));
        for (const d of file.diagnostics) {
            const where = `${file.path}:${d.line}:${d.column}`;
            const severity = d.severity === 'error' ? paint('red', 'error  ') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info   ');
            lines.push(`  ${where}  ${severity}  ${d.message}  ${paint('dim', d.rule)}`);
        }
        lines.push('');
    }
    const total = report.errorCount + report.warningCount + report.infoCount;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = `${plural(total, 'problem')} (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}, ${report.infoCount} info) in ${plural(report.files.length, 'file')}`;
    lines.push(report.errorCount > 0 ? paint('red', summary) : report.warningCount > 0 ? paint('yellow', summary) : summary);
    return lines.join('\n') + '\n';
}
