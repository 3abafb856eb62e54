/**
 * Custom LSP methods between the extension (client) and the language server, declared once
 * so both sides agree on names and shapes. The protocol is "push changed, pull model": the
 * server notifies when a document has been parsed and linked; a preview then asks for its map model.
 * Dependency-free on purpose: both sides import the names and `import type` the shapes.
 */
import type { MapModel } from '../model/types.js';

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

/** Notification: the server has parsed and linked a document (after an edit, an import change, a config change); validation follows. */
export const DocumentValidatedNotificationMethod = 'journey/documentValidated' as const;

export interface DocumentValidatedParams {
    uri: string;
    version: number;
    errorCount: number;
    syntaxErrorCount: number;
}

/** Every custom request: method name -> params and result, for typed wrappers on both sides. */
export interface JourneyRequests {
    [MapModelRequestMethod]: { params: MapModelParams; result: MapModelResult };
}

/** Every custom notification sent by the server: method name -> params. */
export interface JourneyNotifications {
    [DocumentValidatedNotificationMethod]: DocumentValidatedParams;
}
