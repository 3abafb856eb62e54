import type { AstNode, CstNode } from 'langium';
import type { SourceRange } from './types.js';

/** 1-based source range of a node; all zero for a node without text (made by error recovery). */
export function sourceOf(node: AstNode): SourceRange {
    const cst = node.$cstNode;
    if (!cst) return { line: 0, column: 0, endLine: 0, endColumn: 0 };
    measure(cst as Cst);
    return { line: startLine + 1, column: startColumn + 1, endLine: endLine + 1, endColumn: endColumn + 1 };
}

/*
 * `CstNode.range` without its garbage. On a fresh parse (every keystroke of the live preview)
 * Langium's getter allocates a range and two positions per leaf it reaches and a cached range per
 * composite node; for a map of thousands of facts that is most of the model builder's time. This
 * computes the same positions into the four variables below, reading the cache when Langium has
 * filled it and leaving it alone otherwise. It follows Langium 4.4's composite rule exactly: from
 * the start of the first non-hidden child (else the first child) to the end of the last non-hidden
 * child (else the last), that end moved back to the start if it lies on an earlier line, and all
 * zero without children. Leaves are read through their fields, or through `range` should a Langium
 * version lack them; tests/model-equivalence.test.ts pins the result.
 */
let startLine = 0, startColumn = 0, endLine = 0, endColumn = 0;

interface Cst extends CstNode {
    content?: Cst[];
    _rangeCache?: { start: { line: number; character: number }; end: { line: number; character: number } };
    _startLine?: number;
    _startColumn?: number;
    _endLine?: number;
    _endColumn?: number;
}

function measure(node: Cst): void {
    const content = node.content;
    if (content === undefined) {
        measureLeaf(node);
        return;
    }
    const cached = node._rangeCache;
    if (cached !== undefined) {
        startLine = cached.start.line; startColumn = cached.start.character;
        endLine = cached.end.line; endColumn = cached.end.character;
        return;
    }
    const count = content.length;
    if (count === 0) {
        startLine = startColumn = endLine = endColumn = 0;
        return;
    }
    let first = 0;
    while (first < count && content[first].hidden) first++;
    if (first === count) first = 0;
    let last = count - 1;
    while (last >= 0 && content[last].hidden) last--;
    if (last < 0) last = count - 1;
    measure(content[first]);
    const line = startLine, column = startColumn;
    measure(content[last]);
    if (endLine < line) { endLine = line; endColumn = column; }
    startLine = line; startColumn = column;
}

function measureLeaf(node: Cst): void {
    if (node._startLine !== undefined) {
        startLine = node._startLine; startColumn = node._startColumn!;
        endLine = node._endLine!; endColumn = node._endColumn!;
        return;
    }
    const { start, end } = node.range;
    startLine = start.line; startColumn = start.character;
    endLine = end.line; endColumn = end.character;
}
