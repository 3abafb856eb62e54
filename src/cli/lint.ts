import type { Command } from './command.js';
import { checkFormat, parseCommandArgs } from './command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { collectJourneyFiles, loadWorkspace, type LoadOptions } from './workspace.js';
import { buildLintReport, type LintReport } from './lint-report.js';
import { formatStylish } from './lint-stylish.js';
import { formatSarif } from './lint-sarif.js';
import { formatGithub } from './lint-github.js';
import { terminalProgress } from './lint-progress.js';
import { LintConfigError, findLintConfigFile, readLintConfigFile } from '../language/lint-config.js';

export type { LintReport } from './lint-report.js';

const formats = ['stylish', 'json', 'sarif', 'github'] as const;

export const lintCommand: Command = {
    name: 'lint',
    summary: 'check maps for errors and gaps (missing emotions, touchpoints, ...)',
    help: `Usage: journey lint [paths...] [options]

Checks .journey files. Paths are files or folders (searched recursively for *.journey);
the default is the current folder. Imported files are loaded so that references resolve.

Options:
  --format FORMAT     stylish (default), json, sarif (SARIF 2.1.0 for code scanning)
                      or github (workflow commands that annotate a pull request)
  --config FILE       use this config file instead of the nearest journey.config.json
  --max-warnings N    also exit 1 when there are more than N warnings
  --quiet             report errors only
  -h, --help          show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors found or too many
warnings, 2 usage or I/O problem (bad option, missing path, unreadable file or config).
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('lint', args, {
            format: { type: 'string' },
            config: { type: 'string' },
            'max-warnings': { type: 'string' },
            quiet: { type: 'boolean' },
        });
        const format = checkFormat('lint', values.format, formats, 'stylish');
        const maxWarnings = parseMaxWarnings(values['max-warnings']);
        const paths = positionals.length > 0 ? positionals : ['.'];
        if (values.config !== undefined) checkConfigFile(values.config);
        else checkNearestConfigFiles(paths);
        const progress = io.isTTY ? terminalProgress(io) : undefined;
        let report: LintReport;
        try {
            report = await lint(paths, {
                configFile: values.config,
                errorsOnly: values.quiet,
                onProgress: progress?.update,
            });
        } finally {
            progress?.done();
        }
        io.stdout(render(report, format, io.isTTY));
        // Not an error (a repository may have no maps yet), but a mistyped folder should not pass unnoticed.
        if (report.files.length === 0) io.stderr(`journey lint: no .journey files found in ${paths.join(', ')}.\n`);
        if (report.errorCount > 0) return ExitCode.Findings;
        if (maxWarnings !== undefined && report.warningCount > maxWarnings) {
            io.stderr(`journey lint: ${report.warningCount} warnings, more than --max-warnings ${maxWarnings}.\n`);
            return ExitCode.Findings;
        }
        return ExitCode.Ok;
    },
};

function render(report: LintReport, format: (typeof formats)[number], isTTY: boolean): string {
    switch (format) {
        case 'json': return JSON.stringify(report) + '\n';
        case 'sarif': return formatSarif(report);
        case 'github': return formatGithub(report);
        case 'stylish': return formatStylish(report, { isTTY });
    }
}

function parseMaxWarnings(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value.trim())) {
        throw new UsageError(`journey lint: --max-warnings needs a whole number of 0 or more, not '${value}'.`);
    }
    return Number(value.trim());
}

/** A broken journey.config.json is a usage problem (exit 2), as in ESLint, not a finding in every map. */
function checkNearestConfigFiles(paths: string[]): void {
    const checked = new Set<string>();
    for (const file of collectJourneyFiles(paths)) {
        const config = findLintConfigFile(file);
        if (config === undefined || checked.has(config)) continue;
        checked.add(config);
        checkConfigFile(config);
    }
}

function checkConfigFile(file: string): void {
    try {
        readLintConfigFile(file);
    } catch (err) {
        if (err instanceof LintConfigError) {
            // file:line:column, as for maps, when the JSON breaks at a known place.
            const where = err.position ? `${err.file}:${err.position.line + 1}:${err.position.character + 1}` : err.file;
            throw new UsageError(`journey lint: ${where}: ${err.detail}`);
        }
        throw err;
    }
}

export interface LintOptions extends Pick<LoadOptions, 'configFile' | 'onProgress'> {
    /** `--quiet`: errors only. */
    errorsOnly?: boolean;
}

/** Lints files and folders: loads them with their imports, validates, and reports the named files. */
export async function lint(paths: string[], options: LintOptions = {}): Promise<LintReport> {
    const { configFile, onProgress, errorsOnly } = options;
    const { documents } = await loadWorkspace(paths, { configFile, onProgress });
    return buildLintReport(documents, { errorsOnly });
}
