import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import { isBuiltinUri } from '../builtins.js';

/** The same kinds as the outline (document-symbols.ts), so both lists show the same icons. */
const KINDS: Record<string, SymbolKind> = {
    Persona: SymbolKind.Class,
    Channel: SymbolKind.Interface,
    Team: SymbolKind.Module,
    Journey: SymbolKind.Namespace,
};

/**
 * Workspace symbols: the personas, channels, teams and journeys of every loaded file. Built-in
 * channels are left out: they live in a virtual document (`journey-builtin:`) that no editor can
 * open, so a client that jumped to one failed (go to definition leaves them out for the same reason).
 */
export class JourneyWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        if (isBuiltinUri(description.documentUri)) return undefined;
        const symbol = super.getWorkspaceSymbol(description);
        if (symbol && KINDS[description.type] !== undefined) symbol.kind = KINDS[description.type];
        return symbol;
    }
}
