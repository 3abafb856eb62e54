import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { watchLintConfig } from './server-config.js';
import { registerPreviewProtocol } from './preview-protocol-handler.js';
import { acceptResponseErrorsOfEveryRelease } from './lsp/response-errors.js';
import { BomlessFileSystem } from './lsp/file-system.js';
import { LifecycleGate } from './lsp/lifecycle-gate.js';
import { StreamTransport } from './lsp/stream-transport.js';
import { publishDiagnosticsWithVersion } from './lsp/diagnostics-version.js';

acceptResponseErrorsOfEveryRelease();

// The server speaks LSP over whatever transport the command line names (--stdio, --node-ipc, --socket=N).
const lifecycle = new LifecycleGate();
const transport = StreamTransport.fromCommandLine();
const connection = transport
    ? createConnection(ProposedFeatures.all, transport.reader, transport.writer, lifecycle.options)
    : createConnection(ProposedFeatures.all, lifecycle.options);
lifecycle.install(connection, transport && (() => transport.answerInvalid()));
transport?.install(connection, () => lifecycle.isShutDown);
const { shared, Journey } = createJourneyServices({ connection, ...BomlessFileSystem });
watchLintConfig(connection, shared, Journey);
registerPreviewProtocol(connection, shared);
publishDiagnosticsWithVersion(connection, shared);
startLanguageServer(shared);
