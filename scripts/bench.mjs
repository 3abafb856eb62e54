// `npm run bench`: bundles each scripts/bench/*.bench.ts with esbuild and runs it in turn with Node.
// Each benchmark prints its own figures (medians) and the budget it is held to.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

/** Share of the processors busy over `ms` milliseconds. */
async function busyShare(ms) {
    const times = () => os.cpus().reduce((sum, cpu) => {
        const t = cpu.times;
        return { idle: sum.idle + t.idle, total: sum.total + t.idle + t.user + t.nice + t.sys + t.irq };
    }, { idle: 0, total: 0 });
    const before = times();
    await new Promise(resolve => setTimeout(resolve, ms));
    const after = times();
    const total = after.total - before.total;
    return total > 0 ? 1 - (after.idle - before.idle) / total : 0;
}

/**
 * Waits (at most 30 s) until the machine is quiet, so that a benchmark does not time the
 * previous one's processes going away (code-server takes seconds to wind down).
 */
async function waitForQuiet() {
    const start = Date.now();
    let busy = await busyShare(1000);
    while (busy > 0.15 && Date.now() - start < 30_000) busy = await busyShare(1000);
    if (busy > 0.15) console.log(`(the machine stayed busy: ${Math.round(busy * 100)}% of the processors in use)`);
}

const only = process.argv.slice(2);
const dir = 'scripts/bench';
const polyfill = fs.readFileSync('scripts/polyfill.mjs', 'utf8');
const entries = fs.readdirSync(dir).filter(f => f.endsWith('.bench.ts')).sort()
    .filter(f => only.length === 0 || only.some(o => f.includes(o)));
let failed = false;
for (const entry of entries) {
    const outfile = path.join('out', 'bench', entry.replace(/\.bench\.ts$/, '.cjs'));
    await esbuild.build({
        entryPoints: [path.join(dir, entry)], outfile, bundle: true, platform: 'node', target: 'node20',
        format: 'cjs', banner: { js: polyfill }, logLevel: 'warning', external: ['@resvg/resvg-js', 'playwright-core'],
    });
    await waitForQuiet();
    console.log(`\n## ${entry.replace(/\.bench\.ts$/, '')}`);
    const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
    if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
