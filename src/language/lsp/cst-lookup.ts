import { CstUtils, type AstNode, type CstNode, type LeafCstNode } from 'langium';

/** Finding things in the syntax tree by position, for hover and quick fixes. */

export interface ReferenceAt {
    ref: AstNode | undefined;
    refText: string;
    property: string;
}

/** The token under the cursor, or the one just before it when the cursor sits at its end. */
export function tokenAt(root: CstNode, offset: number): LeafCstNode | undefined {
    const at = CstUtils.findLeafNodeAtOffset(root, offset);
    if (at && !at.hidden && at.offset <= offset && offset < at.end) return at;
    const before = offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined;
    return before && !before.hidden && before.end === offset ? before : undefined;
}

/** The cross-reference a token belongs to, if any. */
export function referenceAt(leaf: LeafCstNode): ReferenceAt | undefined {
    const node = leaf.astNode as AstNode & Record<string, unknown>;
    for (const [property, value] of Object.entries(node)) {
        if (property.startsWith('$')) continue;
        const candidates = Array.isArray(value) ? value : [value];
        for (const candidate of candidates) {
            if (candidate && typeof candidate === 'object' && '$refNode' in candidate) {
                const ref = candidate as { $refNode?: { offset: number; end: number }; ref?: AstNode; $refText: string };
                if (ref.$refNode && ref.$refNode.offset <= leaf.offset && leaf.end <= ref.$refNode.end) {
                    return { ref: ref.ref, refText: ref.$refText, property };
                }
            }
        }
    }
    return undefined;
}
