import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format } from 'node:util';
import {
    createServerPipeTransport, createServerSocketTransport, ErrorCodes, StreamMessageReader, StreamMessageWriter,
    type Connection, type MessageReader, type MessageWriter, type ResponseMessage,
} from 'vscode-languageserver/node';

/**
 * The reader and writer of the byte-stream transports (`--stdio`, `--socket`, `--pipe`), made
 * here rather than inside `createConnection` so that the server answers what the library drops
 * in silence, as JSON-RPC 2.0 asks: a body that is not JSON gets a Parse error (-32700), a JSON
 * value that is no message an Invalid Request (-32600), both with id null. For `--stdio` what
 * the library does itself is kept: the server exits when stdin ends (0 after `shutdown`, else
 * 1), and console output goes to the client's log instead of corrupting the protocol stream.
 * `--node-ipc` carries objects, not text, and stays the library's.
 */
export class StreamTransport {
    /** The transport the command line names, or undefined for `--node-ipc` (and for none). */
    static fromCommandLine(args = process.argv.slice(2)): StreamTransport | undefined {
        if (args.includes('--stdio')) return new StreamTransport(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout), true);
        const port = argument(args, '--socket');
        if (port !== undefined) return new StreamTransport(...createServerSocketTransport(Number(port)), false);
        const pipe = argument(args, '--pipe');
        if (pipe !== undefined) return new StreamTransport(...createServerPipeTransport(pipe), false);
        return undefined;
    }

    private constructor(readonly reader: MessageReader, readonly writer: MessageWriter, private readonly stdio: boolean) {
        reader.onError(error => this.answerError(ErrorCodes.ParseError, `Parse error: ${error.message}`));
    }

    /** Answers a JSON value that is neither a request, a notification nor a response. */
    answerInvalid(): void {
        this.answerError(ErrorCodes.InvalidRequest, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response.');
    }

    /** For stdio: the exit when the client closes stdin, and console output sent to the client's log. */
    install(connection: Connection, isShutDown: () => boolean): void {
        if (!this.stdio) return;
        const exit = () => process.exit(isShutDown() ? 0 : 1);
        process.stdin.on('end', exit);
        process.stdin.on('close', exit);
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

/** The value of `--name=value` or `--name value`, as vscode-languageserver reads its arguments. */
function argument(args: string[], name: string): string | undefined {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === name) return args[i + 1];
        if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
    return undefined;
}
