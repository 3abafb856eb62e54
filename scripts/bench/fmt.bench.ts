/**
 * fmt benchmark: `journey fmt --check` over 1,000 files, spawning the built CLI (out/cli.cjs)
 * once, as CI does. Budget: 10 s. The files are full maps of 5 to 15 steps (every lane used: about
 * 100 to 260 lines each, 180k lines in all), half of them in canonical form, so the check both
 * passes files and lists the others.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateMap } from './generate-map.js';
import { report } from './util.js';

const cli = path.resolve('out/cli.cjs');

function run(args: string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { ms: performance.now() - start, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function main(): void {
    if (!fs.existsSync(cli)) throw new Error('bench: build the CLI first (npm run build)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-fmt-bench-'));
    const files = 1000;
    for (let i = 0; i < files; i++) {
        const text = generateMap(5 + (i % 11), i % 2);
        // Every other file gets its indentation flattened, so it is not canonical.
        const body = i % 2 === 0 ? text.replace(/^ +/gm, '') : text;
        const sub = path.join(dir, `group-${Math.floor(i / 100)}`);
        fs.mkdirSync(sub, { recursive: true });
        fs.writeFileSync(path.join(sub, `map-${i}.journey`), body);
    }
    // Canonical form of the odd files is whatever fmt makes of them: write them once first.
    const odd = fs.readdirSync(dir).flatMap(g => fs.readdirSync(path.join(dir, g)).map(f => path.join(dir, g, f)))
        .filter(f => Number(/map-(\d+)/.exec(f)![1]) % 2 === 1);
    const wrote = run(['fmt', '--write', ...odd]);
    if (wrote.status !== 0) throw new Error(`bench: fmt --write failed: ${wrote.stderr}`);
    const times: number[] = [];
    let listed = 0;
    for (let r = 0; r < 3; r++) {
        const result = run(['fmt', '--check', dir]);
        if (result.status !== 1) throw new Error(`bench: fmt --check exited ${result.status}: ${result.stderr.slice(0, 500)}`);
        listed = result.stdout.trim().split('\n').length;
        times.push(result.ms);
    }
    times.sort((a, b) => a - b);
    if (listed !== files / 2) throw new Error(`bench: fmt --check listed ${listed} files, expected ${files / 2}`);
    const lines = odd.length === 0 ? 0 : fs.readdirSync(dir).flatMap(g => fs.readdirSync(path.join(dir, g)).map(f => path.join(dir, g, f)))
        .reduce((sum, f) => sum + fs.readFileSync(f, 'utf8').split('\n').length, 0);
    const ok = report(`journey fmt --check, ${files} files, ${Math.round(lines / 1000)}k lines (${listed} to format)`, times[1], 10_000);
    fs.rmSync(dir, { recursive: true, force: true });
    process.exitCode = ok ? 0 : 1;
}

main();
