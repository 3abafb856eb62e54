import { URI, type RootCstNode } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * Diagnostics of an open document name the version they were computed for (LSP 3.15), so that a
 * client can tell a late set from a current one; Langium sends them without one. The version is
 * the open document's only while its text is still the text that was validated; otherwise (an
 * edit arrived meanwhile, and its own build will publish again) the set goes without a version,
 * as do the diagnostics of files that are not open.
 */
export function publishDiagnosticsWithVersion(connection: Connection, shared: LangiumSharedServices): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const open = params.version === undefined ? shared.workspace.TextDocuments?.get(params.uri) : undefined;
        const document = open && shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        const validated = (document?.parseResult.value.$cstNode as RootCstNode | undefined)?.fullText;
        return send(open && validated === open.getText() ? { ...params, version: open.version } : params);
    };
}
