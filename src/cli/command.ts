import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type ExitCode } from './exit-codes.js';

/** Where a command writes: stdout for results, stderr for logs and progress. */
export interface CliIO {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** True when stderr is a terminal (progress, colours). */
    isTTY: boolean;
}

export interface Command {
    name: string;
    summary: string;
    help: string;
    run(args: string[], io: CliIO): Promise<ExitCode>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs with its errors turned into usage errors that name the command. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (err) {
        throw new UsageError(`journey ${command}: ${(err as Error).message}. See 'journey ${command} --help'.`);
    }
}

/** Checks a `--format` value (or another option's, named by `what`) against the values a command knows. */
export function checkFormat<F extends string>(command: string, value: string | undefined, formats: readonly F[], fallback: F, what = 'format'): F {
    if (value === undefined) return fallback;
    if (!(formats as readonly string[]).includes(value)) {
        throw new UsageError(`journey ${command}: unknown ${what} '${value}'; use one of ${formats.join(', ')}.`);
    }
    return value as F;
}
