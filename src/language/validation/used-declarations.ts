import type { AstNode, LangiumSharedCoreServices } from 'langium';
import { DocumentState, WorkspaceCache, isMultiReference } from 'langium';

/**
 * Which declarations some reference names, across every loaded document. Computed once per build
 * (after references are indexed) from each document's resolved references, so that
 * `unused-declaration` costs O(1) per declaration. Asking the IndexManager instead scans every
 * reference of the workspace per declaration: quadratic when linting a thousand files.
 */
export class UsedDeclarations {
    private readonly cache: WorkspaceCache<'used', Set<AstNode>>;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedReferences);
    }

    isUsed(node: AstNode): boolean {
        return this.cache.get('used', () => this.collect()).has(node);
    }

    private collect(): Set<AstNode> {
        const used = new Set<AstNode>();
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            // Only documents whose references are indexed, as the IndexManager would see them;
            // reading `.ref` elsewhere would link on the spot.
            if (document.state < DocumentState.IndexedReferences) continue;
            for (const reference of document.references) {
                if (isMultiReference(reference)) {
                    for (const item of reference.items) used.add(item.ref);
                } else if (reference.ref) {
                    used.add(reference.ref);
                }
            }
        }
        return used;
    }
}
