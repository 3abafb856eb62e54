import type { AstNode, LangiumDocuments, ValidationAcceptor } from 'langium';
import type { Import, Journey, Model } from '../generated/ast.js';
import { builtinChannelIds } from '../builtins.js';
import { importClosure, resolveImport } from '../imports.js';
import { journeyBarriers, journeyOpportunities, journeySteps } from '../journey-utils.js';

type Named = AstNode & { name?: string };

/** Reports every element whose id an earlier element of the same kind and scope already uses. */
function reportRepeats(nodes: Named[], kind: string, scope: string, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const node of nodes) {
        if (!node.name) continue;
        if (seen.has(node.name)) {
            accept('error', `Duplicate ${kind} id '${node.name}': another ${kind} ${scope} already uses it.`,
                { node, property: 'name', code: 'duplicate-id' });
        }
        seen.add(node.name);
    }
}

export function checkJourneyIds(journey: Journey, accept: ValidationAcceptor): void {
    reportRepeats(journey.stages, 'stage', 'of this journey', accept);
    reportRepeats(journeySteps(journey), 'step', 'of this journey', accept);
    reportRepeats(journeyBarriers(journey), 'barrier', 'of this journey', accept);
    reportRepeats(journeyOpportunities(journey), 'opportunity', 'of this journey', accept);
}

/**
 * Personas, channels and teams: one namespace per kind, made of the file's own declarations,
 * its imports (transitively) and the built-in channels.
 */
export function checkDeclarationIds(model: Model, documents: LangiumDocuments, accept: ValidationAcceptor): void {
    for (const type of ['Persona', 'Channel', 'Team'] as const) {
        const kind = type.toLowerCase();
        const own = model.declarations.filter(d => d.$type === type);
        reportRepeats(own, kind, 'in this file', accept);
        const imported = importedNames(model, documents, type);
        for (const decl of own) {
            if (type === 'Channel' && builtinChannelIds.has(decl.name)) {
                accept('error', `Duplicate channel id '${decl.name}': it is a built-in channel and cannot be declared again.`,
                    { node: decl, property: 'name', code: 'duplicate-id' });
            } else if (imported.has(decl.name)) {
                accept('error', `Duplicate ${kind} id '${decl.name}': '${imported.get(decl.name)}' already declares it.`,
                    { node: decl, property: 'name', code: 'duplicate-id' });
            }
        }
        checkImportClashes(model, documents, type, accept);
    }
}

/** Names of a kind declared in the files a model imports, with the import path that brings each. */
function importedNames(model: Model, documents: LangiumDocuments, type: string): Map<string, string> {
    const result = new Map<string, string>();
    const uri = model.$document?.uri;
    if (!uri) return result;
    for (const imp of model.imports) {
        const target = resolveImport(imp, uri, documents);
        if (!target) continue;
        for (const other of importClosure(target.parseResult.value as Model, documents, target.uri)) {
            if (other === model) continue;
            for (const decl of other.declarations) {
                if (decl.$type === type && !result.has(decl.name)) result.set(decl.name, imp.path);
            }
        }
    }
    return result;
}

/** Two different imported files declaring the same id: reported on the import that brings the second. */
function checkImportClashes(model: Model, documents: LangiumDocuments, type: string, accept: ValidationAcceptor): void {
    const uri = model.$document?.uri;
    if (!uri) return;
    const owner = new Map<string, string>(); // name -> uri of the declaring file
    for (const imp of model.imports) {
        const target = resolveImport(imp, uri, documents);
        if (!target) continue;
        for (const other of importClosure(target.parseResult.value as Model, documents, target.uri)) {
            const otherUri = other.$document?.uri.toString() ?? '';
            if (other === model) continue;
            for (const decl of other.declarations) {
                if (decl.$type !== type) continue;
                const first = owner.get(decl.name);
                if (first === undefined) owner.set(decl.name, otherUri);
                else if (first !== otherUri) reportImportClash(imp, type, decl.name, accept);
            }
        }
    }
}

function reportImportClash(imp: Import, type: string, name: string, accept: ValidationAcceptor): void {
    accept('error', `Duplicate ${type.toLowerCase()} id '${name}': '${imp.path}' brings a second declaration of it.`,
        { node: imp, property: 'path', code: 'duplicate-id' });
}
