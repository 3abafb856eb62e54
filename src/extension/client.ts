import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
    DocumentValidatedNotificationMethod, MapModelRequestMethod,
    type DocumentValidatedParams, type MapModelParams, type MapModelResult,
} from '../protocol/lsp.js';
import { Disposable } from './disposable.js';

/** The view of the language server the preview needs: typed custom methods only. */
export interface JourneyServerApi {
    mapModel(params: MapModelParams, token?: vscode.CancellationToken): Promise<MapModelResult>;
    onDocumentValidated(listener: (params: DocumentValidatedParams) => void): vscode.Disposable;
}

export const JOURNEY_LANGUAGE_ID = 'journey';

/**
 * Starts the bundled language server (`out/language-server.cjs`) over IPC the first time a
 * journey document is open (or a preview needs it), and stops it on deactivation.
 */
export class JourneyClient extends Disposable implements JourneyServerApi {
    private client: LanguageClient | undefined;
    private starting: Promise<LanguageClient> | undefined;
    private readonly validated = this._register(new vscode.EventEmitter<DocumentValidatedParams>());

    constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
        super();
        const startIfJourney = (doc: vscode.TextDocument) => {
            if (doc.languageId === JOURNEY_LANGUAGE_ID) void this.start();
        };
        this._register(vscode.workspace.onDidOpenTextDocument(startIfJourney));
        vscode.workspace.textDocuments.forEach(startIfJourney);
    }

    /** The running client; starts the server on first use. */
    start(): Promise<LanguageClient> {
        this.starting ??= this.createAndStart().catch(err => {
            this.starting = undefined;
            this.output.error(`the language server did not start: ${String(err)}`);
            throw err;
        });
        return this.starting;
    }

    async mapModel(params: MapModelParams, token?: vscode.CancellationToken): Promise<MapModelResult> {
        const client = await this.start();
        return client.sendRequest<MapModelResult>(MapModelRequestMethod, params, token);
    }

    onDocumentValidated(listener: (params: DocumentValidatedParams) => void): vscode.Disposable {
        return this.validated.event(listener);
    }

    async stop(): Promise<void> {
        const client = this.client;
        this.client = undefined;
        this.starting = undefined;
        if (client?.isRunning()) await client.stop();
    }

    private async createAndStart(): Promise<LanguageClient> {
        const module = this.context.asAbsolutePath('out/language-server.cjs');
        const serverOptions: ServerOptions = {
            run: { module, transport: TransportKind.ipc },
            debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
        };
        const clientOptions: LanguageClientOptions = {
            documentSelector: [
                { scheme: 'file', language: JOURNEY_LANGUAGE_ID },
                { scheme: 'untitled', language: JOURNEY_LANGUAGE_ID },
            ],
            synchronize: {
                // Sends `journey.*` settings (journey.lint.rules) to the server whenever they change.
                configurationSection: JOURNEY_LANGUAGE_ID,
                // Config files change lint severities; .journey files changed on disk (imports) change maps.
                fileEvents: [
                    this._register(vscode.workspace.createFileSystemWatcher('**/journey.config.json')),
                    this._register(vscode.workspace.createFileSystemWatcher('**/*.journey')),
                ],
            },
            outputChannel: this.output,
        };
        const client = new LanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions);
        this._register(client.onNotification(DocumentValidatedNotificationMethod, (params: DocumentValidatedParams) => this.validated.fire(params)));
        await client.start();
        this.client = client;
        return client;
    }

    override dispose(): void {
        void this.stop();
        super.dispose();
    }
}
