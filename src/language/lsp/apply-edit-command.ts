import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceEdit } from 'vscode-languageserver';

/** The command that carries a quick fix to a client that takes only commands from textDocument/codeAction. */
export const APPLY_EDIT_COMMAND = 'journey.server.applyEdit';

/**
 * workspace/executeCommand for `journey.server.applyEdit`: asks the client to apply the edit its
 * only argument holds (workspace/applyEdit). Clients without `codeActionLiteralSupport` get each
 * quick fix as this command (see code-actions.ts).
 */
export class JourneyExecuteCommandHandler extends AbstractExecuteCommandHandler {
    private readonly shared: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super();
        this.shared = shared;
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        // Runs inside super(): the callback reads `this.shared` only when the command runs.
        acceptor(APPLY_EDIT_COMMAND, async args => {
            const edit = args[0] as WorkspaceEdit | undefined;
            const connection = this.shared.lsp.Connection;
            if (!edit || !connection) return { applied: false };
            return connection.workspace.applyEdit({ label: 'journey quick fix', edit });
        });
    }
}
