import type { LangiumSharedServices } from 'langium/lsp';
import type { ClientCapabilities, MarkupContent } from 'vscode-languageserver';

/**
 * What the editor said it understands in `initialize`, so that answers use only that: no
 * snippets for a client without snippet support, plain text where it does not render Markdown,
 * `Location`s for a client without `LocationLink`s, a flat symbol list for a client without
 * hierarchical symbols. Before `initialize` (the CLI, tests that call providers directly) there
 * is no client to please, and everything is allowed.
 */
export class ClientSupport {
    private capabilities: ClientCapabilities | undefined;

    constructor(shared: LangiumSharedServices) {
        // Langium creates every service before it fires onInitialize, so this runs in time.
        shared.lsp.LanguageServer.onInitialize(params => {
            this.capabilities = params.capabilities ?? {};
        });
    }

    /** Whether a completion item may be a snippet (`insertTextFormat: 2`). */
    get snippets(): boolean {
        return this.allows(c => c.textDocument?.completion?.completionItem?.snippetSupport === true);
    }

    /** Whether completion items' documentation may be Markdown. */
    get completionMarkdown(): boolean {
        return this.allows(c => (c.textDocument?.completion?.completionItem?.documentationFormat ?? []).includes('markdown'));
    }

    /** Whether a hover may be Markdown. */
    get hoverMarkdown(): boolean {
        return this.allows(c => (c.textDocument?.hover?.contentFormat ?? []).includes('markdown'));
    }

    /** Whether go to definition may answer with `LocationLink`s. */
    get definitionLinks(): boolean {
        return this.allows(c => c.textDocument?.definition?.linkSupport === true);
    }

    /** Whether document symbols may be a tree of `DocumentSymbol`s (else a flat `SymbolInformation` list). */
    get hierarchicalSymbols(): boolean {
        return this.allows(c => c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true);
    }

    /** Whether textDocument/codeAction may answer with CodeAction literals (else only with Commands). */
    get codeActionLiterals(): boolean {
        return this.allows(c => c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined);
    }

    private allows(test: (capabilities: ClientCapabilities) => boolean): boolean {
        return this.capabilities === undefined || test(this.capabilities);
    }
}

/** Markdown as the client can show it: as is, or as plain text with the markup taken out. */
export function markup(markdown: string, markdownAllowed: boolean): MarkupContent {
    return markdownAllowed ? { kind: 'markdown', value: markdown } : { kind: 'plaintext', value: plainText(markdown) };
}

/** The text of the little Markdown the hovers and completions write: emphasis, code, quotes, rules. */
export function plainText(markdown: string): string {
    return markdown
        .replace(/\n+---\n+/g, '\n\n')
        .replace(/^> ?/gm, '')
        .replace(/\*\*([^*\n]+)\*\*/g, '$1')
        .replace(/(^|[^\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?!\w)/g, '$1$2')
        .replace(/`([^`\n]*)`/g, '$1');
}
