import { isIdRule } from '../journey-utils.js';
import { AstUtils, GrammarAST, type LangiumDocument, type LangiumDocuments, type LeafCstNode, type CstNode } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isImport, type Emotion, type Import, type Model } from '../generated/ast.js';
import { resolveImport } from '../imports.js';
import type { JourneyServices } from '../journey-module.js';
import { referenceKindName } from '../validation/messages.js';
import { describeDeclaration, describeEmotion } from './describe.js';
import { keywordDocumentation } from './grammar-docs.js';
import { referenceAt, tokenAt } from './cst-lookup.js';
import { markup, type ClientSupport } from './client-support.js';

/**
 * Hover: on a reference, the declaration it names; on a declaration's id, the declaration; on an
 * emotion, what its score means; on a keyword, the doc comment of its grammar rule. Looks only
 * at the token under the cursor and what it links to, so it costs the same on any map size.
 */
export class JourneyHoverProvider implements HoverProvider {
    private readonly documents: LangiumDocuments;
    private readonly client: ClientSupport;

    constructor(services: JourneyServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.client = services.journey.ClientSupport;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = tokenAt(root, offset);
        if (!leaf) return undefined;
        const markdown = this.markdownFor(leaf);
        return markdown ? { contents: markup(markdown, this.client.hoverMarkdown), range: leaf.range } : undefined;
    }

    private describeImport(node: Import): string {
        const from = node.$container.$document?.uri;
        return describeImportTarget(from ? resolveImport(node, from, this.documents) : undefined, node.path);
    }

    private markdownFor(leaf: LeafCstNode): string | undefined {
        const node = leaf.astNode;
        const reference = referenceAt(leaf);
        if (reference) {
            const target = reference.ref;
            if (target) return describeDeclaration(target);
            return `Unknown ${referenceKindName(node.$type, reference.property)} \`${reference.refText}\`: nothing visible here declares it.`;
        }
        if (isImport(node) && !GrammarAST.isKeyword(leaf.grammarSource)) return this.describeImport(node);
        const keyword = leaf.grammarSource;
        const keywordDocs = GrammarAST.isKeyword(keyword) && !isIdRule(AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name)
            ? keywordDocumentation(keyword)
            : undefined;
        if (node.$type === 'Emotion') {
            // On the `emotion` keyword, the score's meaning and then the keyword's own docs.
            return [describeEmotion(node as Emotion), keywordDocs].filter(Boolean).join('\n\n---\n\n');
        }
        if (isNameOf(leaf)) return describeDeclaration(node);
        return keywordDocs;
    }
}


/** What an imported file brings into scope, or that it cannot be found. */
function describeImportTarget(target: LangiumDocument | undefined, path: string): string {
    if (!target) return `\`${path}\`: no such file is loaded (check the path; it is relative to this file).`;
    const model = target.parseResult.value as Model;
    const names = (type: string) => model.declarations.filter(d => d.$type === type).map(d => `\`${d.name}\``);
    const parts = [['personas', names('Persona')], ['channels', names('Channel')], ['teams', names('Team')]]
        .filter(([, list]) => list.length > 0)
        .map(([kind, list]) => `*${kind as string}:* ${(list as string[]).join(', ')}`);
    return [`**import** \`${path}\``, ...(parts.length > 0 ? parts : ['declares no personas, channels or teams'])].join('\n\n');
}

/** Whether the token is the id of the node it belongs to (`step port`: `port`). */
function isNameOf(leaf: LeafCstNode): boolean {
    // Keyword-ids sit inside the Name rule (and its KeywordName rule): climb the CST to the assignment.
    for (let node: CstNode | undefined = leaf; node; node = node.container) {
        const assignment = AstUtils.getContainerOfType(node.grammarSource, GrammarAST.isAssignment);
        if (assignment) return assignment.feature === 'name';
    }
    return false;
}
