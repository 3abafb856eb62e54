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
 * Nodes of types that declare no reference property are skipped without looking at their keys,
 * and nodes of types with a single one read just that property.
 */
export function forEachReferenceOf(node: AstNode, reflection: AstReflection, visit: (found: ReferenceInfo) => void): void {
    const properties = referenceProperties(reflection, node.$type);
    if (properties === NONE) return;
    const record = node as unknown as Record<string, unknown>;
    if (properties !== UNKNOWN && properties.length === 1) {
        // The grammar says what the property holds: a reference, a list of them, or nothing.
        const property = properties[0];
        const value = record[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (element !== undefined && element !== null) visit({ reference: element as Reference, container: node, property, index });
            }
        } else if (value !== undefined && value !== null) {
            visit({ reference: value as Reference, container: node, property });
        }
        return;
    }
    // Several reference properties (or a type the reflection does not know): in the order the parser set them.
    for (const property of Object.keys(node)) {
        if (property.charCodeAt(0) !== 36 /* $ */) visitProperty(node, property, record[property], visit);
    }
}

function visitProperty(node: AstNode, property: string, value: unknown, visit: (found: ReferenceInfo) => void): void {
    if (isAnyReference(value)) {
        visit({ reference: value, container: node, property });
    } else if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
            const element: unknown = value[index];
            if (isAnyReference(element)) visit({ reference: element, container: node, property, index });
        }
    }
}

const NONE: readonly string[] = [];
const UNKNOWN: readonly string[] = [];

/** Per reflection (one per language), the reference properties of each type; the last one used is kept at hand. */
const referencePropertiesByReflection = new WeakMap<AstReflection, Map<string, readonly string[]>>();
let lastReflection: AstReflection | undefined;
let lastByType: Map<string, readonly string[]> | undefined;

/** The names of the cross-reference properties of a type, per the grammar's metadata: NONE, or UNKNOWN for a type the reflection does not know. */
function referenceProperties(reflection: AstReflection, type: string): readonly string[] {
    let byType = reflection === lastReflection ? lastByType : referencePropertiesByReflection.get(reflection);
    if (!byType) referencePropertiesByReflection.set(reflection, byType = new Map());
    lastReflection = reflection;
    lastByType = byType;
    let result = byType.get(type);
    if (result === undefined) {
        if (!reflection.getAllTypes().includes(type)) {
            result = UNKNOWN;
        } else {
            const properties: Record<string, { referenceType?: string }> = reflection.getTypeMetaData(type).properties;
            const names = Object.entries(properties).filter(([, p]) => p.referenceType !== undefined).map(([name]) => name);
            result = names.length === 0 ? NONE : names;
        }
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
