import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { Command } from './command.js';
import { parseCommandArgs } from './command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { displayPath } from './workspace.js';
import { writeFileAtomic } from './write-file.js';
import { checkOutputIsNotInput } from './output-guard.js';
import { parseMermaidJourney } from '../import/mermaid.js';
import { mermaidToJourney } from '../import/to-journey.js';
import { createJourneyServices } from '../language/journey-module.js';
import { formatJourneyText } from '../language/lsp/format-text.js';

export const importCommand: Command = {
    name: 'import',
    summary: 'turn a Mermaid journey diagram into a map',
    help: `Usage: journey import FILE.mmd [-o OUT.journey]

Reads a Mermaid journey diagram and writes a formatted .journey map: sections become stages,
tasks become steps (ids made from their names), actors become personas, and a task's score
1..5 becomes the emotion -2..+2 of its actors (a task without actors: of every persona).
title, accTitle, accDescr (one line or a { block }), %% comments and <br> in names are read.
Scores outside 1..5 are clamped and fractions rounded, each with a warning naming the line.

Options:
  -o, --output FILE   write the map here (default: print it to stdout)
  -h, --help          show this help

Exit codes: 0 written; 1 the diagram cannot be read (errors as file:line:column on stderr,
nothing written); 2 usage or I/O problem.
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('import', args, { output: { type: 'string', short: 'o' } });
        if (positionals.length !== 1) throw new UsageError("journey import: give one Mermaid file, e.g. journey import journey.mmd. See 'journey import --help'.");
        const input = positionals[0];
        let source: string;
        try {
            // A named pipe or a device would block or never end: regular files only.
            if (!fs.statSync(input).isFile()) throw new UsageError(`journey import: cannot read ${input}: not a regular file`);
            source = fs.readFileSync(input, 'utf8');
        } catch (err) {
            if (err instanceof UsageError) throw err;
            throw new UsageError(`journey import: cannot read ${input}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
        }
        const name = displayPath(path.resolve(input));
        const parsed = parseMermaidJourney(source);
        if (!parsed.ok) {
            for (const e of parsed.errors) io.stderr(`${name}:${e.line}:${e.column}: error: ${e.message}\n`);
            return ExitCode.Findings;
        }
        const { text, warnings } = mermaidToJourney(parsed.diagram, {
            fallbackName: path.basename(input).replace(/\.[^.]*$/, ''),
            source: path.basename(input),
        });
        for (const w of warnings) io.stderr(`${name}:${w.line}:${w.column}: warning: ${w.message}\n`);
        const { Journey } = createJourneyServices(EmptyFileSystem);
        const formatted = formatJourneyText(Journey, text);
        if (!formatted.ok) {
            // The writer only emits quoted strings and slug ids; reaching this is a bug, said plainly.
            const first = formatted.errors[0];
            throw new Error(`the generated map does not parse (${first.line}:${first.column}: ${first.message})`);
        }
        if (values.output === undefined) {
            io.stdout(formatted.text);
            return ExitCode.Ok;
        }
        checkOutputIsNotInput('import', values.output, [input]);
        try {
            writeFileAtomic(values.output, formatted.text);
        } catch (err) {
            throw new UsageError(`journey import: cannot write ${values.output}: ${(err as Error).message}`);
        }
        io.stderr(`Wrote ${displayPath(path.resolve(values.output))}.\n`);
        return ExitCode.Ok;
    },
};
