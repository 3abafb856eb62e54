/**
 * Messages between the extension host and the preview webview, typed on both sides as
 * discriminated unions on `type`. The webview imports these with `import type` only.
 */
import type { MapModel, SourceRange } from '../model/types.js';
import type { JsonChange } from './json-patch.js';
import type { PreviewTrace } from './trace.js';

/** What the user chose in the toolbar; kept by the webview (setState) and restored after a reload. */
export interface PreviewViewState {
    /** Scale factor of the map, 1 = natural size. */
    zoom: number;
    /** Lanes the user switched off (renderer lane names). */
    hiddenLanes: string[];
    /** Personas whose emotion curve is shown; null shows every persona. */
    personas: string[] | null;
}

/** What the webview stores with `setState`, so the serializer can restore the panel after a reload. */
export interface PersistedPreviewState extends PreviewViewState {
    /** The previewed document's URI. */
    resource: string;
    /** Locked to its document; otherwise the preview follows the active journey editor. */
    locked?: boolean;
    scrollX?: number;
    scrollY?: number;
}

export type ExportFormat = 'svg' | 'png' | 'html';

// ---------------------------------------------------------------- host -> webview

/**
 * A new map for the preview: the whole `model` (null when the document has no journey), or a
 * `patch` to the model of update number `patch.base`. A page that does not hold that state
 * answers with a `resync` message and gets the whole model.
 */
export interface UpdateMessage {
    type: 'update';
    resource: string;
    /** Document version the model comes from: the webview ignores anything older than what it shows. */
    version: number;
    /** Numbers the model states; a later patch names the state it applies to. */
    seq?: number;
    model?: MapModel | null;
    patch?: { base: number; changes: JsonChange[] };
    /** While above zero the webview keeps its last good map and shows a banner. */
    syntaxErrorCount: number;
    errorCount: number;
    /** When the edit behind this update passed each hop, for the benchmark (see trace.ts). */
    trace?: PreviewTrace;
}

/** The editor's cursor moved to `line` (1-based): highlight the matching card, scrolling only if `reveal`. */
export interface HighlightMessage {
    type: 'highlight';
    /** The editor's cursor line (1-based), or null to highlight nothing (the setting was switched off). */
    line: number | null;
    reveal: boolean;
}

/** An export the user asked for was written (or failed): the webview shows it briefly. */
export interface ExportResultMessage {
    type: 'exportResult';
    format: ExportFormat;
    /** Where it was written; undefined when the user cancelled the save dialog. */
    path?: string;
    error?: string;
}

/** The preview shows `resource` (now, or again after a reload), locked to it or following the editor. */
export interface DocumentMessage {
    type: 'document';
    resource: string;
    locked: boolean;
}

/**
 * The host cannot show the document (it could not be opened: deleted or renamed, say, before a
 * window reload restored its preview): the page shows `text` in place of the map.
 */
export interface NoticeMessage {
    type: 'notice';
    text: string;
}

export type HostToWebviewMessage = UpdateMessage | HighlightMessage | ExportResultMessage | DocumentMessage | NoticeMessage;

// ---------------------------------------------------------------- webview -> host

/** The webview has loaded its script and listens: send the current map. */
export interface ReadyMessage {
    type: 'ready';
}

/** The user clicked an element of the map: reveal and select its source. */
export interface RevealSourceMessage {
    type: 'revealSource';
    /** 1-based source line of the clicked element (its `data-line`). */
    line: number;
    /** The element's full source range, when the webview found it in the model. */
    range?: SourceRange;
    /** The file the element is written in when it is not the previewed one (a persona it imports). */
    uri?: string;
}

/** The user asked to export the current picture; the host shows a save dialog and writes the file. */
export interface ExportMessage {
    type: 'export';
    format: ExportFormat;
    /** Text for svg and html, base64 for png. */
    data: string;
    encoding: 'utf8' | 'base64';
    /** A file name to propose, without folder. */
    suggestedName: string;
}

/** The page got a patch for a model state it does not hold: send the whole model. */
export interface ResyncMessage {
    type: 'resync';
}

export type WebviewToHostMessage = ReadyMessage | RevealSourceMessage | ExportMessage | ResyncMessage;

/** The webview's view type: the same string in `registerWebviewPanelSerializer` and `createWebviewPanel`. */
export const PREVIEW_VIEW_TYPE = 'journey.preview';

export const defaultViewState: PreviewViewState = { zoom: 1, hiddenLanes: [], personas: null };
