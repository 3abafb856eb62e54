import { diffMaps, type MapChange, type MapDiff } from '../src/model/diff.js';
import { mapModelOfDocument } from '../src/model/from-document.js';
import type { MapModel } from '../src/model/types.js';
import { URI } from 'langium';
import type { Model } from '../src/language/generated/ast.js';
import { createTestServices } from './helpers.js';

// One set of services for the whole file (creating them is the slow part); each text gets its own URI.
const services = createTestServices();
let counter = 0;

/** The map model of a text (undefined for a file without a journey). */
export async function modelOf(text: string): Promise<MapModel | undefined> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///diff/${++counter}.journey`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return mapModelOfDocument(document, services.shared.workspace.LangiumDocuments);
}

export async function diffTexts(before: string, after: string): Promise<MapDiff> {
    return diffMaps(await modelOf(before), await modelOf(after));
}

/** A change on one line, compact to compare: `changed emotion dana @need/missed score [dana]: -2 -> 0`. */
export function line(c: MapChange): string {
    const field = c.field ? ` ${c.field}` : '';
    const persona = c.persona !== undefined ? ` [${c.persona}]` : '';
    return `${c.kind} ${c.element} ${c.id} @${c.path}${field}${persona}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`;
}

export function lines(diff: MapDiff): string[] {
    return diff.changes.map(line);
}
