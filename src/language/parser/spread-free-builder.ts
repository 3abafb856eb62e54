import type { CompositeCstNode, CstNode, CstNodeBuilder } from 'langium';

/**
 * Langium's CST builder adds a run of hidden tokens (comments) with one spread call
 * (`push(...nodes)`, `splice(i, 0, ...nodes)`), which overflows the stack when a file holds a few
 * hundred thousand comments in a row. These versions copy in a loop, so such a file gets its
 * diagnostics instead of crashing the parser. Same result, node for node.
 */
export function makeSpreadFree(builder: CstNodeBuilder): void {
    builder.appendChildren = (parent: CompositeCstNode, children: CstNode[]) => {
        const content = parent.content as CstNode[];
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
            content.push(child);
        }
    };
    builder.insertChildren = (parent: CompositeCstNode, index: number, children: CstNode[]) => {
        const content = parent.content as CstNode[];
        const after = content.slice(index);
        content.length = index;
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
            content.push(child);
        }
        for (const node of after) content.push(node);
    };
}
