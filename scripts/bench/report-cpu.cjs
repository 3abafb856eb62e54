// Preloaded with `node --require` by lint.bench.ts: prints the process's CPU time on exit, so the
// benchmark can report it beside wall time (on a busy machine wall time mostly measures waiting).
process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`\nbench-cpu-ms ${((user + system) / 1000).toFixed(1)}\n`);
});
