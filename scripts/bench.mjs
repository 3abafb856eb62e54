// `npm run bench`: bundles each scripts/bench/*.bench.ts with esbuild and runs it in turn with Node.
// Each benchmark prints its own figures (medians) and the budget it is held to.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

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
    console.log(`\n## ${entry.replace(/\.bench\.ts$/, '')}`);
    const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
    if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
