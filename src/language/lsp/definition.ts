import type { LangiumDocument, LangiumDocuments, LeafCstNode, MaybePromise } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';
import type { CancellationToken, DefinitionParams, Location, LocationLink } from 'vscode-languageserver';
import { isBuiltinUri } from '../builtins.js';
import { isImport } from '../generated/ast.js';
import { resolveImport } from '../imports.js';
import type { JourneyServices } from '../journey-module.js';
import type { ClientSupport } from './client-support.js';

/**
 * Go to definition. From a reference, its declaration; from an import's path, the imported
 * file. A built-in channel is declared in a virtual document (`journey-builtin:`) that no
 * editor can open, so it has no definition to go to.
 */
export class JourneyDefinitionProvider extends DefaultDefinitionProvider {
    private readonly documents: LangiumDocuments;
    private readonly client: ClientSupport;

    constructor(services: JourneyServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.client = services.journey.ClientSupport;
    }

    /** `LocationLink`s for a client that declared `linkSupport`; plain `Location`s (at the declaration's id) for the others. */
    override async getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): Promise<LocationLink[] | undefined> {
        const links = await super.getDefinition(document, params, cancelToken);
        if (!links || this.client.definitionLinks) return links;
        const locations: Location[] = links.map(link => ({ uri: link.targetUri, range: link.targetSelectionRange }));
        // Langium's interface names only LocationLink[]; LSP allows Location[] and the handler passes it on as is.
        return locations as unknown as LocationLink[];
    }

    protected override collectLocationLinks(source: LeafCstNode, params: DefinitionParams): MaybePromise<LocationLink[] | undefined> {
        const node = source.astNode;
        if (isImport(node)) {
            const from = node.$container.$document?.uri;
            const target = from ? resolveImport(node, from, this.documents) : undefined;
            if (!target) return undefined;
            const start = { line: 0, character: 0 };
            return [{ targetUri: target.uri.toString(), targetRange: { start, end: start }, targetSelectionRange: { start, end: start }, originSelectionRange: source.range }];
        }
        return super.collectLocationLinks(source, params);
    }

    protected override findLinks(source: LeafCstNode): GoToLink[] {
        return super.findLinks(source).filter(link => !isBuiltinUri(link.targetDocument.uri));
    }
}

