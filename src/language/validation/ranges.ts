import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { GrammarUtils } from 'langium';

/**
 * The range of an element's header, from its keyword to its id (`step port`), so that a
 * diagnostic about a stage or step sits on the line of its keyword.
 */
export function headerRange(node: AstNode & { name?: string }): Range | undefined {
    const start = node.$cstNode?.range.start;
    if (!start) return undefined;
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    const end = nameNode?.range.end ?? node.$cstNode!.range.start;
    return { start, end: end.line === start.line ? end : { line: start.line, character: start.character + 1 } };
}
