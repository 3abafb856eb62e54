import * as fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
import type { CliIO, Command } from './command.js';
import { parseCommandArgs } from './command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { withoutBom } from '../language/bom.js';
import { collectJourneyFiles, displayPath } from './workspace.js';
import { writeFileAtomic } from './write-file.js';
import { decodeUtf8, type DecodeResult } from './utf8.js';
import { createJourneyServices } from '../language/journey-module.js';
import { formatJourneyText, type FormatTextResult } from '../language/lsp/format-text.js';

export const fmtCommand: Command = {
    name: 'fmt',
    summary: 'put maps in canonical format (the language server\'s formatter)',
    help: `Usage: journey fmt [paths...] [--check | --write]

Formats .journey files (folders are searched recursively; default: the current folder) with the
formatter of the language server: two-space indent, one fact per line, comments kept. Formatting
is idempotent. A file with syntax errors is never changed: its errors are reported instead.

Options:
  --check      list the files that are not in canonical form (nothing is written)
  --write      rewrite the files that are not in canonical form, atomically (temporary file in the
               same folder, then rename; the file's mode is kept) and list them
  (neither)    print the formatted text to stdout; 'journey fmt -' formats standard input
  -h, --help   show this help

Exit codes: 0 all files formatted (or written); 1 --check found files to format, or a file has
syntax errors (reported on stderr as file:line:column, never written); 2 usage or I/O problem.
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('fmt', args, {
            check: { type: 'boolean' },
            write: { type: 'boolean' },
        });
        if (values.check && values.write) throw new UsageError("journey fmt: use --check or --write, not both. See 'journey fmt --help'.");
        const mode = values.check ? 'check' : values.write ? 'write' : 'print';
        const formatter = textFormatter();
        if (positionals.length === 1 && positionals[0] === '-') {
            if (mode === 'write') throw new UsageError('journey fmt: --write needs files, not standard input.');
            // Node reads a folder given as standard input (`< dir`) as empty text, which would look formatted.
            if (standardInputIsFolder()) throw new UsageError('journey fmt: standard input is a folder (EISDIR); give a file or pipe text in.');
            return formatStream(process.stdin, mode, io, formatter);
        }
        const paths = positionals.length > 0 ? positionals : ['.'];
        const files = collectJourneyFiles(paths);
        if (files.length === 0) io.stderr(`journey fmt: no .journey files found in ${paths.join(', ')}.\n`);
        let unformatted = 0;
        let broken = 0;
        let ioErrors = 0;
        for (const file of files) {
            const name = displayPath(file);
            let bytes: Buffer;
            try {
                bytes = fs.readFileSync(file);
            } catch (err) {
                io.stderr(`${name}: cannot read: ${(err as Error).message}\n`);
                ioErrors++;
                continue;
            }
            const decoded = decodeUtf8(bytes);
            if (!decoded.ok) {
                reportEncoding(name, decoded, io);
                broken++;
                continue;
            }
            const text = decoded.text;
            const result = formatter(text);
            if (!result.ok) {
                reportSyntaxErrors(name, result, io);
                broken++;
                continue;
            }
            if (mode === 'print') {
                io.stdout(result.text);
            } else if (result.changed) {
                unformatted++;
                if (mode === 'write') {
                    try {
                        writeFileAtomic(file, result.text);
                    } catch (err) {
                        io.stderr(`${name}: cannot write: ${(err as Error).message}\n`);
                        ioErrors++;
                        continue;
                    }
                }
                io.stdout(`${name}\n`);
            }
        }
        if (mode === 'check' && unformatted > 0) {
            io.stderr(`${unformatted} ${unformatted === 1 ? 'file is' : 'files are'} not formatted; run 'journey fmt --write' to fix.\n`);
        }
        if (ioErrors > 0) return ExitCode.UsageOrIo;
        if (broken > 0) return ExitCode.Findings;
        return mode === 'check' && unformatted > 0 ? ExitCode.Findings : ExitCode.Ok;
    },
};

/**
 * One set of services for all files: formatting only parses, so they stay independent.
 * A byte order mark is kept as it was (formatting changes layout, not encoding) and is not
 * counted in the columns of syntax errors, as editors hide it.
 */
function textFormatter(): (text: string) => FormatTextResult {
    const { Journey } = createJourneyServices(EmptyFileSystem);
    return text => {
        const body = withoutBom(text);
        const result = formatJourneyText(Journey, body);
        return result.ok && body !== text ? { ...result, text: text.slice(0, 1) + result.text } : result;
    };
}

function reportSyntaxErrors(name: string, result: Extract<FormatTextResult, { ok: false }>, io: CliIO): void {
    io.stderr(`${name}: syntax errors, not formatted\n`);
    for (const e of result.errors) io.stderr(`  ${name}:${e.line}:${e.column}: ${e.message}\n`);
}

/** Text that is not UTF-8 is left alone: formatting it would replace its invalid bytes for good. */
function reportEncoding(name: string, problem: Extract<DecodeResult, { ok: false }>, io: CliIO): void {
    io.stderr(`${name}: not valid UTF-8, not formatted\n`);
    const hex = problem.byte.toString(16).toUpperCase().padStart(2, '0');
    io.stderr(`  ${name}:${problem.line}:${problem.column}: byte 0x${hex} is not UTF-8; save the file as UTF-8.\n`);
}

/** `journey fmt -`: formats a stream (standard input) to stdout, or with --check says whether it is canonical. */
export async function formatStream(
    input: AsyncIterable<Buffer | string>, mode: 'check' | 'print', io: CliIO, formatter = textFormatter(),
): Promise<ExitCode> {
    const chunks: Buffer[] = [];
    try {
        for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    } catch (err) {
        // Only I/O fails here (standard input is a folder, a closed descriptor, ...): exit 2, said plainly.
        const code = (err as NodeJS.ErrnoException).code;
        if (!code) throw err;
        throw new UsageError(`journey fmt: cannot read standard input (${code})`);
    }
    const decoded = decodeUtf8(Buffer.concat(chunks));
    if (!decoded.ok) {
        reportEncoding('<stdin>', decoded, io);
        return ExitCode.Findings;
    }
    const result = formatter(decoded.text);
    if (!result.ok) {
        reportSyntaxErrors('<stdin>', result, io);
        return ExitCode.Findings;
    }
    if (mode === 'print') io.stdout(result.text);
    else if (result.changed) io.stdout('<stdin>\n');
    return mode === 'check' && result.changed ? ExitCode.Findings : ExitCode.Ok;
}

function standardInputIsFolder(): boolean {
    try {
        return fs.fstatSync(0).isDirectory();
    } catch {
        return false; // no descriptor 0 to look at: reading will say what is wrong
    }
}
