import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI, UriUtils } from 'langium';
import type { Channel, Import, Model, Persona, Team } from './generated/ast.js';
import { BUILTIN_URI } from './builtins.js';

/** The URI an `import "path"` names, relative to the importing document. */
export function importTarget(document: LangiumDocument | URI, path: string): URI {
    const base = 'uri' in document ? document.uri : document;
    return UriUtils.resolvePath(UriUtils.dirname(base), path);
}

export interface VisibleDeclarations {
    personas: Persona[];
    channels: Channel[];
    teams: Team[];
}

/**
 * The documents a model sees: itself and everything it imports, transitively. Import cycles are
 * harmless: each document is visited once. Imports that name no loaded document are skipped
 * (and reported as `import-not-found` by validation).
 */
export function importClosure(root: Model, documents: LangiumDocuments, rootUri?: URI): Model[] {
    const seen = new Set<string>();
    const result: Model[] = [];
    const queue: Array<{ model: Model; uri: URI | undefined }> = [{ model: root, uri: rootUri ?? root.$document?.uri }];
    if (queue[0].uri) seen.add(queue[0].uri.toString());
    while (queue.length > 0) {
        const { model, uri } = queue.shift()!;
        result.push(model);
        if (!uri) continue;
        for (const imp of model.imports) {
            const target = resolveImport(imp, uri, documents);
            if (target && !seen.has(target.uri.toString())) {
                seen.add(target.uri.toString());
                queue.push({ model: target.parseResult.value as Model, uri: target.uri });
            }
        }
    }
    return result;
}

export function resolveImport(imp: Import, from: URI, documents: LangiumDocuments): LangiumDocument | undefined {
    if (!imp.path) return undefined;
    const target = importTarget(from, imp.path);
    return documents.getDocument(target);
}

/** Personas, channels and teams visible from a model; channels include the built-in ones. */
export function visibleDeclarations(root: Model, documents: LangiumDocuments): VisibleDeclarations {
    const result: VisibleDeclarations = { personas: [], channels: [], teams: [] };
    const builtin = documents.getDocument(BUILTIN_URI)?.parseResult.value as Model | undefined;
    const models = importClosure(root, documents);
    if (builtin) models.push(builtin);
    for (const model of models) {
        for (const decl of model.declarations) {
            switch (decl.$type) {
                case 'Persona': result.personas.push(decl); break;
                case 'Channel': result.channels.push(decl); break;
                case 'Team': result.teams.push(decl); break;
            }
        }
    }
    return result;
}
