import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format } from 'node:util';
import { ErrorCodes, StreamMessageReader, StreamMessageWriter, type Connection, type ResponseMessage } from 'vscode-languageserver/node';

/**
 * The reader and writer of `--stdio`, made here rather than inside `createConnection` so that the
 * server answers what the library drops in silence, as JSON-RPC 2.0 asks: a body that is not JSON
 * gets a Parse error (-32700), a JSON value that is no message an Invalid Request (-32600), both
 * with id null. What the library does itself for `--stdio` is kept: the server exits when stdin
 * ends (0 after `shutdown`, else 1), and console output goes to the client's log instead of
 * corrupting the protocol stream.
 */
export class StdioTransport {
    readonly reader = new StreamMessageReader(process.stdin);
    readonly writer = new StreamMessageWriter(process.stdout);

    /** The transport when the command line asks for `--stdio`; other transports stay the library's. */
    static fromCommandLine(): StdioTransport | undefined {
        return process.argv.slice(2).includes('--stdio') ? new StdioTransport() : undefined;
    }

    private constructor() {
        this.reader.onError(error => this.answerError(ErrorCodes.ParseError, `Parse error: ${error.message}`));
    }

    /** Answers a JSON value that is neither a request, a notification nor a response. */
    answerInvalid(): void {
        this.answerError(ErrorCodes.InvalidRequest, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response.');
    }

    /** Exits when the client closes stdin, with 0 only if it asked for `shutdown` first. */
    exitWhenInputEnds(isShutDown: () => boolean): void {
        const exit = () => process.exit(isShutDown() ? 0 : 1);
        process.stdin.on('end', exit);
        process.stdin.on('close', exit);
    }

    /** Sends everything the server's code writes to the console to the client's log. */
    sendConsoleTo(connection: Connection): void {
        const log = (send: (text: string) => void) => new Writable({
            write(chunk, _encoding, done) {
                send(String(chunk).replace(/\n$/, ''));
                done();
            },
        });
        const logged = new Console({ stdout: log(text => connection.console.log(text)), stderr: log(text => connection.console.error(text)) });
        logged.warn = (...args: unknown[]) => connection.console.warn(format(...args));
        globalThis.console = logged;
    }

    private answerError(code: number, message: string): void {
        const response: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code, message } };
        void this.writer.write(response).catch(() => undefined);
    }
}
