import { EmptyFileSystem } from 'langium';
import type { Model } from '../../language/generated/ast.js';
import { createJourneyServices } from '../../language/journey-module.js';
import { buildMapModel } from '../../model/build-model.js';
import type { MapModel } from '../../model/types.js';

export interface FenceProblem {
    line: number;
    column: number;
    message: string;
}

export type FenceParse = { model: MapModel; problems: [] } | { model: undefined; problems: FenceProblem[] };

let parser: ReturnType<typeof createJourneyServices>['Journey']['parser']['LangiumParser'] | undefined;

/**
 * Parses the text of a fenced ```journey block into a map model, synchronously (markdown-it
 * renders synchronously). Parse only: a block stands alone, so its references are taken as
 * written and its imports are not followed; labels come from the block's own declarations.
 */
export function parseFence(text: string): FenceParse {
    parser ??= createJourneyServices(EmptyFileSystem).Journey.parser.LangiumParser;
    const result = parser.parse<Model>(text);
    const end = endOf(text);
    const problems: FenceProblem[] = [
        ...result.lexerErrors.map(e => ({ line: positive(e.line) ? e.line : end.line, column: positive(e.column) ? e.column : end.column, message: e.message })),
        // An error at the end of the text comes with the end-of-file token, whose position is NaN or -1.
        ...result.parserErrors.map(e => positive(e.token.startLine) && positive(e.token.startColumn)
            ? { line: e.token.startLine, column: e.token.startColumn, message: e.message }
            : { ...end, message: e.message }),
    ];
    if (problems.length > 0) return { model: undefined, problems };
    const model = result.value;
    // As in a file (the error `multiple-journeys`, which the CLI refuses to draw): one map per block.
    const extra = model.journeys.slice(1).map(journey => ({
        line: (journey.$cstNode?.range.start.line ?? 0) + 1,
        column: (journey.$cstNode?.range.start.character ?? 0) + 1,
        message: `A block holds at most one journey; '${journey.name}' is another (multiple-journeys). Put it in a block of its own.`,
    }));
    if (extra.length > 0) return { model: undefined, problems: extra };
    const declarations = model.declarations;
    const mapModel = buildMapModel(model, {
        personas: declarations.filter(d => d.$type === 'Persona'),
        channels: declarations.filter(d => d.$type === 'Channel').map(c => ({ name: c.name, label: c.label })),
        teams: declarations.filter(d => d.$type === 'Team').map(t => ({ name: t.name, label: t.label })),
    });
    if (!mapModel) return { model: undefined, problems: [{ line: 1, column: 1, message: 'The block holds no journey.' }] };
    return { model: mapModel, problems: [] };
}

function positive(n: number | undefined): n is number {
    return n !== undefined && Number.isFinite(n) && n >= 1;
}

/** The 1-based line and column just after the block's last character (its final line break left out). */
function endOf(text: string): { line: number; column: number } {
    const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
