import { DefaultWorkspaceManager, URI, UriUtils } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

/**
 * The workspace is the client's workspace folders, or else its root: a client that sends only
 * `rootUri` (or the older `rootPath`) and no `workspaceFolders` had no workspace at all, so
 * find references, rename and workspace symbols missed every file it had not opened.
 */
export class JourneyWorkspaceManager extends DefaultWorkspaceManager {
    override initialize(params: InitializeParams): void {
        super.initialize(params);
        if (this.folders && this.folders.length > 0) return;
        const root = params.rootUri ? URI.parse(params.rootUri) : params.rootPath ? URI.file(params.rootPath) : undefined;
        if (root) this.folders = [{ uri: root.toString(), name: UriUtils.basename(root) }];
    }
}
