/**
 * Timestamps of one preview update as it passes each hop (language server, extension host,
 * webview), so the keystroke-to-picture latency can be split by hop (`npm run bench`).
 * Every process is on the same machine, so wall-clock milliseconds compare across them.
 * Dependency-free: Node and the browser both have `performance`.
 */

/** Stamp name -> wall-clock milliseconds (`performance.timeOrigin + performance.now()`). */
export type PreviewTrace = Record<string, number>;

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes. */
export function traceNow(): number {
    return performance.timeOrigin + performance.now();
}

/** The hops of an update, in order: the bench reports the time between consecutive stamps. */
export const TRACE_STAMPS = [
    'server.change', // the edit reached the language server
    'server.linked', // the document was parsed and linked
    'server.sent', // the model was built (and diffed) and sent to the client
    'host.received', // the extension host got it
    'host.posted', // the extension host posted it to the webview
    'webview.received', // the page got the message
    'webview.rendered', // the SVG text was rendered
    'webview.patched', // the DOM was patched
    'webview.painted', // the frame after the patch was painted
] as const;
