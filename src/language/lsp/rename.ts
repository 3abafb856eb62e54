import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isJourney, type Model } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { visibleDeclarations } from '../imports.js';
import { journeyBarriers, journeySteps } from '../journey-utils.js';
import { isBuiltin } from './describe.js';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A rename the map does not allow: RequestFailed with the reason, which the editor shows as is. */
function refusal(reason: string): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestFailed, reason);
}

/**
 * Rename of a persona, channel, team, stage, step, barrier or opportunity, with every reference
 * in every file that links to it. Refuses built-in channels, names that are not ids, and names
 * already taken by a declaration of the same kind in the same scope (that would be `duplicate-id`).
 */
export class JourneyRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: JourneyServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!target) return undefined;
        refuseBuiltin(target);
        const newName = params.newName.trim();
        if (!ID.test(newName)) {
            throw refusal(`'${params.newName}' is not a valid id: use an ASCII letter followed by letters, digits, '_' or '-'.`);
        }
        const name = (target as { name?: string }).name;
        if (newName !== name && this.nameTaken(target, newName)) {
            throw refusal(`A ${target.$type.toLowerCase()} named '${newName}' already exists here.`);
        }
        return super.rename(document, { ...params, newName });
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const target = this.targetAt(document, params);
        if (target) refuseBuiltin(target);
        return super.prepareRename(document, params) as Range | undefined;
    }

    private targetAt(document: LangiumDocument, params: TextDocumentPositionParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Whether another declaration of the same kind, visible where the target is, already has the name. */
    private nameTaken(target: AstNode, newName: string): boolean {
        const named = (nodes: Array<{ name?: string }>) => nodes.some(node => node !== target && node.name === newName);
        switch (target.$type) {
            case 'Persona':
            case 'Channel':
            case 'Team': {
                // Its own file, and every file that uses it, must not see another of that name.
                const models = new Set<Model>([AstUtils.findRootNode(target) as Model]);
                for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
                    const model = this.documents.getDocument(reference.sourceUri)?.parseResult.value as Model | undefined;
                    if (model) models.add(model);
                }
                return [...models].some(model => {
                    const visible = visibleDeclarations(model, this.documents);
                    return named(target.$type === 'Persona' ? visible.personas : target.$type === 'Channel' ? visible.channels : visible.teams);
                });
            }
            case 'Step':
            case 'Barrier':
            case 'Stage':
            case 'Opportunity': {
                const journey = AstUtils.getContainerOfType(target, isJourney);
                if (!journey) return false;
                if (target.$type === 'Step') return named(journeySteps(journey));
                if (target.$type === 'Barrier') return named(journeyBarriers(journey));
                if (target.$type === 'Stage') return named(journey.stages);
                return named(journey.stages.flatMap(s => [...s.facts, ...s.steps.flatMap(step => step.facts)]).filter(f => f.$type === 'Opportunity'));
            }
            default:
                return false;
        }
    }
}

function refuseBuiltin(target: AstNode): void {
    if (isBuiltin(target)) {
        throw refusal(`'${(target as { name?: string }).name}' is a built-in channel and cannot be renamed. Declare a channel of your own to use another id.`);
    }
}
