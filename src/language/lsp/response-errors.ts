import { ResponseError } from 'vscode-languageserver/node';

/**
 * Makes the connection send Langium's error replies as JSON-RPC errors.
 *
 * Langium answers a cancelled request, or one for a document it does not have, by returning a
 * `ResponseError`; the connection sends it as an error only if it is an instance of its own
 * class. Langium 4.4 and vscode-languageserver 10.1 depend on two different releases of
 * vscode-jsonrpc, so the bundle holds two `ResponseError` classes and the check failed: the
 * client got `{"result":{"code":-32800}}`, an error object disguised as a hover or a completion.
 * From now on the connection's class also accepts the other release's errors (anything with a
 * numeric code and the `toJson` both releases have).
 */
export function acceptResponseErrorsOfEveryRelease(): void {
    const ownInstance = Function.prototype[Symbol.hasInstance];
    Object.defineProperty(ResponseError, Symbol.hasInstance, {
        configurable: true,
        value(value: unknown): boolean {
            if (ownInstance.call(ResponseError, value)) return true;
            return value instanceof Error
                && typeof (value as { code?: unknown }).code === 'number'
                && typeof (value as { toJson?: unknown }).toJson === 'function';
        },
    });
}
