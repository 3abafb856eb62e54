import { URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * What a closed document becomes. Langium keeps it as the editor last sent it; then:
 * - a document that exists only in the editor (`untitled:`, a file never saved, a file without
 *   the .journey extension) kept its diagnostics and symbols forever, and when it had no
 *   .journey extension the next build crashed the server (no language for it any more);
 * - a file closed with its edits discarded kept the discarded text.
 * Now the first kind is removed from the workspace (its diagnostics are cleared) and the
 * second goes back to the text on disk. Documents of other languages are left alone.
 */
export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly documents: LangiumDocuments;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.documents = services.workspace.LangiumDocuments;
        this.textDocuments = services.workspace.TextDocuments;
    }

    /** A document of another language (`markdown`, `plaintext`...) is none of this server's business; building it crashed the server. */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (!this.serviceRegistry.hasServices(URI.parse(change.document.uri))) return;
        super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            // Opened again meanwhile, or never known: nothing to do.
            if (this.textDocuments.get(uri.toString()) || !this.documents.hasDocument(uri)) return;
            const onDisk = uri.scheme === 'file' && this.serviceRegistry.hasServices(uri) && await this.isFile(uri);
            await this.documentBuilder.update(onDisk ? [uri] : [], onDisk ? [] : [uri], token);
        })).catch(err => console.error(`journey: could not update ${uri.toString()} after it closed:`, err));
    }

    private async isFile(uri: URI): Promise<boolean> {
        try {
            return (await this.fileSystem.stat(uri)).isFile;
        } catch {
            return false;
        }
    }
}
