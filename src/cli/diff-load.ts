/**
 * Builds the map models of one side of a diff (the files at a git revision, or a file on disk),
 * with the imports of each file read from the same side.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createJourneyServices } from '../language/journey-module.js';
import type { Model } from '../language/generated/ast.js';
import { importTarget } from '../language/imports.js';
import { syntaxProblems, type SyntaxProblem } from '../language/lsp/format-text.js';
import { declarationsOfDocument, mapModelOfDocument } from '../model/from-document.js';
import type { FileDeclarations, MapModel } from '../model/types.js';
import { withoutBom } from '../language/bom.js';
import { servesNamedFiles } from './workspace.js';

export type SideResult =
    | { ok: true; model: MapModel | undefined; declared: FileDeclarations }
    | { ok: false; errors: SyntaxProblem[] };

/** Reads a file of this side by absolute path; undefined when it does not exist there. */
export type ReadSide = (file: string) => Promise<string | undefined>;

/**
 * Parses the given files (absolute path -> text) and whatever they import (read with `read`), and
 * returns each file's map model, or its syntax errors. Only the parser's errors count: a diff
 * compares maps that lint may still complain about (unresolved names are compared as written).
 */
export async function buildSide(files: ReadonlyMap<string, string>, read: ReadSide): Promise<Map<string, SideResult>> {
    const { shared, Journey } = createJourneyServices(EmptyFileSystem);
    servesNamedFiles(shared, Journey, files.keys());
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const add = (file: string, text: string): LangiumDocument<Model> => {
        const document = factory.fromString<Model>(withoutBom(text), URI.file(file));
        documents.addDocument(document);
        return document;
    };
    const roots = new Map<string, LangiumDocument<Model>>();
    for (const [file, text] of files) roots.set(file, add(file, text));
    const queue = [...roots.values()];
    while (queue.length > 0) {
        const document = queue.shift()!;
        for (const imp of document.parseResult.value.imports ?? []) {
            if (!imp.path) continue;
            const target = importTarget(document.uri, imp.path);
            if (target.scheme !== 'file' || documents.hasDocument(target) || !shared.ServiceRegistry.hasServices(target)) continue;
            const text = await read(target.fsPath);
            if (text !== undefined) queue.push(add(target.fsPath, text));
        }
    }
    // No build: the map model reads names as written ($refText), so parsing is all it needs;
    // linking a large map would cost far more than the diff itself.
    const results = new Map<string, SideResult>();
    for (const [file, document] of roots) {
        const errors = syntaxProblems(document.parseResult);
        results.set(file, errors.length > 0 ? { ok: false, errors }
            : { ok: true, model: mapModelOfDocument(document, documents), declared: declarationsOfDocument(document) });
    }
    return results;
}
