// Makes sure the bundles under out/ are built from the current sources before a test spawns them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';

type Bundle = 'out/cli.cjs' | 'out/language-server.cjs';
const entryOf: Record<Bundle, string> = { 'out/cli.cjs': 'src/cli/bin.ts', 'out/language-server.cjs': 'src/language/main.ts' };

/** The newest .ts or .langium file under src/, leaving out src/extension, which these bundles never import. */
function newestSourceMtime(dir: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (full !== path.join('src', 'extension')) newest = Math.max(newest, newestSourceMtime(full));
        } else if (/\.(ts|langium)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
    return newest;
}

const builtAt = (bundle: string) => (fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0);

/**
 * Runs `node esbuild.mjs` when the bundle is missing or older than a source file. When that fails
 * because of another bundle (the extension, say), builds this one bundle alone the same way.
 */
export function ensureBuilt(bundle: Bundle): void {
    const sources = newestSourceMtime('src');
    if (builtAt(bundle) >= sources) return;
    try {
        execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'pipe' });
    } catch {
        // fall through: build only what this test needs
    }
    if (builtAt(bundle) >= sources) return;
    esbuild.buildSync({
        entryPoints: [entryOf[bundle]], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
        sourcemap: true, banner: { js: fs.readFileSync('scripts/polyfill.mjs', 'utf8') }, logLevel: 'error',
    });
}
