import type { UpdateMessage } from '../src/protocol/webview.js';

export type UpdateDecision =
    | { action: 'ignore' }
    | { action: 'render'; banner?: string }
    | { action: 'keep'; banner: string }
    | { action: 'message'; text: string; banner?: string };

/**
 * What the page does with an update: ignore it if older than what it shows; keep the last good
 * map while the document has syntax errors (with a banner); show the partial map if there is
 * no good one yet, and each newer partial map after it (`shownIsPartial`: the map shown was
 * itself drawn under syntax errors, so it is no better than the new one); say so when the file
 * holds no journey.
 */
export function updateDecision(message: UpdateMessage, shownVersion: number, hasMap: boolean, shownIsPartial = false): UpdateDecision {
    if (message.version < shownVersion) return { action: 'ignore' };
    const n = message.syntaxErrorCount;
    const errors = `${n} syntax error${n === 1 ? '' : 's'}`;
    if (n > 0 && hasMap && !shownIsPartial) return { action: 'keep', banner: `${errors}: showing the last good map.` };
    if (n > 0 && message.model) return { action: 'render', banner: `${errors}: the map may be incomplete.` };
    if (n > 0 && hasMap) return { action: 'keep', banner: `${errors}: the map may be incomplete.` };
    if (n > 0) return { action: 'message', text: 'The map will appear when the file parses.', banner: `${errors}.` };
    if (!message.model) return { action: 'message', text: 'This file holds no journey (a library of personas, channels and teams).' };
    return { action: 'render' };
}
