import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

/** A diagnostic as the CLI reports it: 1-based lines and columns, and the rule id or error code. */
export interface CliDiagnostic {
    rule: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export function toCliDiagnostic(diagnostic: Diagnostic): CliDiagnostic {
    return {
        rule: String(diagnostic.code ?? 'syntax-error'),
        severity: diagnostic.severity === DiagnosticSeverity.Error ? 'error'
            : diagnostic.severity === DiagnosticSeverity.Warning ? 'warning' : 'info',
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
    };
}

/** Sorted by position, so output is stable. */
export function sortDiagnostics(diagnostics: CliDiagnostic[]): CliDiagnostic[] {
    return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
