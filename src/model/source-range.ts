import type { AstNode } from 'langium';
import type { SourceRange } from './types.js';

/** 1-based source range of a node; all zero for a node without text (made by error recovery). */
export function sourceOf(node: AstNode): SourceRange {
    const range = node.$cstNode?.range;
    if (!range) return { line: 0, column: 0, endLine: 0, endColumn: 0 };
    const { start, end } = range;
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
