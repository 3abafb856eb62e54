import type { AstNode, LangiumSharedCoreServices, ValidationAcceptor } from 'langium';
import { DocumentState, URI } from 'langium';
import type { Model } from '../generated/ast.js';
import { importTarget } from '../imports.js';
import type { UsedDeclarations } from './used-declarations.js';

/**
 * A persona, channel or team that no reference in any loaded document names: a library's
 * declarations used by a map that imports it count as used. Declarations in `duplicates`
 * (already a `duplicate-id` error, so references go to the other one) are not reported again.
 */
export function checkUnusedDeclarations(model: Model, usedDeclarations: UsedDeclarations, duplicates: ReadonlySet<AstNode>, accept: ValidationAcceptor): void {
    for (const decl of model.declarations) {
        if (!decl.name || duplicates.has(decl)) continue;
        if (!usedDeclarations.isUsed(decl)) {
            accept('info', `The ${decl.$type.toLowerCase()} '${decl.name}' is declared but never used.`,
                { node: decl, property: 'name', code: 'unused-declaration' });
        }
    }
}

/**
 * `unused-declaration` in a library depends on the maps that import it. Langium rebuilds only the
 * changed documents and those that reference them, so a library would keep a stale finding when
 * a map starts or stops using one of its declarations. On every update, the libraries that some
 * loaded document imports are validated again (no re-parse, no re-link).
 */
export function revalidateImportedFilesOnUpdate(shared: LangiumSharedCoreServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    builder.onUpdate(changed => {
        if (changed.length === 0) return;
        const changedUris = new Set(changed.map(uri => uri.toString()));
        const imported = new Set<string>();
        for (const document of documents.all) {
            for (const imp of (document.parseResult.value as Model).imports ?? []) {
                if (imp.path) imported.add(importTarget(document.uri, imp.path).toString());
            }
        }
        for (const uri of imported) {
            const library = changedUris.has(uri) ? undefined : documents.getDocument(URI.parse(uri));
            if (library && library.state > DocumentState.IndexedReferences) builder.resetToState(library, DocumentState.IndexedReferences);
        }
    });
}
