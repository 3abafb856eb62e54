import type {
    AstNode, AstNodeDescription, AstNodeLocator, AstReflection, CstNode, DocumentSegment, LangiumCoreServices,
    LangiumDocument, ReferenceDescription, ReferenceDescriptionProvider, ReferenceInfo, URI,
} from 'langium';
import { Cancellation, CstUtils, UriUtils, interruptAndCheck, isMultiReference } from 'langium';
import { allNodes, forEachReferenceOf } from './ast-walk.js';

const NODES_PER_CHECK = 512;

/**
 * What the IndexManager keeps of each resolved reference (for find references, rename and
 * deciding which documents a change affects), built with plain loops and with the path of the
 * referring node, the reference's text segment and the target's path computed on first read:
 * Langium's provider computes them for every reference of every build, though only find
 * references and rename read them, and only for the few references that name one declaration.
 */
export class JourneyReferenceDescriptionProvider implements ReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;
    private readonly reflection: AstReflection;

    constructor(services: LangiumCoreServices) {
        this.locator = services.workspace.AstNodeLocator;
        this.reflection = services.shared.AstReflection;
    }

    async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const result: ReferenceDescription[] = [];
        const nodes = allNodes(document.parseResult.value);
        const add = (info: ReferenceInfo) => this.describe(info, document.uri, result);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReferenceOf(nodes[i], this.reflection, add);
        }
        return result;
    }

    /** Like Langium's: one description per target, none for unresolved references or references with no text. */
    private describe(info: ReferenceInfo, sourceUri: URI, into: ReferenceDescription[]): void {
        const reference = info.reference;
        const refNode = reference.$refNode;
        if (reference.error || !refNode) return;
        if (isMultiReference(reference)) {
            for (const item of reference.items) {
                if (item.$nodeDescription) into.push(new LazyReferenceDescription(sourceUri, info.container, refNode, item.$nodeDescription, this.locator));
            }
        } else if (reference.$nodeDescription) {
            into.push(new LazyReferenceDescription(sourceUri, info.container, refNode, reference.$nodeDescription, this.locator));
        }
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    readonly targetUri: URI;
    private cachedSourcePath: string | undefined;
    private cachedSegment: DocumentSegment | undefined;
    private cachedLocal: boolean | undefined;

    constructor(
        readonly sourceUri: URI,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        private readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator,
    ) {
        this.targetUri = target.documentUri;
    }

    get sourcePath(): string {
        return this.cachedSourcePath ??= this.locator.getAstNodePath(this.container);
    }

    get targetPath(): string {
        return this.target.path;
    }

    get segment(): DocumentSegment {
        return this.cachedSegment ??= CstUtils.toDocumentSegment(this.refNode);
    }

    get local(): boolean {
        return this.cachedLocal ??= UriUtils.equals(this.targetUri, this.sourceUri);
    }
}
