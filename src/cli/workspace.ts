import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices as LangiumSharedServices } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createJourneyServices, type JourneyServices } from '../language/journey-module.js';
import type { Model } from '../language/generated/ast.js';
import { importTarget } from '../language/imports.js';
import { UsageError } from './exit-codes.js';
import { withoutBom } from '../language/bom.js';

export interface LoadedWorkspace {
    services: JourneyServices;
    /** The documents named on the command line (files, and the .journey files found in folders), in order. */
    documents: LangiumDocument<Model>[];
}

/** `reading` counts the named files as they are read; `checking` counts every document (imports too) as it is validated. */
export type LoadPhase = 'reading' | 'checking';

export interface LoadOptions {
    /** The CLI's `--config FILE`: use it instead of the nearest journey.config.json. */
    configFile?: string;
    /** Reports progress while files load and are checked, e.g. on a terminal. */
    onProgress?: (done: number, total: number, phase: LoadPhase) => void;
}

/**
 * Expands files and folders (searched recursively) into .journey files. A missing path, an
 * unreadable folder or something that is neither a file nor a folder (a FIFO would block the
 * read forever) is a usage error that names the path.
 */
export function collectJourneyFiles(paths: string[]): string[] {
    const result: string[] = [];
    for (const p of paths) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(p);
        } catch (err) {
            throw new UsageError(`No such file or folder: ${p}${reason(err, 'ENOENT')}`);
        }
        if (stat.isDirectory()) walk(p, result);
        else if (stat.isFile()) result.push(p);
        else throw new UsageError(`Not a file or folder: ${p}`);
    }
    return [...new Set(result.map(p => path.resolve(p)))];
}

function walk(dir: string, into: string[]): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
        throw new UsageError(`Cannot read folder ${dir}${reason(err)}`);
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, into);
        // Symbolic links count when they lead to a regular file; sockets, FIFOs and dangling links never do.
        else if (entry.name.endsWith('.journey') && (entry.isFile() || (entry.isSymbolicLink() && isRegularFile(full)))) into.push(full);
    }
}

function isRegularFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false; // a dangling link: nothing to lint
    }
}

/** `: <why>` from a Node file-system error, unless its code is the one the message already says. */
function reason(err: unknown, obvious?: string): string {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === obvious) return '';
    return code ? ` (${code})` : ` (${(err as Error).message})`;
}


/**
 * Reads a .journey file, or explains why not. Only regular files are read: reading a FIFO or a
 * device would block. Text is decoded as UTF-8 (invalid bytes become U+FFFD and then syntax errors).
 */
function readJourneyFile(file: string): { text: string } | { error: string } {
    try {
        if (!fs.statSync(file).isFile()) return { error: 'not a regular file' };
        return { text: withoutBom(fs.readFileSync(file, 'utf8')) };
    } catch (err) {
        return { error: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    }
}

/**
 * Loads .journey files and everything they import (transitively), then parses, links and
 * validates them all. Unreadable named files are usage errors; unreadable imports become
 * `import-not-found` diagnostics.
 */
export async function loadWorkspace(paths: string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const files = collectJourneyFiles(paths);
    const { shared, Journey } = createJourneyServices(NodeFileSystem);
    servesNamedFiles(shared, Journey, files);
    Journey.journey.LintConfig.explicitConfigFile = options.configFile ? path.resolve(options.configFile) : undefined;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const load = (file: string): LangiumDocument<Model> | { error: string } => {
        const uri = URI.file(file);
        const existing = langiumDocuments.getDocument(uri);
        if (existing) return existing as LangiumDocument<Model>;
        const read = readJourneyFile(file);
        if ('error' in read) return read;
        const document = factory.fromString<Model>(read.text, uri);
        langiumDocuments.addDocument(document);
        return document;
    };
    const documents: LangiumDocument<Model>[] = [];
    files.forEach((file, index) => {
        const document = load(file);
        if ('error' in document) throw new UsageError(`Cannot read ${file} (${document.error})`);
        documents.push(document);
        options.onProgress?.(index + 1, files.length, 'reading');
    });
    // Follow imports, breadth first; cycles stop at documents already loaded.
    const queue = [...documents];
    while (queue.length > 0) {
        const document = queue.shift()!;
        for (const imp of document.parseResult.value.imports ?? []) {
            if (!imp.path) continue;
            const target = importTarget(document.uri, imp.path);
            if (target.scheme !== 'file' || langiumDocuments.hasDocument(target) || !shared.ServiceRegistry.hasServices(target)) continue;
            const loaded = load(target.fsPath);
            if (!('error' in loaded)) queue.push(loaded);
        }
    }
    const all = langiumDocuments.all.toArray();
    const builder = shared.workspace.DocumentBuilder;
    // Progress counts the files on disk (named and imported), not the built-in channels.
    const onDisk = all.filter(document => document.uri.scheme === 'file').length;
    let checked = 0;
    const listener = options.onProgress
        ? builder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.scheme === 'file') options.onProgress!(++checked, onDisk, 'checking');
        })
        : undefined;
    try {
        await builder.build(all, { validation: true });
    } finally {
        listener?.dispose();
    }
    return { services: Journey, documents };
}

/**
 * Langium picks a language by file extension and throws for any other, but a file named on the
 * command line is a map whatever its name (`journey lint notes.txt`). Those files get the
 * language's services too; an import of a file with another extension stays `import-not-found`,
 * as in the editor.
 */
export function servesNamedFiles(shared: LangiumSharedServices, Journey: JourneyServices, files: Iterable<string>): void {
    const named = new Set([...files].map(file => URI.file(file).toString()));
    const registry = shared.ServiceRegistry;
    const byExtension = registry.getServices.bind(registry);
    registry.getServices = uri => (named.has(uri.toString()) ? Journey : byExtension(uri));
    registry.hasServices = uri => {
        if (named.has(uri.toString())) return true;
        try {
            byExtension(uri);
            return true;
        } catch {
            return false;
        }
    };
}

/** A path as users like to read it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !leavesFolder(relative) ? relative : file;
}

/** True when a relative path climbs out of its folder (`..`, `../x`), not for a name such as `..x.journey`. */
export function leavesFolder(relative: string): boolean {
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}
