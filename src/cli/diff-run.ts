/**
 * Gathers what `journey diff` compares: two files, or every .journey file under some paths between
 * a git revision and the work tree. Each pair of sides becomes a `FileDiff`; a side that does not
 * parse becomes a `SyntaxFailure` and that file is not diffed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SyntaxProblem } from '../language/lsp/format-text.js';
import { diffMaps, type MapDiff } from '../model/diff.js';
import type { MapModel } from '../model/types.js';
import { buildSide, type ReadSide, type SideResult } from './diff-load.js';
import {
    journeyFilesAtRevision, journeyFilesInWorkTree, openRepo, RevisionReader, toRepoPath, type GitRepo,
} from './diff-git.js';
import { UsageError } from './exit-codes.js';
import { displayPath, leavesFolder } from './workspace.js';

export interface FileDiff {
    /** The file as the user names it (its new path; its old one when removed). */
    file: string;
    oldLabel: string;
    newLabel: string;
    status: 'modified' | 'added' | 'removed';
    after: MapModel | undefined;
    diff: MapDiff;
}

export interface SyntaxFailure {
    /** `old.journey` or `REV:path`: the side that does not parse. */
    label: string;
    errors: SyntaxProblem[];
}

export interface DiffRun {
    /** True for `--git`: several files, each change names its file. */
    multiFile: boolean;
    files: FileDiff[];
    failures: SyntaxFailure[];
}

/** Regular files only: reading a named pipe blocks forever and a device such as /dev/zero never ends. */
const readDisk: ReadSide = async file => {
    try {
        if (!(await fs.promises.stat(file)).isFile()) return undefined;
        return await fs.promises.readFile(file, 'utf8');
    } catch {
        return undefined;
    }
};

function readFileOrFail(file: string): string {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new UsageError(`journey diff: no such file: ${file}`);
    }
    if (stat.isDirectory()) throw new UsageError(`journey diff: ${file} is a folder; compare two files, or use --git REV [paths...].`);
    if (!stat.isFile()) throw new UsageError(`journey diff: ${file} is not a regular file (a pipe or a device); compare two files.`);
    try {
        return fs.readFileSync(file, 'utf8');
    } catch (err) {
        throw new UsageError(`journey diff: cannot read ${file}: ${(err as Error).message}`);
    }
}

/** `journey diff OLD NEW`. */
export async function diffTwoFiles(oldFile: string, newFile: string): Promise<DiffRun> {
    const oldPath = path.resolve(oldFile);
    const newPath = path.resolve(newFile);
    const oldSide = await buildSide(new Map([[oldPath, readFileOrFail(oldFile)]]), readDisk);
    const newSide = await buildSide(new Map([[newPath, readFileOrFail(newFile)]]), readDisk);
    const run: DiffRun = { multiFile: false, files: [], failures: [] };
    addPair(run, displayPath(newPath), displayPath(oldPath), displayPath(newPath), oldSide.get(oldPath), newSide.get(newPath));
    return run;
}

/** `journey diff --git REV [paths...]`: every .journey file under the paths, REV against the work tree. */
export async function diffGit(rev: string, paths: string[], cwd = process.cwd()): Promise<DiffRun> {
    const repo = await openRepo(cwd, rev);
    const under = (paths.length > 0 ? paths : [repo.root]).map(p => path.resolve(cwd, p));
    const [oldFiles, newFiles] = await Promise.all([journeyFilesAtRevision(repo, under), journeyFilesInWorkTree(repo, under)]);
    // A path may be gone from the work tree (its maps were removed), but it must name something somewhere.
    for (const p of under) {
        const prefix = toRepoPath(repo, p);
        const known = (f: string) => prefix === '' || f === prefix || f.startsWith(`${prefix}/`);
        if (!fs.existsSync(p) && !oldFiles.some(known)) {
            throw new UsageError(`journey diff: no such file or folder, in the work tree or at ${rev}: ${p}`);
        }
    }
    const reader = new RevisionReader(repo);
    try {
        return await diffRevision(repo, reader, rev, oldFiles, newFiles);
    } finally {
        reader.close();
    }
}

async function diffRevision(
    repo: GitRepo, reader: RevisionReader, rev: string, oldFiles: string[], newFiles: string[],
): Promise<DiffRun> {
    const abs = (repoPath: string) => path.join(repo.root, ...repoPath.split('/'));
    const oldTexts = await Promise.all(oldFiles.map(f => reader.read(f)));
    const oldInputs = new Map<string, string>();
    oldFiles.forEach((f, i) => { if (oldTexts[i] !== undefined) oldInputs.set(abs(f), oldTexts[i]!); });
    const newInputs = new Map<string, string>();
    for (const f of newFiles) {
        const text = await readDisk(abs(f));
        if (text === undefined) throw new UsageError(`journey diff: cannot read ${abs(f)}`);
        newInputs.set(abs(f), text);
    }
    const readOld: ReadSide = async file => {
        const relative = path.relative(repo.root, file);
        if (leavesFolder(relative)) return undefined;
        return reader.read(relative.split(path.sep).join('/'));
    };
    const [oldSide, newSide] = await Promise.all([buildSide(oldInputs, readOld), buildSide(newInputs, readDisk)]);
    const run: DiffRun = { multiFile: true, files: [], failures: [] };
    const all = [...new Set([...oldFiles, ...newFiles])].sort();
    for (const f of all) {
        const file = displayPath(abs(f));
        addPair(run, file, `${rev}:${f}`, file, oldSide.get(abs(f)), newSide.get(abs(f)));
    }
    return run;
}

function addPair(run: DiffRun, file: string, oldLabel: string, newLabel: string, before: SideResult | undefined, after: SideResult | undefined): void {
    let broken = false;
    for (const [label, side] of [[oldLabel, before], [newLabel, after]] as const) {
        if (side && !side.ok) {
            run.failures.push({ label, errors: side.errors });
            broken = true;
        }
    }
    if (broken) return;
    const oldModel = before?.ok ? before.model : undefined;
    const newModel = after?.ok ? after.model : undefined;
    const diff = diffMaps(oldModel, newModel, { before: before?.ok ? before.declared : undefined, after: after?.ok ? after.declared : undefined });
    if (diff.changes.length === 0) return;
    const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
    run.files.push({ file, oldLabel, newLabel, status, after: newModel, diff });
}
