import { DefaultDocumentBuilder, interruptAndCheck, type Cancellation, type DocumentState, type LangiumDocument } from 'langium';

/**
 * Langium's builder, except that a build phase that no document went through still tells its
 * listeners. Langium skipped them, yet set the workspace state: a request waiting for the
 * workspace to reach that state (workspace symbols, rename, references) then waited for the next
 * build, and for a client without workspace folders that had opened nothing there was none.
 * The listeners are such waiting requests and caches that clear themselves: none needs a document.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    protected override async notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (documents.length > 0) return super.notifyBuildPhase(documents, state, cancelToken);
        for (const listener of this.buildPhaseListeners.get(state).slice()) {
            await interruptAndCheck(cancelToken);
            await listener(documents, cancelToken);
        }
    }
}
