// Bundles the extension, the language server and the CLI for Node (CommonJS), and the webview
// for the browser (ESM). `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const polyfill = fs.readFileSync(new URL('./scripts/polyfill.mjs', import.meta.url), 'utf8');

/** @type {esbuild.BuildOptions} */
const node = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    // Chevrotain calls Object.groupBy, which Node 20 lacks; the polyfill runs before anything else.
    banner: { js: polyfill },
    logLevel: 'warning',
};

const builds = [
    { ...node, entryPoints: { 'language-server': 'src/language/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' } },
    { ...node, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, external: ['@resvg/resvg-js'] },
    { ...node, entryPoints: { extension: 'src/extension/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, external: ['vscode'] },
    // The preview page: browser ESM, no Node and no vscode (the renderer is bundled in).
    {
        bundle: true, platform: 'browser', format: 'esm', target: 'es2022', sourcemap: !production, minify: production,
        logLevel: 'warning', entryPoints: { webview: 'webview/main.ts' }, outdir: 'media/dist',
    },
];

// The codicon font for the preview toolbar's icons. The preview page may load files from media/
// only (its localResourceRoots), so its bundle and font are built into media/dist.
const codicons = 'node_modules/@vscode/codicons/dist';
if (fs.existsSync(codicons)) {
    fs.mkdirSync('media/dist/codicons', { recursive: true });
    for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(`${codicons}/${file}`, `media/dist/codicons/${file}`);
}

const existing = builds.filter(b => Object.values(b.entryPoints).every(entry => fs.existsSync(entry)));
if (watch) {
    for (const options of existing) (await esbuild.context(options)).watch();
} else {
    await Promise.all(existing.map(options => esbuild.build(options)));
}
