import type { AstNode, AstNodeDescription, AstNodeLocator, DocumentSegment, LangiumCoreServices, LangiumDocument, NameProvider, URI } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Descriptions of named nodes (what scopes and the export index hold) whose path and segments are
 * computed when first read. Langium's provider computes a path string and a CST range for each
 * node up front; scopes of a large journey describe every step and barrier on each build, while
 * only the few that navigation, find references or rename look at need them.
 */
export class JourneyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        const actualName = name ?? this.nameProvider.getName(node);
        if (!actualName) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, actualName, doc.uri, this.astNodeLocator, this.nameProvider);
    }
}

/** The same fields as Langium's descriptions; `path`, `selectionSegment` and `nameSegment` are computed once, on first read. */
class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private cachedPath: string | undefined;
    private cachedSelection: DocumentSegment | undefined | null = null;
    private cachedNameSegment: DocumentSegment | undefined | null = null;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly nameProvider: NameProvider,
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return this.cachedPath ??= this.locator.getAstNodePath(this.node);
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (this.cachedSelection === null) this.cachedSelection = CstUtils.toDocumentSegment(this.node.$cstNode);
        return this.cachedSelection;
    }

    get nameSegment(): DocumentSegment | undefined {
        if (this.cachedNameSegment === null) {
            this.cachedNameSegment = CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
        }
        return this.cachedNameSegment;
    }
}
