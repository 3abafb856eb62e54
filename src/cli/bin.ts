import { runCli } from './main.js';

// A reader that stops early (`journey lint | head`) closes the pipe: stop quietly, as Unix tools do,
// instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw err;
    });
}

// Output goes through process.stdout.write; process.exitCode (never process.exit) lets pipes drain.
runCli(process.argv.slice(2), {
    stdout: text => { process.stdout.write(text); },
    stderr: text => { process.stderr.write(text); },
    isTTY: Boolean(process.stderr.isTTY),
}).then(code => {
    process.exitCode = code;
});
