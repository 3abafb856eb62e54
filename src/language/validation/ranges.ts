import type { AstNode, CstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isCompositeCstNode } from 'langium';

/**
 * The range of an element's header, from its keyword to its id (`step port`), so that a
 * diagnostic about a stage or step sits on the line of its keyword.
 */
export function headerRange(node: AstNode & { name?: string }): Range | undefined {
    const start = node.$cstNode?.range.start;
    if (!start) return undefined;
    const nameNode = firstNodeForProperty(node.$cstNode!, 'name');
    const end = nameNode?.range.end ?? node.$cstNode!.range.start;
    return { start, end: end.line === start.line ? end : { line: start.line, character: start.character + 1 } };
}

/**
 * The range of a node's property (an id, a score), reaching back to the start of the node when the
 * property sits on a later line: a diagnostic about a fact or declaration written over several
 * lines then starts on the line of its keyword, where a suppression comment above it applies.
 */
export function propertyRangeOnKeywordLine(node: AstNode, property: string): Range | undefined {
    const cst = node.$cstNode;
    const target = cst && firstNodeForProperty(cst, property);
    if (!target) return undefined;
    const start = cst.range.start;
    return target.range.start.line === start.line ? target.range : { start, end: target.range.end };
}

/**
 * The first CST node (in document order) that the node's own rule assigns to `property`: what
 * Langium's `GrammarUtils.findNodeForProperty` returns, without collecting every match and with
 * plain `$type` tests instead of the reflection (this runs for each finding on a step or stage).
 */
export function firstNodeForProperty(cst: CstNode, property: string): CstNode | undefined {
    return search(cst, property, cst.astNode, true);
}

function search(cst: CstNode, property: string, owner: AstNode, isStart: boolean): CstNode | undefined {
    if (!isStart && assignedFeature(cst) === property) return cst;
    if (!isCompositeCstNode(cst) || cst.astNode !== owner) return undefined;
    for (const child of cst.content) {
        const found = search(child, property, owner, false);
        if (found) return found;
    }
    return undefined;
}

/** The feature of the assignment that the CST node's grammar element belongs to, if any. */
function assignedFeature(cst: CstNode): string | undefined {
    for (let element: { $type: string; $container?: unknown } | undefined = cst.grammarSource; element; element = element.$container as typeof element) {
        if (element.$type === 'Assignment') return (element as unknown as { feature: string }).feature;
    }
    return undefined;
}
