/**
 * The git side of `journey diff --git REV`: which .journey files exist at a revision and in the
 * working tree, and their text at the revision. Git runs with execFile (no shell), so paths and
 * revisions are never interpreted by a shell.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './exit-codes.js';
import { leavesFolder } from './workspace.js';

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
    const listed = await git(['ls-tree', '-r', '-z', '--full-tree', repo.commit, '--', ...specs], repo.root);
    if (!listed.ok) throw new UsageError(`journey diff --git: git ls-tree failed: ${listed.stderr.trim()}`);
    // Entries are `<mode> <type> <object>\t<path>`. A symbolic link (mode 120000) holds the path it
    // points to, not a map: the file it points to is compared instead, as in the work tree.
    // Submodules (type commit) hold no text either.
    return listed.stdout.split('\0')
        .map(entry => /^(\d+) (\w+) \w+\t(.*)$/s.exec(entry))
        .filter((m): m is RegExpExecArray => m !== null && m[1] !== '120000' && m[2] === 'blob' && m[3].endsWith('.journey'))
        .map(m => m[3]);
}

/** Repository-relative paths of the .journey files in the work tree (tracked or not ignored) under the given paths. */
export async function journeyFilesInWorkTree(repo: GitRepo, under: string[]): Promise<string[]> {
    const specs = under.map(p => toRepoPath(repo, p) || '.');
    const listed = await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...specs], repo.root);
    if (!listed.ok) throw new UsageError(`journey diff --git: git ls-files failed: ${listed.stderr.trim()}`);
    const files = new Set(listed.stdout.split('\0').filter(p => p.endsWith('.journey')));
    // Deleted but still in the index: not in the work tree. Symbolic links are left out as at the revision.
    return [...files].filter(p => isFileNotLink(path.join(repo.root, p))).sort();
}

/** The text of a file at the commit, or undefined when the commit has no such file (one `git show`). */
export async function readAtRevision(repo: GitRepo, repoPath: string): Promise<string | undefined> {
    const shown = await git(['show', `${repo.commit}:${repoPath}`], repo.root);
    return shown.ok ? shown.stdout : undefined;
}

/**
 * Reads many files at the commit through one `git cat-file --batch` process instead of one
 * `git show` each. Answers come back in the order asked. Call `close()` when done.
 */
export class RevisionReader {
    private readonly child: ChildProcessWithoutNullStreams;
    private readonly waiting: Array<{ path: string; resolve: (text: string | undefined) => void }> = [];
    private buffer = Buffer.alloc(0);
    private failed: Error | undefined;

    constructor(private readonly repo: GitRepo) {
        this.child = spawn('git', ['cat-file', '--batch'], { cwd: repo.root });
        this.child.stdout.on('data', (chunk: Buffer) => {
            this.buffer = Buffer.concat([this.buffer, chunk]);
            this.drain();
        });
        // Should the batch process fail, what it still owes is read one `git show` at a time.
        const fail = (err: Error) => {
            this.failed = err;
            for (const { path, resolve } of this.waiting.splice(0)) void readAtRevision(repo, path).then(resolve);
        };
        this.child.on('error', fail);
        this.child.on('close', () => fail(new Error('git cat-file ended')));
        this.child.stdin.on('error', fail);
    }

    read(repoPath: string): Promise<string | undefined> {
        if (this.failed || /[\r\n]/.test(repoPath)) return readAtRevision(this.repo, repoPath);
        return new Promise(resolve => {
            this.waiting.push({ path: repoPath, resolve });
            this.child.stdin.write(`${this.repo.commit}:${repoPath}\n`);
        });
    }

    close(): void {
        this.child.stdin.end();
    }

    /** Answers are `<id> blob <size>\n<content>\n`, or `<name> missing\n` (also `ambiguous`). */
    private drain(): void {
        for (;;) {
            const newline = this.buffer.indexOf(10);
            if (newline < 0 || this.waiting.length === 0) return;
            const header = this.buffer.subarray(0, newline).toString('utf8');
            const match = / (\w+) (\d+)$/.exec(header);
            if (!match) {
                this.buffer = this.buffer.subarray(newline + 1);
                this.waiting.shift()!.resolve(undefined);
                continue;
            }
            const size = Number(match[2]);
            if (this.buffer.length < newline + 1 + size + 1) return; // the rest is still coming
            const content = this.buffer.subarray(newline + 1, newline + 1 + size);
            this.buffer = this.buffer.subarray(newline + 1 + size + 1);
            this.waiting.shift()!.resolve(match[1] === 'blob' ? content.toString('utf8') : undefined);
        }
    }
}

/** An absolute path as git names it inside the repository (forward slashes); outside it is a usage error. */
export function toRepoPath(repo: GitRepo, absolute: string): string {
    const real = realpathOrSelf(absolute);
    const relative = path.relative(repo.root, real);
    if (leavesFolder(relative)) {
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

function isFileNotLink(file: string): boolean {
    try {
        return !fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}
