/**
 * The git side of `journey diff --git REV`: which .journey files exist at a revision and in the
 * working tree, and their text at the revision. Git runs with execFile (no shell), so paths and
 * revisions are never interpreted by a shell.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './exit-codes.js';

export interface GitRepo {
    /** Absolute path of the top of the work tree. */
    root: string;
    /** The full commit id REV names. */
    commit: string;
}

function git(args: string[], cwd: string, maxBuffer = 256 * 1024 * 1024): Promise<{ ok: boolean; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, maxBuffer, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
                reject(new UsageError('journey diff --git: git is not installed (or not on PATH).'));
                return;
            }
            resolve({ ok: !error, stdout, stderr });
        });
    });
}

/** Finds the repository around `cwd` and resolves REV to a commit; not a repository or a bad revision are usage errors. */
export async function openRepo(cwd: string, rev: string): Promise<GitRepo> {
    const top = await git(['rev-parse', '--show-toplevel'], cwd);
    if (!top.ok) throw new UsageError(`journey diff --git: ${cwd} is not inside a git repository.`);
    if (rev.startsWith('-')) throw new UsageError(`journey diff --git: '${rev}' is not a revision.`);
    const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], cwd);
    if (!commit.ok) throw new UsageError(`journey diff --git: unknown revision '${rev}' (no such commit, branch or tag).`);
    return { root: fs.realpathSync(top.stdout.trim()), commit: commit.stdout.trim() };
}

/** Repository-relative (forward-slash) paths of the .journey files at the commit, under the given absolute paths. */
export async function journeyFilesAtRevision(repo: GitRepo, under: string[]): Promise<string[]> {
    const specs = under.map(p => toRepoPath(repo, p) || '.');
    const listed = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', repo.commit, '--', ...specs], repo.root);
    if (!listed.ok) throw new UsageError(`journey diff --git: git ls-tree failed: ${listed.stderr.trim()}`);
    return listed.stdout.split('\0').filter(p => p.endsWith('.journey'));
}

/** Repository-relative paths of the .journey files in the work tree (tracked or not ignored) under the given paths. */
export async function journeyFilesInWorkTree(repo: GitRepo, under: string[]): Promise<string[]> {
    const specs = under.map(p => toRepoPath(repo, p) || '.');
    const listed = await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...specs], repo.root);
    if (!listed.ok) throw new UsageError(`journey diff --git: git ls-files failed: ${listed.stderr.trim()}`);
    const files = new Set(listed.stdout.split('\0').filter(p => p.endsWith('.journey')));
    // Deleted but still in the index: not in the work tree.
    return [...files].filter(p => fs.existsSync(path.join(repo.root, p))).sort();
}

/** The text of a file at the commit, or undefined when the commit has no such file. */
export async function readAtRevision(repo: GitRepo, repoPath: string): Promise<string | undefined> {
    const shown = await git(['show', `${repo.commit}:${repoPath}`], repo.root);
    return shown.ok ? shown.stdout : undefined;
}

/** An absolute path as git names it inside the repository (forward slashes); outside it is a usage error. */
export function toRepoPath(repo: GitRepo, absolute: string): string {
    const real = realpathOrSelf(absolute);
    const relative = path.relative(repo.root, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new UsageError(`journey diff --git: ${absolute} is outside the repository ${repo.root}.`);
    }
    return relative.split(path.sep).join('/');
}

/** Resolves symlinks of the longest existing prefix, so paths of deleted files compare with the repository root. */
function realpathOrSelf(p: string): string {
    const absolute = path.resolve(p);
    try {
        return fs.realpathSync(absolute);
    } catch {
        const parent = path.dirname(absolute);
        return parent === absolute ? absolute : path.join(realpathOrSelf(parent), path.basename(absolute));
    }
}

/** Runs async jobs with at most `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await job(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
