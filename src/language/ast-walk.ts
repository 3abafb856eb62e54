import type { AstNode, AstReflection, MultiReference, Reference, ReferenceInfo } from 'langium';

/**
 * Plain-loop walks of the AST, in the order of Langium's `streamAst` and `streamReferences`
 * (pre-order; a node's properties in the order the parser set them). Langium's streams allocate an
 * iterator per node and per property, which dominated linking, indexing and validating large maps.
 */

const nodesByRoot = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * Every node under `root` (itself first), in pre-order. Collected once per tree and kept while the
 * tree lives: linking, indexing and validating a document walk the same nodes, and a parsed tree
 * never changes (an edit parses a new one).
 */
export function allNodes(root: AstNode): readonly AstNode[] {
    let result = nodesByRoot.get(root);
    if (!result) {
        const nodes: AstNode[] = [];
        collect(root, nodes);
        nodesByRoot.set(root, result = nodes);
    }
    return result;
}

function collect(node: AstNode, into: AstNode[]): void {
    into.push(node);
    const record = node as unknown as Record<string, unknown>;
    for (const key of Object.keys(node)) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (const element of value) {
                if (isNode(element)) collect(element, into);
            }
        } else if (isNode(value)) {
            collect(value, into);
        }
    }
}

/**
 * Calls `visit` for each reference (single or multi) held directly by `node`, in property order.
 * Nodes of types that declare no reference property are skipped without looking at their keys.
 */
export function forEachReferenceOf(node: AstNode, reflection: AstReflection, visit: (found: ReferenceInfo) => void): void {
    if (!hasReferenceProperties(reflection, node.$type)) return;
    const record = node as unknown as Record<string, unknown>;
    for (const property of Object.keys(node)) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (isAnyReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isAnyReference(element)) visit({ reference: element, container: node, property, index });
            }
        }
    }
}

const referenceTypes = new WeakMap<AstReflection, Map<string, boolean>>();

/** Whether the grammar gives nodes of this type any cross-reference property (cached per reflection). */
function hasReferenceProperties(reflection: AstReflection, type: string): boolean {
    let byType = referenceTypes.get(reflection);
    if (!byType) referenceTypes.set(reflection, byType = new Map());
    let result = byType.get(type);
    if (result === undefined) {
        let properties: Record<string, { referenceType?: string }> | undefined;
        try {
            properties = reflection.getTypeMetaData(type).properties;
        } catch {
            properties = undefined;
        }
        // Unknown to the reflection: look at the keys, as Langium would.
        result = properties === undefined || Object.values(properties).some(p => p.referenceType !== undefined);
        byType.set(type, result);
    }
    return result;
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

function isAnyReference(value: unknown): value is Reference | MultiReference {
    return typeof value === 'object' && value !== null && typeof (value as Reference).$refText === 'string'
        && ('ref' in value || 'items' in value);
}
