import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type AstNode, type LangiumCoreServices, type LeafCstNode, type ParseResult } from 'langium';

/**
 * The canonical layout of a `.journey` file, computed from its tokens and comments:
 * - two-space indent, one fact (or declaration, header line, stage, step) per line;
 * - one space between tokens, none before a comma;
 * - one blank line between top-level declarations (a run of one-line declarations of the same
 *   kind, such as several `team` lines, stays together), after the imports, between stages
 *   and after a journey's header lines;
 * - every comment kept: a comment that followed a token on its line stays there, a comment
 *   on its own line stays on its own line above what followed it (blank lines next to such
 *   comments are kept, at most one).
 * Only the whitespace between tokens changes (and trailing blanks of line comments), so the
 * meaning of the map cannot change.
 */

export interface SyntaxProblem {
    /** 1-based */
    line: number;
    /** 1-based */
    column: number;
    message: string;
}

export type FormatTextResult =
    | { ok: true; text: string; changed: boolean }
    | { ok: false; errors: SyntaxProblem[] };

/** One replacement of the whitespace between two items (offsets into the original text). */
export interface WhitespaceEdit {
    start: number;
    end: number;
    newText: string;
}

const INDENT = '  ';

const LINE_NODES = new Set([
    'Import', 'Persona', 'Channel', 'Team', 'Journey', 'Stage', 'Step', 'PersonaFact',
    'Action', 'Touchpoint', 'Thought', 'Emotion', 'Barrier', 'Opportunity', 'Question',
    'Frontstage', 'Backstage', 'Support', 'Metric', 'Evidence', 'Next',
]);
const HEADER_KEYWORDS = new Set(['for', 'state', 'goal', 'description']);
const TOP_LEVEL = new Set(['Import', 'Persona', 'Channel', 'Team', 'Journey']);

interface Item {
    start: number;
    end: number;
    text: string;
    comment?: 'line' | 'block';
    leaf?: LeafCstNode;
}

/**
 * Formats journey source text (what `journey fmt` calls). Returns the syntax errors instead,
 * with 1-based lines and columns, when the text does not parse: a broken file is never
 * reformatted. Line ends stay as they were (CRLF or LF); the result ends with one line end.
 */
export function formatJourneyText(services: LangiumCoreServices, text: string): FormatTextResult {
    const parseResult = services.parser.LangiumParser.parse(text);
    const errors = syntaxProblems(parseResult);
    if (errors.length > 0) return { ok: false, errors };
    const edits = formattingEdits(services, text, parseResult);
    const formatted = applyEdits(text, edits);
    return { ok: true, text: formatted, changed: formatted !== text };
}

export function syntaxProblems(parseResult: ParseResult): SyntaxProblem[] {
    const problems: SyntaxProblem[] = [];
    for (const error of parseResult.lexerErrors) {
        problems.push({ line: error.line ?? 1, column: error.column ?? 1, message: error.message });
    }
    for (const error of parseResult.parserErrors) {
        const token = error.token;
        const before = (error as { previousToken?: { endLine?: number; endColumn?: number } }).previousToken;
        // At the end of the file the token is EOF, which has no position: use the token before it.
        const atToken = (token.startLine ?? NaN) > 0;
        const line = atToken ? token.startLine! : Math.max(1, before?.endLine ?? 1);
        const column = atToken ? token.startColumn! : Math.max(0, before?.endColumn ?? 0) + 1;
        problems.push({ line, column, message: error.message });
    }
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function applyEdits(text: string, edits: WhitespaceEdit[]): string {
    let result = '';
    let offset = 0;
    for (const edit of edits) {
        result += text.slice(offset, edit.start) + edit.newText;
        offset = edit.end;
    }
    return result + text.slice(offset);
}

/**
 * The edits that turn `text` (which must parse without errors into `parseResult`) into its
 * canonical form, in order of offset, none overlapping.
 */
export function formattingEdits(services: LangiumCoreServices, text: string, parseResult: ParseResult): WhitespaceEdit[] {
    const items = collectItems(services, text, parseResult);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const layout = new Layout(items, text, eol);
    const separators = layout.separators();
    const edits: WhitespaceEdit[] = [];
    let previousEnd = 0;
    for (let i = 0; i < items.length; i++) {
        pushEdit(edits, text, previousEnd, items[i].start, separators[i]);
        // Trailing blanks inside a line comment are dropped.
        const trimmedEnd = items[i].start + items[i].text.length;
        pushEdit(edits, text, trimmedEnd, items[i].end, '');
        previousEnd = items[i].end;
    }
    pushEdit(edits, text, previousEnd, text.length, items.length > 0 ? eol : '');
    return edits;
}

function pushEdit(edits: WhitespaceEdit[], text: string, start: number, end: number, newText: string): void {
    if (text.slice(start, end) !== newText) edits.push({ start, end, newText });
}

function collectItems(services: LangiumCoreServices, text: string, parseResult: ParseResult): Item[] {
    const items: Item[] = [];
    const root = parseResult.value.$cstNode;
    if (root) {
        for (const node of CstUtils.streamCst(root)) {
            if (isLeafCstNode(node) && !node.hidden && node.length > 0) {
                items.push({ start: node.offset, end: node.end, text: node.text, leaf: node });
            }
        }
    }
    for (const token of services.parser.Lexer.tokenize(text).hidden) {
        const isLine = token.image.startsWith('//');
        const start = token.startOffset;
        items.push({ start, end: start + token.image.length, text: isLine ? token.image.trimEnd() : token.image, comment: isLine ? 'line' : 'block' });
    }
    return items.sort((a, b) => a.start - b.start);
}

class Layout {
    private depth = 0;
    /** Set after a line comment: the next item starts a new line. */
    private mustBreak = false;
    /** The comments since the last token began on a line of their own. */
    private ownLineComments = false;
    private lastTopLevel: AstNode | undefined;

    constructor(private readonly items: Item[], private readonly text: string, private readonly eol: string) {}

    separators(): string[] {
        return this.items.map((item, index) => (item.comment ? this.commentSeparator(index) : this.tokenSeparator(index)));
    }

    private tokenSeparator(index: number): string {
        const item = this.items[index];
        const previous = this.items[index - 1];
        const afterOwnLineComment = this.ownLineComments;
        this.ownLineComments = false;
        let separator: string;
        if (item.text === '}') {
            this.depth = Math.max(0, this.depth - 1);
            separator = previous?.text === '{' && !previous.comment ? '' : this.newline(false, this.depth);
        } else if (this.isLineStart(item)) {
            const blank = afterOwnLineComment ? this.blankBetween(index - 1, index) : this.structuralBlank(index);
            this.noteTopLevel(item);
            separator = index === 0 ? '' : this.newline(blank, this.depth);
        } else if (this.mustBreak) {
            separator = this.newline(false, this.depth + 1);
        } else {
            separator = index === 0 || item.text === ',' ? '' : ' ';
        }
        this.mustBreak = false;
        if (item.text === '{') this.depth++;
        return separator;
    }

    private commentSeparator(index: number): string {
        const item = this.items[index];
        this.mustBreak = item.comment === 'line';
        if (index > 0 && this.isTrailing(index)) {
            return ' ';
        }
        const firstOfGroup = !this.ownLineComments;
        this.ownLineComments = true;
        if (index === 0) return '';
        // A comment on its own line belongs to what follows it, and takes its indentation.
        let nextIndex = index + 1;
        while (nextIndex < this.items.length && this.items[nextIndex].comment) nextIndex++;
        const next = this.items[nextIndex] as Item | undefined;
        const previous = this.items[index - 1];
        const continuation = next !== undefined && next.text !== '}' && !this.isLineStart(next);
        let blank = false;
        if (!continuation && !(previous.text === '{' && !previous.comment)) {
            blank = this.blankBetween(index - 1, index);
            // Above the first comment of a group, the blank line the structure asks for.
            if (firstOfGroup && next && next.text !== '}') {
                blank ||= this.structuralBlank(nextIndex);
            }
        }
        return this.newline(blank, continuation ? this.depth + 1 : this.depth);
    }

    private newline(blank: boolean, indent: number): string {
        return (blank ? this.eol : '') + this.eol + INDENT.repeat(indent);
    }

    /** The item starts on the line where the item before it ends, in the original text. */
    private isTrailing(index: number): boolean {
        return !this.text.slice(this.items[index - 1].end, this.items[index].start).includes('\n');
    }

    private blankBetween(a: number, b: number): boolean {
        const gap = this.text.slice(this.items[a].end, this.items[b].start);
        return (gap.match(/\n/g)?.length ?? 0) >= 2;
    }

    private isLineStart(item: Item): boolean {
        const leaf = item.leaf;
        if (!leaf) return false;
        const node = leaf.astNode;
        if (LINE_NODES.has(node.$type) && node.$cstNode?.offset === leaf.offset) return true;
        if (node.$type === 'Journey' && HEADER_KEYWORDS.has(leaf.text) && GrammarAST.isKeyword(leaf.grammarSource)) {
            return AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name === 'Journey';
        }
        return false;
    }

    /** Whether the line-start token at `index` gets a blank line above it, by the structure alone. */
    private structuralBlank(index: number): boolean {
        const item = this.items[index];
        const node = item.leaf!.astNode;
        if (node.$cstNode?.offset !== item.start) return false;
        if (TOP_LEVEL.has(node.$type)) {
            const previous = this.lastTopLevel;
            if (!previous || previous === node) return false;
            if (previous.$type === 'Import' && node.$type === 'Import') return false;
            return !(previous.$type === node.$type && isOneLine(previous) && isOneLine(node));
        }
        if (node.$type === 'Stage') {
            let before = index - 1;
            while (before >= 0 && this.items[before].comment) before--;
            return before >= 0 && this.items[before].text !== '{';
        }
        return false;
    }

    private noteTopLevel(item: Item): void {
        const node = item.leaf!.astNode;
        if (TOP_LEVEL.has(node.$type) && node.$cstNode?.offset === item.start) this.lastTopLevel = node;
    }
}

function isOneLine(node: AstNode): boolean {
    if (node.$type === 'Channel' || node.$type === 'Team') return true;
    return node.$type === 'Persona' && GrammarUtils.findNodeForKeyword(node.$cstNode, '{') === undefined;
}
