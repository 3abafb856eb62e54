import type { PersistedPreviewState, WebviewToHostMessage } from '../src/protocol/webview.js';

/** The part of the webview API (`acquireVsCodeApi`) the preview uses, typed with our messages. */
export interface PreviewHostApi {
    postMessage(message: WebviewToHostMessage): void;
    getState(): PersistedPreviewState | undefined;
    setState(state: PersistedPreviewState): void;
}

declare function acquireVsCodeApi(): PreviewHostApi;

/** The host API; may be acquired only once per page. */
export function hostApi(): PreviewHostApi {
    return acquireVsCodeApi();
}
