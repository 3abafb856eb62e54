import { isIdRule } from '../journey-utils.js';
import { AstUtils, GrammarAST, UriUtils, type AstNodeDescription, type Stream, type LangiumDocument, type LangiumDocuments, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type CompletionValueItem, type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import type { Model } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { keywordDocumentation } from './grammar-docs.js';
import { lexWindow, parseWindow } from './completion-window.js';
import { isBuiltinUri } from '../builtins.js';
import { EMOTION_WORDS, describeDeclaration, isBuiltin, signedScore } from './describe.js';
import { plainText, type ClientSupport } from './client-support.js';

/** Snippets offered where a new stage or a new step may start, with the usual lanes. */
const STAGE_SNIPPET = [
    'stage ${1:id} "${2:Label}" {',
    '  step ${3:id} "${4:Label}" {',
    '    action "${5:What the customer does}"',
    '    touchpoint ${6:web} "${7:Where}"',
    '    thought "${8:What they think}"',
    '    emotion ${9:0} "${10:feeling}"',
    '  }',
    '}',
].join('\n');

const STEP_SNIPPET = [
    'step ${1:id} "${2:Label}" {',
    '  action "${3:What the customer does}"',
    '  touchpoint ${4:web} "${5:Where}"',
    '  thought "${6:What they think}"',
    '  emotion ${7:0} "${8:feeling}"',
    '  barrier ${9:id} "${10:What gets in the way}"',
    '}',
].join('\n');

/**
 * Completion for the journey language: keywords valid at the cursor (never the keywords that
 * the grammar only accepts as ids), every kind of reference with its label, emotion scores
 * with their words, levels, and snippets for a new stage or step.
 */
export class JourneyCompletionProvider extends DefaultCompletionProvider {
    private readonly documents: LangiumDocuments;
    private readonly client: ClientSupport;

    constructor(services: JourneyServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.client = services.journey.ClientSupport;
    }

    /** Only what the client can take: no snippets without snippet support, plain text without Markdown. */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        // A position past the end of its line or of the text means the end (LSP); the items'
        // edits end at the cursor, so they must get a real one, not the one asked for.
        const position = document.textDocument.positionAt(document.textDocument.offsetAt(params.position));
        const list = await super.getCompletion(document, { ...params, position }, cancelToken);
        if (!list) return list;
        if (!this.client.snippets) list.items = list.items.filter(item => item.insertTextFormat !== InsertTextFormat.Snippet);
        if (!this.client.completionMarkdown) {
            for (const item of list.items) {
                if (typeof item.documentation === 'object' && item.documentation.kind === 'markdown') {
                    item.documentation = { kind: 'plaintext', value: plainText(item.documentation.value) };
                }
            }
        }
        return list;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const feature = next.feature;
        if (GrammarAST.isKeyword(feature)) {
            const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule);
            // Keywords may be ids: where an id is expected, the grammar lists every keyword as a Name.
            if (isIdRule(rule?.name)) return;
            if (rule?.name === 'Level') {
                acceptor(context, { label: feature.value, kind: CompletionItemKind.EnumMember, detail: 'level', sortText: `0${['low', 'medium', 'high'].indexOf(feature.value)}` });
                return;
            }
            if (!/\p{L}/u.test(feature.value)) return;
            this.snippetFor(context, feature.value, rule?.name, acceptor);
            const documentation = keywordDocumentation(feature);
            acceptor(context, {
                label: feature.value,
                kind: CompletionItemKind.Keyword,
                detail: 'keyword',
                documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
                sortText: '1',
            });
            return;
        }
        if (GrammarAST.isRuleCall(feature) && (feature.rule.ref?.name === 'Decimal' || feature.rule.ref?.name === 'NUMBER')) {
            // The follow-element computation walks into the Decimal rule and reports the
            // assignment it came from as `property`.
            const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
            if ((assignment?.feature ?? next.property) === 'score') this.completeScores(context, acceptor);
            return;
        }
        if (GrammarAST.isRuleCall(feature) && feature.rule.ref?.name === 'STRING') {
            const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
            if ((assignment?.feature ?? next.property) === 'path') this.completeImportPaths(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** The other `.journey` files of the workspace, as paths relative to this file. */
    private completeImportPaths(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const here = context.document.uri;
        const imported = new Set(((context.document.parseResult.value as Model).imports ?? []).map(i => i.path));
        for (const document of this.documents.all) {
            const uri = document.uri;
            if (uri.scheme !== here.scheme || uri.toString() === here.toString() || isBuiltinUri(uri) || !uri.path.endsWith('.journey')) continue;
            const path = UriUtils.relative(UriUtils.dirname(here), uri);
            if (imported.has(path)) continue;
            const declares = (document.parseResult.value as Model).declarations?.map(d => d.name).slice(0, 6).join(', ');
            acceptor(context, {
                label: JSON.stringify(path),
                kind: CompletionItemKind.File,
                detail: declares ? `declares ${declares}` : 'a journey file',
                sortText: '0',
            });
        }
    }

    private completeScores(context: CompletionContext, acceptor: CompletionAcceptor): void {
        // `emotion -` (a sign typed alone is not a token yet): the score replaces the sign.
        const sign = context.textDocument.getText().charAt(context.tokenOffset - 1);
        const start = sign === '-' || sign === '+' ? context.textDocument.positionAt(context.tokenOffset - 1) : undefined;
        for (const [score, word] of EMOTION_WORDS) {
            const label = signedScore(score);
            if (start && !label.startsWith(sign)) continue;
            acceptor(context, {
                ...(start ? { textEdit: { range: { start, end: context.position }, newText: label } } : {}),
                label,
                kind: CompletionItemKind.Value,
                detail: word,
                labelDetails: { description: word },
                documentation: `Emotion ${label}: ${word}.`,
                // Sorted from -2 to +2, and "+1" and "1" both match what was typed.
                sortText: `0${score + 2}`,
                filterText: label,
            });
        }
    }

    private snippetFor(context: CompletionContext, keyword: string, rule: string | undefined, acceptor: CompletionAcceptor): void {
        const snippet = keyword === 'stage' && rule === 'Stage' ? STAGE_SNIPPET : keyword === 'step' && rule === 'Step' ? STEP_SNIPPET : undefined;
        if (!snippet) return;
        acceptor(context, {
            label: `${keyword} { ... }`,
            filterText: keyword,
            kind: CompletionItemKind.Snippet,
            detail: keyword === 'stage' ? 'New stage with a step and the usual lanes' : 'New step with the usual lanes',
            insertText: snippet,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '2',
        });
    }

    /** Leaves out the names a list already holds: `for dana, |` offers the other personas, `fixes a, |` the other barriers. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        if (refInfo.property !== 'personas' && refInfo.property !== 'fixes') return candidates;
        const list = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
        if (!Array.isArray(list)) return candidates;
        const used = new Set<string>();
        for (const ref of list as Array<{ $refText: string; $refNode?: { offset: number; end: number } }>) {
            // The name being typed at the cursor stays on offer.
            if (ref.$refNode && ref.$refNode.offset <= context.offset && context.offset <= ref.$refNode.end) continue;
            used.add(ref.$refText);
        }
        return used.size === 0 ? candidates : candidates.filter(d => !used.has(d.name));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, _refInfo: ReferenceInfo, _context: CompletionContext): CompletionValueItem {
        const node = description.node as (typeof description.node & { label?: string; text?: string; $container?: { name?: string } }) | undefined;
        const kind = this.nodeKindProvider.getCompletionItemKind(description);
        if (!node) return { nodeDescription: description, kind, detail: description.type.toLowerCase(), sortText: '00' };
        // Barriers and steps can number in the thousands: their detail says enough, and no
        // Markdown is built for them.
        if (node.$type === 'Barrier' || node.$type === 'Step') {
            const detail = node.$type === 'Barrier' ? node.text : `${node.label ?? description.name} (stage ${node.$container?.name})`;
            return { nodeDescription: description, kind, detail, labelDetails: { description: detail }, sortText: '00' };
        }
        const builtin = node.$type === 'Channel' && isBuiltin(node);
        const markdown = describeDeclaration(node);
        return {
            nodeDescription: description,
            kind,
            detail: builtin ? `${node.label} (built-in channel)` : node.label ?? description.type.toLowerCase(),
            labelDetails: { description: node.label },
            documentation: markdown ? { kind: 'markdown', value: markdown } : undefined,
            // Declared names before built-in ones.
            sortText: builtin ? '01' : '00',
        };
    }

    /**
     * Langium re-parses the text from the start of the file up to the cursor to learn which
     * features may follow; on a large map a shorter text with the same features is parsed
     * instead (see `parseWindow`). The stand-in document only has to answer `getText` for the
     * whole window and `positionAt` for its end.
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.currentDocument;
        const window = document && document.textDocument === textDocument ? parseWindow(document, offset) : undefined;
        if (window === undefined) return super.findFeaturesAt(textDocument, offset);
        return super.findFeaturesAt({ getText: () => window, positionAt: () => ({ line: 0, character: 0 }) } as unknown as TextDocument, window.length);
    }

    /** Langium lexes the whole text to find the tokens around the cursor; a window finds the same ones. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const document = this.currentDocument;
        // The document whose contexts are being built; its text is the very string passed here.
        const window = document && document.textDocument.getText() === text ? lexWindow(document, offset) : undefined;
        if (!window) return super.backtrackToAnyToken(text, offset);
        const { start, end } = window;
        const found = super.backtrackToAnyToken(text.slice(start, end), offset - start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd),
        };
    }

    private currentDocument: LangiumDocument | undefined;

    protected override buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        this.currentDocument = document;
        return super.buildContexts(document, position);
    }
}
