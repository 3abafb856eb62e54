import type { LangiumDocument } from 'langium';
import { sortDiagnostics, toCliDiagnostic, type CliDiagnostic } from './diagnostics.js';
import { displayPath } from './workspace.js';

/** What `journey lint` found; `--format json` prints exactly this object. */
export interface LintReport {
    files: Array<{ path: string; diagnostics: CliDiagnostic[] }>;
    errorCount: number;
    warningCount: number;
    infoCount: number;
}

export interface ReportOptions {
    /** `--quiet`: keep errors only (warnings and infos are neither shown nor counted). */
    errorsOnly?: boolean;
}

/** Turns validated documents into the report: diagnostics sorted by position, counted by severity. */
export function buildLintReport(documents: LangiumDocument[], options: ReportOptions = {}): LintReport {
    const report: LintReport = { files: [], errorCount: 0, warningCount: 0, infoCount: 0 };
    for (const document of documents) {
        let diagnostics = sortDiagnostics((document.diagnostics ?? []).map(toCliDiagnostic));
        if (options.errorsOnly) diagnostics = diagnostics.filter(d => d.severity === 'error');
        for (const d of diagnostics) {
            if (d.severity === 'error') report.errorCount++;
            else if (d.severity === 'warning') report.warningCount++;
            else report.infoCount++;
        }
        report.files.push({ path: displayPath(document.uri.fsPath), diagnostics });
    }
    return report;
}
