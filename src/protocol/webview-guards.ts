/**
 * Run-time checks of the messages between the extension host and the preview webview. The
 * types in webview.ts hold only at compile time; what arrives through `postMessage` is checked
 * here before it is acted on, on both sides, so that a malformed or unknown message is dropped
 * instead of throwing in a listener or, worse, half-applied (a `document` message without a
 * resource once made the page forget which file it shows, and drop every later update).
 * No imports of code: the webview bundles this too.
 */
import type { ExportFormat, HostToWebviewMessage, WebviewToHostMessage } from './webview.js';

type Fields = Record<string, unknown>;

const FORMATS: readonly ExportFormat[] = ['svg', 'png', 'html'];

function isRecord(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const isFormat = (v: unknown): v is ExportFormat => FORMATS.includes(v as ExportFormat);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

/** A source range as the model writes it: 1-based, or all zero for an element without source. */
function isRange(v: unknown): boolean {
    return isRecord(v) && isCount(v.line) && isCount(v.column) && isCount(v.endLine) && isCount(v.endColumn);
}

function isPatch(v: unknown): boolean {
    return isRecord(v) && isCount(v.base) && Array.isArray(v.changes)
        && v.changes.every(c => isRecord(c) && Array.isArray(c.path) && c.path.every(k => isString(k) || isCount(k)));
}

/** The message from the host, if it is one the page understands; undefined otherwise. */
export function asHostMessage(data: unknown): HostToWebviewMessage | undefined {
    if (!isRecord(data)) return undefined;
    switch (data.type) {
        case 'update':
            return isString(data.resource) && isInteger(data.version) && optional(data.seq, isCount)
                && isCount(data.syntaxErrorCount) && isCount(data.errorCount)
                && optional(data.model, m => m === null || isRecord(m)) && optional(data.patch, isPatch)
                && optional(data.trace, isRecord)
                ? data as unknown as HostToWebviewMessage : undefined;
        case 'highlight':
            return (data.line === null || isLine(data.line)) && typeof data.reveal === 'boolean' ? data as unknown as HostToWebviewMessage : undefined;
        case 'exportResult':
            return isFormat(data.format) && optional(data.path, isString) && optional(data.error, isString)
                ? data as unknown as HostToWebviewMessage : undefined;
        case 'document':
            return isString(data.resource) && data.resource !== '' && typeof data.locked === 'boolean'
                ? data as unknown as HostToWebviewMessage : undefined;
        case 'notice':
            return isString(data.text) ? data as unknown as HostToWebviewMessage : undefined;
        default:
            return undefined;
    }
}

/** The message from the page, if it is one the host understands; undefined otherwise. */
export function asWebviewMessage(data: unknown): WebviewToHostMessage | undefined {
    if (!isRecord(data)) return undefined;
    switch (data.type) {
        case 'ready':
        case 'resync':
            return data as unknown as WebviewToHostMessage;
        case 'revealSource':
            return isLine(data.line) && optional(data.range, isRange) && optional(data.uri, isString)
                ? data as unknown as WebviewToHostMessage : undefined;
        case 'export':
            return isFormat(data.format) && isString(data.data) && (data.encoding === 'utf8' || data.encoding === 'base64')
                && isString(data.suggestedName)
                ? data as unknown as WebviewToHostMessage : undefined;
        default:
            return undefined;
    }
}
