/**
 * Custom LSP methods between the extension (client) and the language server, declared once
 * so both sides agree on names and shapes. For a document with an open preview the server
 * pushes its map model as soon as the document is linked: the whole model first, then only
 * what changed (see json-patch.ts). Any client may also ask for a model (a request).
 * Dependency-free on purpose: both sides import the names and `import type` the shapes.
 */
import type { MapModel } from '../model/types.js';
import type { JsonChange } from './json-patch.js';
import type { PreviewTrace } from './trace.js';

/** Request: the map model of one document, once it is parsed and linked. */
export const MapModelRequestMethod = 'journey/mapModel' as const;

export interface MapModelParams {
    /** The document's URI, as the client knows it (`Uri.toString()`). */
    uri: string;
}

export interface MapModelResult {
    uri: string;
    /** The text document version the model was built from; null when the server does not know the document. */
    version: number | null;
    /** The journey's map model; null for a file without a journey or an unknown document. */
    model: MapModel | null;
    /** Syntax errors and unresolved references in the document (lint checks run after the model is ready). */
    errorCount: number;
    /** Lexer and parser errors: while there are any, a preview keeps its last good map. */
    syntaxErrorCount: number;
    /** URIs of the files the document imports, transitively: a change to any of them changes the model. */
    dependencies: string[];
}

/**
 * Notification from the client: a preview of `uri` is open (`subscribed`), or the last one
 * closed. Subscribing again makes the server push the whole model once more (a resync).
 */
export const PreviewSubscribeNotificationMethod = 'journey/previewSubscribe' as const;

export interface PreviewSubscribeParams {
    uri: string;
    subscribed: boolean;
}

/**
 * Notification from the server: the map model of a subscribed document, pushed each time the
 * document (or a file it imports) is linked and something changed. `seq` numbers the model
 * states; a `patch` applies to the state numbered `base` and gives state `seq`. A client that
 * does not hold state `base` subscribes again to get the whole model.
 */
export const MapModelPushNotificationMethod = 'journey/mapModelPush' as const;

export interface MapModelPush {
    uri: string;
    version: number;
    seq: number;
    /** The whole model (null: the file holds no journey); absent when `patch` is given. */
    model?: MapModel | null;
    patch?: { base: number; changes: JsonChange[] };
    errorCount: number;
    syntaxErrorCount: number;
    dependencies: string[];
    /** When the edit behind this model passed each hop (see trace.ts). */
    trace?: PreviewTrace;
}

/** Every custom request: method name -> params and result, for typed wrappers on both sides. */
export interface JourneyRequests {
    [MapModelRequestMethod]: { params: MapModelParams; result: MapModelResult };
}

/** Every custom notification sent by the server: method name -> params. */
export interface JourneyNotifications {
    [MapModelPushNotificationMethod]: MapModelPush;
}
