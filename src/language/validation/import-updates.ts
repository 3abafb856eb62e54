import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DocumentState, URI } from 'langium';
import type { Model } from '../generated/ast.js';
import { importTarget } from '../imports.js';

/**
 * Langium rebuilds the changed documents and those whose references point into them. Imports
 * tie files together more closely than references, so on every update this also rebuilds:
 * - every file that imports a changed or deleted file, transitively, from linking on: a new or
 *   removed declaration, a clash between imports (`duplicate-id`) or a file that now exists
 *   (`import-not-found`) changes its diagnostics even when it names nothing of that file;
 * - every imported file, from validation on: its `unused-declaration` findings depend on the
 *   maps that import it.
 */
export function followImportsOnUpdate(shared: LangiumSharedCoreServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    builder.onUpdate((changed, deleted) => {
        if (changed.length === 0 && deleted.length === 0) return;
        const changedUris = new Set([...changed, ...deleted].map(uri => uri.toString()));
        const importers = new Map<string, LangiumDocument[]>(); // imported uri -> documents importing it
        for (const document of documents.all) {
            for (const target of importTargets(document)) {
                const key = target.toString();
                const list = importers.get(key);
                if (list) list.push(document);
                else importers.set(key, [document]);
            }
        }
        // Importers of what changed, transitively: relink and revalidate.
        const queue = [...changedUris];
        const relinked = new Set<string>(changedUris);
        while (queue.length > 0) {
            for (const importer of importers.get(queue.shift()!) ?? []) {
                const key = importer.uri.toString();
                if (relinked.has(key)) continue;
                relinked.add(key);
                queue.push(key);
                if (importer.state > DocumentState.ComputedScopes) builder.resetToState(importer, DocumentState.ComputedScopes);
            }
        }
        // Every imported file: revalidate.
        for (const key of importers.keys()) {
            if (relinked.has(key)) continue;
            const library = documents.getDocument(URI.parse(key));
            if (library && library.state > DocumentState.IndexedReferences) builder.resetToState(library, DocumentState.IndexedReferences);
        }
    });
}

/** Per parsed tree (an edit parses a new one): resolving paths for every document on every keystroke adds up in large workspaces. */
const targetsByModel = new WeakMap<Model, URI[]>();

function importTargets(document: LangiumDocument): URI[] {
    const model = document.parseResult?.value as Model | undefined;
    if (!model) return [];
    let targets = targetsByModel.get(model);
    if (!targets) {
        targets = (model.imports ?? []).filter(imp => imp.path).map(imp => importTarget(document.uri, imp.path));
        targetsByModel.set(model, targets);
    }
    return targets;
}
