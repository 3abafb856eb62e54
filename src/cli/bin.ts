import { runCli } from './main.js';

// Output goes through process.stdout.write; process.exitCode (never process.exit) lets pipes drain.
runCli(process.argv.slice(2), {
    stdout: text => { process.stdout.write(text); },
    stderr: text => { process.stderr.write(text); },
    isTTY: Boolean(process.stderr.isTTY),
}).then(code => {
    process.exitCode = code;
});
