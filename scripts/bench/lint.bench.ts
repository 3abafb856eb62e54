/**
 * `journey lint` over 1,000 small files: spawns the built CLI (bin/journey.cjs, built by
 * `npm run bench`) on a temporary folder, as a CI job would run it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateMap } from './generate-map.js';
import { medianMs, report } from './util.js';

const FILES = 1000;
const bin = path.resolve('bin/journey.cjs');
if (!fs.existsSync(path.resolve('out/cli.cjs'))) throw new Error('bench: out/cli.cjs is missing; run `node esbuild.mjs` first');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-lint-bench-'));
// Small maps: three steps each, two personas, every lane; spread over ten folders.
const small = generateMap(3);
for (let i = 0; i < FILES; i++) {
    const folder = path.join(dir, `team-${i % 10}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `map-${i}.journey`), small);
}

async function main(): Promise<void> {
    let files = 0;
    const cpu: number[] = [];
    const preload = path.resolve('scripts/bench/report-cpu.cjs');
    const ms = await medianMs(3, () => {
        const result = spawnSync(process.execPath, ['--require', preload, bin, 'lint', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        if (result.status !== 0 && result.status !== 1) throw new Error(`bench: journey lint exited ${result.status}: ${result.stderr}`);
        files = JSON.parse(result.stdout).files.length;
        cpu.push(Number(/bench-cpu-ms (\S+)/.exec(result.stderr)?.[1]));
    }, 1);
    if (files !== FILES) throw new Error(`bench: linted ${files} files, expected ${FILES}`);
    const ok = report(`journey lint, ${FILES} small files (spawned CLI)`, ms, 10_000);
    const sorted = cpu.slice(-3).sort((a, b) => a - b);
    report('  the same, CPU time of the CLI process', sorted[1]);
    console.log(`(1-minute load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
    fs.rmSync(dir, { recursive: true, force: true });
    process.exitCode = ok ? 0 : 1;
}

main().catch(err => {
    console.error(err);
    fs.rmSync(dir, { recursive: true, force: true });
    process.exitCode = 1;
});
