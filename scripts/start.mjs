// `npm start`: builds the extension and runs it in VS Code in the browser (code-server) with
// examples/ open. The first run installs code-server into ~/.cache (a few minutes, with progress);
// later runs start in seconds. Ctrl+C stops everything.
//
//   node scripts/start.mjs [--port N] [--folder DIR] [--install-only]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './code-server/install.mjs';
import { fileURLToPath } from 'node:url';
import { freePort, installExtension, startCodeServer } from './code-server/launch.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
    options: {
        port: { type: 'string' },
        folder: { type: 'string', default: path.join(repoRoot, 'examples') },
        'install-only': { type: 'boolean', default: false },
    },
});

function say(message) { console.log(`[start] ${message}`); }

async function main() {
    const paths = await ensureCodeServer(message => say(message));
    if (values['install-only']) { say(`code-server is ready in ${paths.root}`); return; }

    say('Building the extension (node esbuild.mjs)…');
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('The build failed; see the errors above.');

    // A data folder per checkout (gitignored): settings, extensions and code-server's log.
    const dataDir = path.join(repoRoot, '.cache', 'code-server');
    const extensionsDir = path.join(dataDir, 'extensions');
    fs.mkdirSync(extensionsDir, { recursive: true });
    const installed = installExtension(extensionsDir, repoRoot);
    say(`Extension installed in ${path.relative(repoRoot, installed)}`);

    const workspace = path.resolve(values.folder);
    const port = values.port ? Number(values.port) : await portOr(8080);
    say(`Starting code-server on 127.0.0.1:${port}…`);
    const server = await startCodeServer({ paths, workspace, dataDir, port });

    let stopping = false;
    const stop = async () => {
        if (stopping) return;
        stopping = true;
        say('Stopping code-server…');
        await server.stop();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', stop);
    server.exit.then(({ code }) => {
        if (stopping) return;
        console.error(`[start] code-server stopped by itself (exit code ${code}); its log: ${server.logFile}`);
        process.exit(code || 1);
    });

    console.log('');
    console.log(`  Journey Maps is running in VS Code in the browser:`);
    console.log(`  ${server.url}`);
    console.log('');
    console.log(`  Open a .journey file, then "Journey: Open Preview to the Side" (Ctrl+K V).`);
    console.log(`  code-server log: ${path.relative(repoRoot, server.logFile)}.  Press Ctrl+C to stop.`);
}

/** The preferred port when it is free, else any free port. */
async function portOr(preferred) {
    const net = await import('node:net');
    const free = await new Promise(resolve => {
        const probe = net.createServer().once('error', () => resolve(false))
            .listen(preferred, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    return free ? preferred : freePort();
}

main().catch(error => {
    console.error(`[start] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
});
