import type { AstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';

const BLOCKS = new Set(['Persona', 'Journey', 'Stage', 'Step']);

/**
 * Folding: every block (persona, journey, stage, step), multi-line block comments, runs of two
 * or more line comments, and the imports at the top.
 */
export class JourneyFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return BLOCKS.has(node.$type);
    }

    protected override shouldProcessContent(node: AstNode): boolean {
        // Facts hold no blocks: skipping them keeps folding cheap on large maps.
        return node.$type === 'Model' || node.$type === 'Journey' || node.$type === 'Stage';
    }

    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        this.collectLineCommentRuns(document, acceptor);
        this.collectImports(document, acceptor);
    }

    private collectLineCommentRuns(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const lines = document.textDocument.getText().split(/\r?\n/);
        let start = -1;
        for (let line = 0; line <= lines.length; line++) {
            const isComment = line < lines.length && lines[line].trimStart().startsWith('//');
            if (isComment && start < 0) start = line;
            if (!isComment && start >= 0) {
                if (line - 1 > start) acceptor({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
                start = -1;
            }
        }
    }

    private collectImports(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const imports = (document.parseResult.value as Model).imports ?? [];
        const first = imports[0]?.$cstNode;
        const last = imports[imports.length - 1]?.$cstNode;
        if (first && last && last.range.end.line > first.range.start.line) {
            acceptor({ startLine: first.range.start.line, endLine: last.range.end.line, kind: FoldingRangeKind.Imports });
        }
    }
}
