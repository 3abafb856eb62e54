import type { AstNode, LangiumDocuments, ValidationAcceptor } from 'langium';
import type { Import, Journey, Model } from '../generated/ast.js';
import { builtinChannelIds } from '../builtins.js';
import { importClosure, resolveImport } from '../imports.js';
import { journeyBarriers, journeyOpportunities, journeySteps } from '../journey-utils.js';
import { headerRange, propertyRangeOnKeywordLine } from './ranges.js';
import type { JourneyParts } from './journey-parts.js';

type Named = AstNode & { name?: string };

/** Reports every element whose id an earlier element of the same kind and scope already uses. */
function reportRepeats(nodes: Named[], kind: string, scope: string, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const node of nodes) {
        if (!node.name) continue;
        if (seen.has(node.name)) {
            const message = `Duplicate ${kind} id '${node.name}': another ${kind} ${scope} already uses it.`;
            // Stages and steps: on the line of their keyword, like every diagnostic about them.
            if (node.$type === 'Stage' || node.$type === 'Step') accept('error', message, { node, range: headerRange(node), code: 'duplicate-id' });
            else accept('error', message, { node, property: 'name', range: propertyRangeOnKeywordLine(node, 'name'), code: 'duplicate-id' });
        }
        seen.add(node.name);
    }
}

export function checkJourneyIds(journey: Journey, accept: ValidationAcceptor, parts?: JourneyParts): void {
    reportRepeats(journey.stages, 'stage', 'of this journey', accept);
    reportRepeats(parts?.steps ?? journeySteps(journey), 'step', 'of this journey', accept);
    reportRepeats(parts?.barriers ?? journeyBarriers(journey), 'barrier', 'of this journey', accept);
    reportRepeats(parts?.opportunities ?? journeyOpportunities(journey), 'opportunity', 'of this journey', accept);
}

/**
 * Personas, channels and teams: one namespace per kind, made of the file's own declarations,
 * its imports (transitively) and the built-in channels. Each clash is reported once: on the
 * file's own declaration when it has one, else on the import that brings the second one.
 * Returns the file's declarations found to be duplicates.
 */
export function checkDeclarationIds(model: Model, documents: LangiumDocuments, accept: ValidationAcceptor): Set<AstNode> {
    const duplicates = new Set<AstNode>();
    for (const type of ['Persona', 'Channel', 'Team'] as const) {
        const kind = type.toLowerCase();
        const own = model.declarations.filter(d => d.$type === type && d.name);
        const imported = importedNames(model, documents, type);
        const seen = new Set<string>();
        for (const decl of own) {
            let message: string | undefined;
            if (type === 'Channel' && builtinChannelIds.has(decl.name)) {
                message = `Duplicate channel id '${decl.name}': it is a built-in channel and cannot be declared again.`;
            } else if (seen.has(decl.name)) {
                message = `Duplicate ${kind} id '${decl.name}': another ${kind} in this file already uses it.`;
            } else if (imported.has(decl.name)) {
                message = `Duplicate ${kind} id '${decl.name}': the import '${imported.get(decl.name)}' already declares it.`;
            }
            seen.add(decl.name);
            if (message) {
                duplicates.add(decl);
                accept('error', message, { node: decl, property: 'name', range: propertyRangeOnKeywordLine(decl, 'name'), code: 'duplicate-id' });
            }
        }
        checkImportClashes(model, documents, type, seen, accept);
    }
    return duplicates;
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
                if (decl.$type === type && decl.name && !result.has(decl.name)) result.set(decl.name, imp.path);
            }
        }
    }
    return result;
}

/**
 * Two different imported files declaring the same id: reported once per name, on the import that
 * brings the second declaration. Names the file declares itself are reported on that declaration.
 */
function checkImportClashes(model: Model, documents: LangiumDocuments, type: string, ownNames: Set<string>, accept: ValidationAcceptor): void {
    const uri = model.$document?.uri;
    if (!uri) return;
    // name -> the first file that declares it, and the import that brings it. A clash inside one
    // import's own closure is that file's problem and is reported there.
    const owner = new Map<string, { uri: string; imp: Import }>();
    const reported = new Set<string>();
    for (const imp of model.imports) {
        const target = resolveImport(imp, uri, documents);
        if (!target) continue;
        for (const other of importClosure(target.parseResult.value as Model, documents, target.uri)) {
            if (other === model) continue;
            const otherUri = other.$document?.uri.toString() ?? '';
            for (const decl of other.declarations) {
                if (decl.$type !== type || !decl.name || ownNames.has(decl.name)) continue;
                const first = owner.get(decl.name);
                if (first === undefined) {
                    owner.set(decl.name, { uri: otherUri, imp });
                } else if (first.uri !== otherUri && first.imp !== imp && !reported.has(decl.name)) {
                    reported.add(decl.name);
                    reportImportClash(imp, type, decl.name, accept);
                }
            }
        }
    }
}

function reportImportClash(imp: Import, type: string, name: string, accept: ValidationAcceptor): void {
    accept('error', `Duplicate ${type.toLowerCase()} id '${name}': '${imp.path}' brings a second declaration of it.`,
        { node: imp, property: 'path', code: 'duplicate-id' });
}
