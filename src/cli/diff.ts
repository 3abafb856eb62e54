import type { Command } from './command.js';
import { checkFormat, parseCommandArgs } from './command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { diffGit, diffTwoFiles, type DiffRun } from './diff-run.js';
import { formatText } from './diff-text.js';
import { formatMarkdown } from './diff-markdown.js';
import { formatHtml } from './diff-html.js';
import { summarize } from '../model/diff-types.js';

const formats = ['text', 'markdown', 'json', 'html'] as const;
const colours = ['auto', 'always', 'never'] as const;

export const diffCommand: Command = {
    name: 'diff',
    summary: 'what changed in a map: emotions, barriers, steps (semantic diff)',
    help: `Usage: journey diff OLD.journey NEW.journey [options]
       journey diff --git REV [paths...] [options]

Compares maps by meaning, not by line: elements are matched by id (personas, channels, teams,
the journey, stages, steps, barriers, opportunities), facts without ids by kind and content
within their step. A step that changes stage is "moved"; emotions are compared per persona.

With --git REV, compares every .journey file under the paths (default: the whole repository)
between the git revision and the work tree, including added and removed files.

Options:
  --git REV                          compare the work tree with this revision (commit, branch, tag)
  --format text|markdown|json|html   output format (default: text)
      text      one line per change (+ added, - removed, ~ changed, > moved)
      markdown  a summary, then a section per stage (for pull requests and job summaries)
      json      {"changes":[...],"summary":{...}}; with --git each change also names its "file"
      html      a page: the new map with changes marked, beside the list of changes
  --color auto|always|never          colour the text format (default: auto, on a terminal)
  --exit-code                        exit 1 when there are changes, as git diff --exit-code
  -h, --help                         show this help

A side with syntax errors is reported on stderr (file:line:column) and that file is not diffed.

Exit codes: 0 no changes (or changes without --exit-code); 1 changes with --exit-code, or a
side with syntax errors; 2 usage or I/O problem (missing file, not a git repository, bad revision).
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('diff', args, {
            git: { type: 'string' },
            format: { type: 'string' },
            color: { type: 'string' },
            'exit-code': { type: 'boolean' },
        });
        const format = checkFormat('diff', values.format, formats, 'text');
        const colour = checkFormat('diff', values.color, colours, 'auto', '--color value');
        let run: DiffRun;
        if (values.git !== undefined) {
            if (values.git === '') throw new UsageError("journey diff: --git needs a revision, e.g. --git main. See 'journey diff --help'.");
            run = await diffGit(values.git, positionals);
        } else {
            if (positionals.length !== 2) {
                throw new UsageError("journey diff: give two files (OLD NEW), or --git REV [paths...]. See 'journey diff --help'.");
            }
            run = await diffTwoFiles(positionals[0], positionals[1]);
        }
        for (const failure of run.failures) {
            io.stderr(`${failure.label}: syntax errors, not diffed\n`);
            for (const e of failure.errors) io.stderr(`  ${failure.label}:${e.line}:${e.column}: ${e.message}\n`);
        }
        io.stdout(render(run, format, useColour(colour)));
        if (run.failures.length > 0) return ExitCode.Findings;
        const changed = run.files.some(f => f.diff.changes.length > 0);
        return values['exit-code'] && changed ? ExitCode.Findings : ExitCode.Ok;
    },
};

function render(run: DiffRun, format: (typeof formats)[number], colour: boolean): string {
    switch (format) {
        case 'text': return formatText(run, colour);
        case 'markdown': return formatMarkdown(run);
        case 'html': return formatHtml(run);
        case 'json': {
            const changes = run.files.flatMap(f => f.diff.changes.map(c => (run.multiFile ? { file: f.file, ...c } : c)));
            return JSON.stringify({ changes, summary: summarize(changes) }, null, 2) + '\n';
        }
    }
}

function useColour(setting: (typeof colours)[number]): boolean {
    if (setting !== 'auto') return setting === 'always';
    if (process.env.NO_COLOR) return false;
    if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
    return Boolean(process.stdout.isTTY);
}
