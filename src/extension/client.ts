import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
    MapModelPushNotificationMethod, MapModelRequestMethod, PreviewSubscribeNotificationMethod,
    type MapModelParams, type MapModelPush, type MapModelResult, type PreviewSubscribeParams,
} from '../protocol/lsp.js';
import { Disposable } from './disposable.js';

/** The view of the language server the preview needs: typed custom methods only. */
export interface JourneyServerApi {
    mapModel(params: MapModelParams, token?: vscode.CancellationToken): Promise<MapModelResult>;
    /** Map models the server pushes for documents with an open preview. */
    onMapModelPush(listener: (push: MapModelPush) => void): vscode.Disposable;
    /** Asks the server to push the model of `uri` (the whole model first) until disposed. */
    subscribePreview(uri: string): vscode.Disposable;
    /** Asks for the whole model of a subscribed `uri` again (the client lost track of a patch). */
    resyncPreview(uri: string): void;
}

export const JOURNEY_LANGUAGE_ID = 'journey';

/**
 * Starts the bundled language server (`out/language-server.cjs`) over IPC the first time a
 * journey document is open (or a preview needs it), and stops it on deactivation.
 */
export class JourneyClient extends Disposable implements JourneyServerApi {
    private client: LanguageClient | undefined;
    private starting: Promise<LanguageClient> | undefined;
    private readonly pushed = this._register(new vscode.EventEmitter<MapModelPush>());
    /** Open previews per document URI: sent again when the server restarts. */
    private readonly subscriptions = new Map<string, number>();

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

    onMapModelPush(listener: (push: MapModelPush) => void): vscode.Disposable {
        return this.pushed.event(listener);
    }

    subscribePreview(uri: string): vscode.Disposable {
        this.subscriptions.set(uri, (this.subscriptions.get(uri) ?? 0) + 1);
        // Sent for every new subscriber, also a second preview of the same file: the server then
        // pushes the whole model again, which the new preview needs (the others take it too).
        this.notifySubscription(uri, true);
        let disposed = false;
        return new vscode.Disposable(() => {
            if (disposed) return;
            disposed = true;
            const left = (this.subscriptions.get(uri) ?? 1) - 1;
            if (left > 0) this.subscriptions.set(uri, left);
            else {
                this.subscriptions.delete(uri);
                this.notifySubscription(uri, false);
            }
        });
    }

    resyncPreview(uri: string): void {
        if (this.subscriptions.has(uri)) this.notifySubscription(uri, true);
    }

    private notifySubscription(uri: string, subscribed: boolean): void {
        const params: PreviewSubscribeParams = { uri, subscribed };
        void this.start().then(client => client.sendNotification(PreviewSubscribeNotificationMethod, params), () => undefined);
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
        this._register(client.onNotification(MapModelPushNotificationMethod, (push: MapModelPush) => this.pushed.fire(push)));
        // A restarted server knows no previews: tell it again (each gets the whole model).
        let started = false;
        this._register(client.onDidChangeState(e => {
            if (e.newState !== State.Running) return;
            if (started) for (const uri of this.subscriptions.keys()) void client.sendNotification(PreviewSubscribeNotificationMethod, { uri, subscribed: true });
            started = true;
        }));
        await client.start();
        this.client = client;
        return client;
    }

    override dispose(): void {
        void this.stop();
        super.dispose();
    }
}
