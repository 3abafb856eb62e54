import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Journey, Model, Stage, Step } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { ClientSupport } from './client-support.js';

/**
 * The outline: personas, channels and teams, then the journey with its stages and their steps,
 * in the order written. Facts are left out: the outline is for finding your way in a map.
 * A client without hierarchical symbols gets the same symbols as a flat list, each naming its container.
 */
export class JourneyDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly client: ClientSupport;

    constructor(services: JourneyServices) {
        this.client = services.journey.ClientSupport;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const symbols = this.symbolTree(document);
        if (this.client.hierarchicalSymbols) return symbols;
        // Langium's interface names only DocumentSymbol[]; LSP allows SymbolInformation[] and the handler passes it on as is.
        return flatten(symbols, document.textDocument.uri) as unknown as DocumentSymbol[];
    }

    private symbolTree(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value as Model;
        const symbols: DocumentSymbol[] = [];
        for (const declaration of model.declarations ?? []) {
            const kind = declaration.$type === 'Persona' ? SymbolKind.Class : declaration.$type === 'Channel' ? SymbolKind.Interface : SymbolKind.Module;
            const symbol = toSymbol(declaration, kind, `${declaration.$type.toLowerCase()}${declaration.label ? ` · ${declaration.label}` : ''}`);
            if (symbol) symbols.push(symbol);
        }
        for (const journey of model.journeys ?? []) {
            const symbol = toSymbol(journey, SymbolKind.Namespace, journey.title ?? 'journey', stagesOf(journey));
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }
}

function flatten(symbols: DocumentSymbol[], uri: string, containerName?: string): SymbolInformation[] {
    return symbols.flatMap(symbol => [
        { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(containerName ? { containerName } : {}) },
        ...flatten(symbol.children ?? [], uri, symbol.name),
    ]);
}

function stagesOf(journey: Journey): DocumentSymbol[] {
    return journey.stages.flatMap(stage => toSymbol(stage, SymbolKind.Package, stage.label ?? 'stage', stepsOf(stage)) ?? []);
}

function stepsOf(stage: Stage): DocumentSymbol[] {
    return stage.steps.flatMap((step: Step) => toSymbol(step, SymbolKind.Event, step.label ?? 'step') ?? []);
}

function toSymbol(node: AstNode & { name?: string }, kind: SymbolKind, detail: string, children?: DocumentSymbol[]): DocumentSymbol | undefined {
    const cst = node.$cstNode;
    // A node the parser could not finish may lack its id; it has no place in the outline.
    if (!cst || !node.name) return undefined;
    const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
    return { name: node.name, detail, kind, range: cst.range, selectionRange: nameNode.range, children };
}
