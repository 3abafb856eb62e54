import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createJourneyServices, type JourneyServices } from '../language/journey-module.js';
import type { Model } from '../language/generated/ast.js';
import { importTarget } from '../language/imports.js';
import { UsageError } from './exit-codes.js';

export interface LoadedWorkspace {
    services: JourneyServices;
    /** The documents named on the command line (files, and the .journey files found in folders), in order. */
    documents: LangiumDocument<Model>[];
}

export interface LoadOptions {
    /** The CLI's `--config FILE`: use it instead of the nearest journey.config.json. */
    configFile?: string;
    /** Reports progress while files load, e.g. on a terminal. */
    onProgress?: (done: number, total: number) => void;
}

/** Expands files and folders (searched recursively) into .journey files; a missing path is a usage error. */
export function collectJourneyFiles(paths: string[]): string[] {
    const result: string[] = [];
    for (const p of paths) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(p);
        } catch {
            throw new UsageError(`No such file or folder: ${p}`);
        }
        if (stat.isDirectory()) walk(p, result);
        else result.push(p);
    }
    return [...new Set(result.map(p => path.resolve(p)))];
}

function walk(dir: string, into: string[]): void {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, into);
        else if (entry.isFile() && entry.name.endsWith('.journey')) into.push(full);
    }
}

/**
 * Loads .journey files and everything they import (transitively), then parses, links and
 * validates them all. Unreadable files are usage errors; unreadable imports become
 * `import-not-found` diagnostics.
 */
export async function loadWorkspace(paths: string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const files = collectJourneyFiles(paths);
    const { shared, Journey } = createJourneyServices(NodeFileSystem);
    Journey.journey.LintConfig.explicitConfigFile = options.configFile ? path.resolve(options.configFile) : undefined;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const load = (file: string): LangiumDocument<Model> | undefined => {
        const uri = URI.file(file);
        const existing = langiumDocuments.getDocument(uri);
        if (existing) return existing as LangiumDocument<Model>;
        let text: string;
        try {
            text = fs.readFileSync(file, 'utf8');
        } catch {
            return undefined;
        }
        const document = factory.fromString<Model>(text, uri);
        langiumDocuments.addDocument(document);
        return document;
    };
    const documents: LangiumDocument<Model>[] = [];
    files.forEach((file, index) => {
        const document = load(file);
        if (!document) throw new UsageError(`Cannot read ${file}`);
        documents.push(document);
        options.onProgress?.(index + 1, files.length);
    });
    // Follow imports, breadth first; cycles stop at documents already loaded.
    const queue = [...documents];
    while (queue.length > 0) {
        const document = queue.shift()!;
        for (const imp of document.parseResult.value.imports ?? []) {
            if (!imp.path) continue;
            const target = importTarget(document.uri, imp.path);
            if (target.scheme !== 'file' || langiumDocuments.hasDocument(target)) continue;
            const loaded = load(target.fsPath);
            if (loaded) queue.push(loaded);
        }
    }
    const all = langiumDocuments.all.toArray();
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { services: Journey, documents };
}

/** A path as users like to read it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
