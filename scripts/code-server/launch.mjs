// Starts code-server with our extension installed, in a data folder of its own so that it never
// writes into the home folder. Shared by `npm start`, the e2e tests and the preview benchmark.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';


/** User settings for a quiet workbench: no welcome page, trust prompt, telemetry or update checks. */
export const quietSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.enabled': false,
    'files.autoSave': 'off',
};

/**
 * Files an installed extension needs (what a .vsix would hold): the manifest, the bundles in out/,
 * the grammar, media and docs. Tests, sources and node_modules stay out: everything is bundled,
 * except native modules marked external, which are linked from the repository's node_modules.
 */
const extensionEntries = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json',
    'syntaxes', 'media', 'snippets', 'schema', 'schemas', 'bin'];

/**
 * Copies the extension built in the repository `root` to EXTDIR/<publisher>.<name>-<version>;
 * returns that folder. (No import.meta here: the benchmarks bundle this file to CommonJS.)
 */
export function installExtension(extensionsDir, root) {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    if (!fs.existsSync(path.join(root, manifest.main ?? 'out/extension.cjs'))) {
        throw new Error(`The extension is not built (${manifest.main} is missing): run "node esbuild.mjs" first.`);
    }
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    for (const entry of extensionEntries) {
        const from = path.join(root, entry);
        if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
    }
    // out/ holds the bundles; benchmark and test output in it are not part of the extension.
    fs.cpSync(path.join(root, 'out'), path.join(target, 'out'), {
        recursive: true,
        filter: source => !/[\\/]out[\\/](bench|tests?)([\\/]|$)/.test(source),
    });
    // Modules left external by esbuild (native ones such as @resvg/resvg-js) resolve from here.
    if (fs.existsSync(path.join(root, 'node_modules'))) {
        fs.symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'), 'dir');
    }
    return target;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/**
 * Starts code-server and resolves once it listens.
 * @param {object} o
 * @param {{node: string, entry: string}} o.paths  from ensureCodeServer()
 * @param {string} o.workspace  folder to open
 * @param {string} o.dataDir  user data, extensions, XDG folders and the log go here
 * @param {number} [o.port]  default: a free port
 * @param {object} [o.settings]  user settings (default: quietSettings)
 * @param {boolean} [o.echo]  also print code-server's output
 * @param {number} [o.timeoutMs]
 */
export async function startCodeServer({ paths, workspace, dataDir, port, settings = quietSettings, echo = false, timeoutMs = 90_000 }) {
    port ??= await freePort();
    const userDir = path.join(dataDir, 'user');
    const extensionsDir = path.join(dataDir, 'extensions');
    fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const logFile = path.join(dataDir, 'code-server.log');
    const log = fs.openSync(logFile, 'w');
    const args = [paths.entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--user-data-dir', userDir, '--extensions-dir', extensionsDir,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override', '--ignore-last-opened', workspace];
    const env = {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
        XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
        XDG_CACHE_HOME: path.join(dataDir, 'xdg-cache'),
    };
    delete env.NODE_OPTIONS; // vitest's or the caller's loader hooks are not for code-server's Node 24
    // detached: a process group of its own, so stop() ends code-server and everything it started.
    const child = spawn(paths.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let exited = false;
    const exit = new Promise(resolve => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
    const listening = new Promise((resolve, reject) => {
        let seen = '';
        const take = chunk => {
            fs.writeSync(log, chunk);
            if (echo) process.stdout.write(chunk);
            seen = (seen + chunk.toString()).slice(-2000);
            if (seen.includes('HTTP server listening')) resolve();
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        child.once('error', reject);
        exit.then(({ code, signal }) => reject(new Error(`code-server exited early (code ${code}, signal ${signal}); see ${logFile}`)));
        setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs / 1000} s; see ${logFile}`)), timeoutMs).unref();
    });

    const stop = async () => {
        if (!exited) {
            try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
            const killed = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
            if (!killed) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } await exit; }
        }
        try { fs.closeSync(log); } catch { /* closed */ }
    };
    try {
        await listening;
    } catch (error) {
        await stop();
        throw error;
    }
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    return { url, port, pid: child.pid, logFile, extensionsDir, userDir, exit, stop };
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
