import type { Command } from './command.js';
import { checkFormat, parseCommandArgs } from './command.js';
import { toCliDiagnostic, sortDiagnostics, type CliDiagnostic } from './diagnostics.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { displayPath, loadWorkspace } from './workspace.js';
import { formatStylish } from './lint-stylish.js';
import { LintConfigError, readLintConfigFile } from '../language/lint-config.js';

const formats = ['stylish', 'json'] as const;

export interface LintReport {
    files: Array<{ path: string; diagnostics: CliDiagnostic[] }>;
    errorCount: number;
    warningCount: number;
    infoCount: number;
}

export const lintCommand: Command = {
    name: 'lint',
    summary: 'check maps for errors and gaps (missing emotions, touchpoints, ...)',
    help: `Usage: journey lint [paths...] [options]

Checks .journey files (folders are searched recursively; imports are followed).

Options:
  --format stylish|json   output format (default: stylish)
  --config FILE           use this config file instead of the nearest journey.config.json
  -h, --help              show this help

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('lint', args, {
            format: { type: 'string' },
            config: { type: 'string' },
        });
        const format = checkFormat('lint', values.format, formats, 'stylish');
        if (values.config) {
            try {
                readLintConfigFile(values.config);
            } catch (err) {
                if (err instanceof LintConfigError) throw new UsageError(err.message);
                throw err;
            }
        }
        const report = await lint(positionals.length > 0 ? positionals : ['.'], values.config);
        io.stdout(format === 'json' ? JSON.stringify(report) + '\n' : formatStylish(report, io));
        return report.errorCount > 0 ? ExitCode.Findings : ExitCode.Ok;
    },
};

export async function lint(paths: string[], configFile?: string): Promise<LintReport> {
    const { documents } = await loadWorkspace(paths, { configFile });
    const report: LintReport = { files: [], errorCount: 0, warningCount: 0, infoCount: 0 };
    for (const document of documents) {
        const diagnostics = sortDiagnostics((document.diagnostics ?? []).map(toCliDiagnostic));
        for (const d of diagnostics) {
            if (d.severity === 'error') report.errorCount++;
            else if (d.severity === 'warning') report.warningCount++;
            else report.infoCount++;
        }
        report.files.push({ path: displayPath(document.uri.fsPath), diagnostics });
    }
    return report;
}
