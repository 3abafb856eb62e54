/**
 * Diff benchmark: the semantic diff of two 1,000-step maps (generateMap(1000, 0) against
 * generateMap(1000, 1): changed emotions and labels) — the model comparison itself, budget
 * 100 ms median — and, for reference, the whole `journey diff` path (parse both sides, build the
 * models, diff, markdown).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { diffMaps } from '../../src/model/diff.js';
import { buildSide } from '../../src/cli/diff-load.js';
import { diffTwoFiles } from '../../src/cli/diff-run.js';
import { formatMarkdown } from '../../src/cli/diff-markdown.js';
import type { MapModel } from '../../src/model/types.js';
import { generateMap } from './generate-map.js';
import { medianMs, report } from './util.js';

async function modelOf(file: string, text: string): Promise<MapModel> {
    const side = (await buildSide(new Map([[file, text]]), async () => undefined)).get(file);
    if (!side?.ok || !side.model) throw new Error(`bench: ${file} did not build`);
    return side.model;
}

async function main(): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-diff-bench-'));
    const oldText = generateMap(1000, 0);
    const newText = generateMap(1000, 1);
    const before = await modelOf(path.join(dir, 'old.journey'), oldText);
    const after = await modelOf(path.join(dir, 'new.journey'), newText);
    let changes = 0;
    // Collect the parser's garbage first (when run with --expose-gc, as `npm run bench` does), so a
    // collection it left behind is not billed to the diff.
    const gc = (globalThis as { gc?: () => void }).gc;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 24; run++) {
        gc?.();
        const start = performance.now();
        const startCpu = process.cpuUsage();
        changes = diffMaps(before, after).changes.length;
        const used = process.cpuUsage(startCpu);
        if (run >= 3) { // three warm-up runs
            times.push(performance.now() - start);
            cpu.push((used.user + used.system) / 1000);
        }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ms = median(times);
    if (changes === 0) throw new Error('bench: the two maps should differ');
    let ok = report(`diff of two 1,000-step maps (${changes} changes)`, ms, 100);
    // CPU time as well: on a busy machine the wall-clock median also measures the other processes.
    report('  the same, CPU time (median)', median(cpu));

    const oldFile = path.join(dir, 'old.journey');
    const newFile = path.join(dir, 'new.journey');
    fs.writeFileSync(oldFile, oldText);
    fs.writeFileSync(newFile, newText);
    const whole = await medianMs(5, async () => { formatMarkdown(await diffTwoFiles(oldFile, newFile)); }, 1);
    ok = report('journey diff OLD NEW, 1,000 steps (parse both + diff + markdown)', whole) && ok;
    fs.rmSync(dir, { recursive: true, force: true });
    process.exitCode = ok ? 0 : 1;
}

void main();
