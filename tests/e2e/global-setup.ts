// One code-server for the whole e2e suite: installs it into the cache when needed (with progress
// on the console; a failed install fails the suite, it never skips), installs the built extension
// and opens a scratch copy of examples/ so that the tests' edits never touch the repository.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureCodeServer } from '../../scripts/code-server/install.mjs';
import { installExtension, startCodeServer } from '../../scripts/code-server/launch.mjs';
import { artifactsDir, repoRoot, scratchFiles } from './paths.js';

export default async function setup(project: TestProject) {
    const log = (message: string) => console.log(`[e2e] ${message}`);
    log('Making sure code-server is installed (cache: ~/.cache/journey-maps)…');
    const paths = await ensureCodeServer(log);

    // Always build: the suite must test the current sources, not a stale bundle (a few seconds).
    log('Building the extension (node esbuild.mjs)…');
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('node esbuild.mjs failed');

    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-'));
    const workspace = path.join(temp, 'workspace');
    fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    for (const [name, from] of Object.entries(scratchFiles)) {
        fs.copyFileSync(path.join(repoRoot, from), path.join(workspace, name));
    }
    const dataDir = path.join(temp, 'data');
    installExtension(path.join(dataDir, 'extensions'), repoRoot);

    log('Starting code-server…');
    const server = await startCodeServer({ paths, workspace, dataDir });
    log(`code-server listening at ${server.url} (log: ${server.logFile})`);
    project.provide('codeServer', { url: server.url, workspace, logFile: server.logFile });

    return async () => {
        await server.stop();
        // Keep the log for whoever reads the run afterwards (test-results/ is gitignored).
        fs.mkdirSync(artifactsDir, { recursive: true });
        fs.copyFileSync(server.logFile, path.join(artifactsDir, 'code-server.log'));
        fs.rmSync(temp, { recursive: true, force: true });
    };
}

declare module 'vitest' {
    export interface ProvidedContext {
        codeServer: { url: string; workspace: string; logFile: string };
    }
}
