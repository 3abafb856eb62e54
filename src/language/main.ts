import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { watchLintConfig } from './server-config.js';
import { registerPreviewProtocol } from './preview-protocol-handler.js';
import { acceptResponseErrorsOfEveryRelease } from './lsp/response-errors.js';
import { BomlessFileSystem } from './lsp/file-system.js';
import { LifecycleGate } from './lsp/lifecycle-gate.js';
import { StdioTransport } from './lsp/stdio-transport.js';
import { publishDiagnosticsWithVersion } from './lsp/diagnostics-version.js';

acceptResponseErrorsOfEveryRelease();

// The server speaks LSP over whatever transport the command line names (--stdio, --node-ipc, --socket=N).
const lifecycle = new LifecycleGate();
const stdio = StdioTransport.fromCommandLine();
const connection = stdio
    ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer, lifecycle.options)
    : createConnection(ProposedFeatures.all, lifecycle.options);
lifecycle.install(connection, stdio && (() => stdio.answerInvalid()));
if (stdio) {
    stdio.exitWhenInputEnds(() => lifecycle.isShutDown);
    stdio.sendConsoleTo(connection);
}
const { shared, Journey } = createJourneyServices({ connection, ...BomlessFileSystem });
watchLintConfig(connection, shared, Journey);
registerPreviewProtocol(connection, shared);
publishDiagnosticsWithVersion(connection, shared);
startLanguageServer(shared);
