import type { AstNodeDescription, Cancellation, FileSystemProvider, LangiumCoreServices, LangiumDocument, LangiumDocuments, LocalSymbols, URI } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import type { Model } from './generated/ast.js';
import { importTarget } from './imports.js';

/**
 * Exports the top-level personas, channels, teams and journeys (Langium's default), and no
 * local symbols: the scope provider finds barriers and steps in their journey directly, which
 * keeps large maps fast.
 *
 * Before linking, it also loads imported files that nobody has loaded yet: a language server
 * with no workspace folder, or an import that leaves the folder, still sees them.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<AstNodeDescription[]> {
        await this.loadMissingImports(document);
        return super.collectExportedSymbols(document, cancelToken);
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<unknown, AstNodeDescription>() as unknown as LocalSymbols;
    }

    /**
     * Imports of this document, and transitively of the files loaded here, that are not loaded
     * yet. They link at once (scopes read their AST); they are validated in the next build.
     */
    private async loadMissingImports(document: LangiumDocument): Promise<void> {
        const queue = [document];
        while (queue.length > 0) {
            const current = queue.shift()!;
            for (const imp of (current.parseResult.value as Model).imports ?? []) {
                if (!imp.path) continue;
                const target = importTarget(current.uri, imp.path);
                if (target.scheme !== 'file' || this.documents.hasDocument(target)) continue;
                const loaded = await this.tryLoad(target);
                if (loaded) queue.push(loaded);
            }
        }
    }

    /**
     * The document at `uri`, read from the file system; undefined when there is no readable
     * regular file (`import-not-found`). Folders and named pipes are never read: a pipe would block.
     */
    private async tryLoad(uri: URI): Promise<LangiumDocument | undefined> {
        try {
            if (!(await this.fileSystem.stat(uri)).isFile) return undefined;
            return await this.documents.getOrCreateDocument(uri);
        } catch {
            return undefined;
        }
    }
}
