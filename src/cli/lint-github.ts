import type { LintReport } from './lint-report.js';
import type { CliDiagnostic } from './diagnostics.js';

const commandOf: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one per diagnostic, which annotate the pull request:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message`.
 */
export function formatGithub(report: LintReport): string {
    const lines: string[] = [];
    for (const file of report.files) {
        for (const d of file.diagnostics) {
            const properties = [
                `file=${escapeProperty(toPosix(file.path))}`,
                `line=${d.line}`,
                `col=${d.column}`,
                `endLine=${d.endLine}`,
                `endColumn=${d.endColumn}`,
                `title=${escapeProperty(d.rule)}`,
            ];
            lines.push(`::${commandOf[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
        }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** The message part: `%`, CR and LF would end or corrupt the command, so they are percent-encoded. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as the message, and `:` and `,` too, which separate the properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub matches annotation paths against the repository with forward slashes. */
function toPosix(file: string): string {
    return file.split('\\').join('/');
}
