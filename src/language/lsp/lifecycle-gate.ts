import { ErrorCodes, Message, ResponseError, type Connection, type ConnectionOptions, type NotificationMessage, type RequestMessage } from 'vscode-languageserver/node';
import { paramsProblem } from './params-check.js';

/** An internal method the gate turns refused requests into, so that the connection answers them. */
const REFUSED = 'journey/refusedRequest';

interface Refusal {
    code: number;
    message: string;
}

/**
 * The LSP lifecycle rules that the library leaves to the server: before `initialize`, a request
 * is answered with ServerNotInitialized (-32002) and a notification dropped (Langium's handlers
 * waited for a workspace that never came, so such a request hung for ever); after `shutdown`, a
 * request is answered with InvalidRequest. `exit` always passes.
 *
 * An `initialize` without `capabilities` (required, but a hand-written client may leave them out)
 * is read as one with no capabilities: Langium's handlers read them and failed half-way. A
 * request whose parameters lack what the protocol requires gets InvalidParams (params-check.ts).
 *
 * `options` goes to `createConnection`; `install` then registers the answer to refused requests.
 */
export class LifecycleGate {
    private state: 'new' | 'running' | 'shutDown' = 'new';

    readonly options: ConnectionOptions = {
        messageStrategy: { handleMessage: (message, next) => this.handle(message, next) },
    };

    private answerInvalid: (() => void) | undefined;

    get isShutDown(): boolean {
        return this.state === 'shutDown';
    }

    /**
     * Registers the answer to refused requests. `answerInvalid`, when the transport can, answers a
     * message that is neither request, notification nor response (the library only logs it).
     */
    install(connection: Connection, answerInvalid?: () => void): void {
        connection.onRequest(REFUSED, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
        this.answerInvalid = answerInvalid;
    }

    private handle(message: Message, next: (message: Message) => void): void {
        if (!Message.isRequest(message) && !Message.isNotification(message)) {
            if (!Message.isResponse(message) && this.answerInvalid) return this.answerInvalid();
            return next(message);
        }
        const { method } = message;
        if (method !== 'exit') {
            if (this.state === 'new' && method !== 'initialize') {
                return this.refuse(message, ErrorCodes.ServerNotInitialized, `The server is not initialized: send 'initialize' before '${method}'.`, next);
            }
            if (this.state === 'shutDown') {
                return this.refuse(message, ErrorCodes.InvalidRequest, `The server is shut down: only 'exit' is accepted, not '${method}'.`, next);
            }
        }
        if (method === 'initialize') {
            this.state = 'running';
            if (Message.isRequest(message)) return next(withCapabilities(message));
        }
        if (method === 'shutdown') this.state = 'shutDown';
        const problem = Message.isRequest(message) ? paramsProblem(method, message.params) : undefined;
        if (problem) return this.refuse(message, ErrorCodes.InvalidParams, problem, next);
        return next(message);
    }

    /** A request gets the error; a notification is dropped. */
    private refuse(message: RequestMessage | NotificationMessage, code: number, text: string, next: (message: Message) => void): void {
        if (!Message.isRequest(message)) return;
        const refused: RequestMessage = { jsonrpc: message.jsonrpc, id: message.id, method: REFUSED, params: { code, message: text } satisfies Refusal };
        next(refused);
    }
}

/** The initialize request with `capabilities: {}` when it has none. */
function withCapabilities(message: RequestMessage): RequestMessage {
    const params = message.params;
    if (params !== null && typeof params === 'object' && !Array.isArray(params)) {
        const { capabilities } = params as { capabilities?: unknown };
        if (capabilities !== null && typeof capabilities === 'object') return message;
        return { ...message, params: { ...params, capabilities: {} } };
    }
    return params === undefined || params === null ? { ...message, params: { processId: null, rootUri: null, capabilities: {} } } : message;
}
