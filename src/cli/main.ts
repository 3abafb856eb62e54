import type { CliIO, Command } from './command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { lintCommand } from './lint.js';
import { diffCommand } from './diff.js';
import { fmtCommand } from './fmt.js';
import { importCommand } from './import.js';
import { newCommand } from './new.js';
import { renderCommand } from './render.js';
import packageJson from '../../package.json' with { type: 'json' };

// Each command lives in a file of its own and is listed here.
const commands: Command[] = [lintCommand, diffCommand, fmtCommand, importCommand, newCommand, renderCommand];

// The version users install: read from package.json when bundled, so it cannot drift from it.
const version: string = packageJson.version;

function usage(): string {
    const width = Math.max(...commands.map(c => c.name.length));
    return [
        'Usage: journey <command> [options]',
        '',
        'Commands:',
        ...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        "Run 'journey <command> --help' for a command's options.",
        '',
    ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<ExitCode> {
    const [name, ...args] = argv;
    if (name === undefined) {
        // No command is a usage error: the usage goes to stderr, like every other usage error.
        io.stderr(usage());
        return ExitCode.UsageOrIo;
    }
    if (name === 'help' && args.length > 0) {
        // `journey help lint` is `journey lint --help`.
        const asked = commands.find(c => c.name === args[0]);
        if (!asked) {
            io.stderr(`journey: unknown command '${args[0]}'.\n\n${usage()}`);
            return ExitCode.UsageOrIo;
        }
        io.stdout(asked.help);
        return ExitCode.Ok;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        io.stdout(usage());
        return ExitCode.Ok;
    }
    if (name === '--version' || name === '-v') {
        io.stdout(`${version}\n`);
        return ExitCode.Ok;
    }
    const command = commands.find(c => c.name === name);
    if (!command) {
        io.stderr(`journey: unknown command '${name}'.\n\n${usage()}`);
        return ExitCode.UsageOrIo;
    }
    // After `--` everything is a path (`journey lint -- --help` lints a file named --help).
    const end = args.indexOf('--');
    const options = end < 0 ? args : args.slice(0, end);
    if (options.includes('--help') || options.includes('-h')) {
        io.stdout(command.help);
        return ExitCode.Ok;
    }
    if (options.includes('--version')) {
        io.stdout(`${version}\n`);
        return ExitCode.Ok;
    }
    try {
        return await command.run(args, io);
    } catch (err) {
        if (err instanceof UsageError) {
            io.stderr(`${err.message}\n`);
            return ExitCode.UsageOrIo;
        }
        // A bug, not a usage problem: say what failed in one line; the stack only on request.
        const detail = process.env.JOURNEY_DEBUG ? (err as Error).stack ?? String(err) : String(err);
        io.stderr(`journey ${name}: internal error: ${detail}\n`);
        if (!process.env.JOURNEY_DEBUG) io.stderr('Set JOURNEY_DEBUG=1 to see where it happened, and please report it.\n');
        return ExitCode.UsageOrIo;
    }
}
