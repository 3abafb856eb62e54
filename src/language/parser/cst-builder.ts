import type { TokenType } from 'chevrotain';
import { CompositeCstNodeImpl, LeafCstNodeImpl, RootCstNodeImpl, type AbstractCstNode, type GrammarAST } from 'langium';

/**
 * Builds a CST with Langium's node classes, in the shape Langium's CstNodeBuilder gives it, with
 * little garbage: the children of the open nodes wait on one reusable stack, and each node gets
 * an array of exactly its children when it is closed (Langium pushes into an array, then copies it).
 */
export class FastCstBuilder {
    /** The children of the open nodes, the root's first; each open node's children follow it. */
    private stack: AbstractCstNode[] = [];
    private top = 0;
    /** The open composite nodes (the root first) and where their children start on the stack. */
    private readonly open: CompositeCstNodeImpl[] = [];
    private readonly starts: number[] = [];
    private depth = 0;
    private root!: RootCstNodeImpl;

    begin(text: string): RootCstNodeImpl {
        this.root = new RootCstNodeImpl(text);
        this.top = 0;
        this.open[0] = this.root;
        this.starts[0] = 0;
        this.depth = 1;
        return this.root;
    }

    /** Opens a composite node for a rule call (`source`) as the last child of the current node. */
    openNode(source: GrammarAST.AbstractElement): CompositeCstNodeImpl {
        const node = new CompositeCstNodeImpl();
        node.grammarSource = source;
        node.container = this.open[this.depth - 1];
        this.stack[this.top++] = node;
        this.open[this.depth] = node;
        this.starts[this.depth++] = this.top;
        return node;
    }

    /** Closes the current node, giving it its children. */
    closeNode(): CompositeCstNodeImpl {
        const depth = --this.depth;
        const node = this.open[depth];
        const start = this.starts[depth];
        const stack = this.stack;
        // Array literals for the common small counts: cheaper than slice, and V8 can allocate
        // them straight in the old generation once it sees that they live long.
        switch (this.top - start) {
            case 1: node.content = [stack[start]]; break;
            case 2: node.content = [stack[start], stack[start + 1]]; break;
            case 3: node.content = [stack[start], stack[start + 1], stack[start + 2]]; break;
            case 4: node.content = [stack[start], stack[start + 1], stack[start + 2], stack[start + 3]]; break;
            case 5: node.content = [stack[start], stack[start + 1], stack[start + 2], stack[start + 3], stack[start + 4]]; break;
            default: node.content = stack.slice(start, this.top);
        }
        this.top = start;
        return node;
    }

    /** A leaf for a token of a single line. */
    leaf(offset: number, length: number, line: number, column: number, type: TokenType, source: GrammarAST.AbstractElement): void {
        const leaf = new LeafCstNodeImpl(offset, length, line, column, line, column + length, type, false);
        leaf.grammarSource = source;
        leaf.container = this.open[this.depth - 1];
        this.stack[this.top++] = leaf;
    }

    /**
     * Places hidden leaves (comments) where Langium's CstNodeBuilder.addHiddenNodes puts them: at
     * the end of the current node if it has children; else before the nearest open node that is
     * not the first child of its parent; else at the start of the root.
     */
    hidden(nodes: LeafCstNodeImpl[]): void {
        const depth = this.depth;
        if (this.top > this.starts[depth - 1]) {
            const current = this.open[depth - 1];
            for (const node of nodes) {
                node.container = current;
                this.stack[this.top++] = node;
            }
            return;
        }
        // The current node is open at `starts[d] - 1` on the stack, among its parent's children.
        let d = depth - 1;
        while (d > 0 && this.starts[d] - 1 === this.starts[d - 1]) d--;
        const at = d > 0 ? this.starts[d] - 1 : 0;
        const parent = this.open[d > 0 ? d - 1 : 0];
        // Move the nodes after `at` up, then put the comments in the gap (no spread: there may be many).
        const stack = this.stack;
        const count = nodes.length;
        for (let i = this.top - 1; i >= at; i--) stack[i + count] = stack[i];
        for (let i = 0; i < count; i++) {
            nodes[i].container = parent;
            stack[at + i] = nodes[i];
        }
        this.top += count;
        for (let i = d > 0 ? d : 1; i < depth; i++) this.starts[i] += nodes.length;
    }

    /** Closes the root (the last open node) and lets go of the nodes. */
    end(): RootCstNodeImpl {
        if (this.depth !== 1) throw new Error('fast parser: open CST nodes at the end');
        this.root.content = this.stack.slice(0, this.top);
        this.release();
        return this.root;
    }

    /** Drops the references the stack holds, so that no tree stays reachable through it. */
    release(): void {
        this.stack = [];
        this.top = 0;
        this.depth = 0;
        this.open.length = 0;
    }
}
