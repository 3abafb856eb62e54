import { CstUtils, type LangiumDocument } from 'langium';
import { isJourney, type Model } from '../generated/ast.js';

/**
 * Completion on a large map without touching the whole text. Langium's completion re-parses
 * the text up to the cursor and lexes the whole document on every request; on a map of
 * thousands of steps both cost more than the request's budget. These windows give the same
 * answers from a few lines.
 */

/** Below this size the whole text is cheap enough. */
const SMALL_TEXT = 20_000;

/**
 * A text that the completion parser can read instead of everything before the cursor: from
 * the start of the enclosing step (or stage) up to the cursor, behind a synthetic
 * `journey j {` (and `stage s {`) header. The parser state at a step's `step` keyword is
 * always "inside a stage of a journey", so the features that may follow are the same.
 */
export function parseWindow(document: LangiumDocument, offset: number): string | undefined {
    const model = document.parseResult.value as Model;
    const journey = lastStartingBefore(model.journeys ?? [], offset);
    if (!journey || !isJourney(journey)) return undefined;
    const stage = lastStartingBefore(journey.stages, offset);
    if (!stage) return undefined;
    const text = document.textDocument.getText();
    const step = lastStartingBefore(stage.steps, offset);
    if (step) return `journey j {\nstage s {\n${text.slice(step.$cstNode!.offset, offset)}`;
    return `journey j {\n${text.slice(stage.$cstNode!.offset, offset)}`;
}

/**
 * The part of the text to lex to find the token before the cursor and the token at it: from
 * the start of the second token before the cursor (a token boundary known from the syntax
 * tree, so the lexer starts in step) to the end of the first line after the cursor that holds
 * more than blanks (at most three lines on).
 */
export function lexWindow(document: LangiumDocument, offset: number): { start: number; end: number } | undefined {
    const text = document.textDocument.getText();
    const root = document.parseResult.value.$cstNode;
    if (!root || text.length < SMALL_TEXT) return undefined;
    const before = CstUtils.findLeafNodeBeforeOffset(root, offset);
    if (!before) return undefined;
    const start = CstUtils.getPreviousNode(before, false)?.offset ?? before.offset;
    let end = offset;
    for (let lines = 0; lines < 3 && end < text.length; lines++) {
        const next = text.indexOf('\n', end + 1);
        end = next < 0 ? text.length : next;
        if (text.slice(offset, end).trim() !== '') break;
    }
    return start <= offset ? { start, end } : undefined;
}

/** The last node (in order of appearance) whose keyword lies wholly before `offset`. */
function lastStartingBefore<T extends { $cstNode?: { offset: number } }>(nodes: T[], offset: number): T | undefined {
    let low = 0;
    let high = nodes.length - 1;
    let found: T | undefined;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const start = nodes[middle].$cstNode?.offset;
        if (start === undefined) return undefined;
        // `stage` is the longest of the keywords that open these nodes.
        if (start + 'stage'.length < offset) {
            found = nodes[middle];
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}
