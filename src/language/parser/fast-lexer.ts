import type { TokenType } from 'chevrotain';
import { LeafCstNodeImpl } from 'langium';

/** Kinds of the tokens the fast lexer reads; keywords get kinds of their own from KEYWORDS. */
export const enum Kind { EOF = 0, ID = 1, STRING = 2, NUMBER = 3, LBRACE = 4, RBRACE = 5, COMMA = 6, FIRST_KEYWORD = 7 }

/** The keywords of the grammar, in a fixed order that gives each its kind (FIRST_KEYWORD + index). */
export const KEYWORDS = [
    'import', 'persona', 'role', 'goal', 'need', 'motivation', 'frustration', 'quote',
    'channel', 'team', 'journey', 'for', 'state', 'description', 'current', 'future',
    'stage', 'step', 'action', 'touchpoint', 'thought', 'emotion', 'barrier', 'severity',
    'opportunity', 'fixes', 'impact', 'effort', 'owner', 'question', 'frontstage',
    'backstage', 'support', 'metric', 'target', 'evidence', 'next', 'low', 'medium', 'high',
] as const;

export type KeywordName = typeof KEYWORDS[number];

/** The kind of a keyword. */
export function kw(name: KeywordName): number {
    return Kind.FIRST_KEYWORD + KEYWORDS.indexOf(name);
}

/** Thrown when the fast path meets anything it does not handle; the caller then uses Langium's parser. */
export class GiveUp extends Error {}
const GIVE_UP = new GiveUp('fast parser: not handled');

export function giveUp(): never {
    throw GIVE_UP;
}

/** Characters that may follow the first letter of an ID: letters, digits, `_` and `-`. */
const ID_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    ID_PART[c] = /[A-Za-z0-9_-]/.test(ch) ? 1 : 0;
}

/** The token types of the comment leaves (the hidden tokens that are not skipped). */
export interface CommentTokenTypes {
    ML_COMMENT: TokenType;
    SL_COMMENT: TokenType;
}

/**
 * A pull lexer over the terminals of journey.langium, with Chevrotain's positions: lines break
 * at `\n`, `\r\n` and `\r`; columns count UTF-16 code units. It reads one token ahead of the
 * parser. Comments become hidden leaves in `pending` until the parser places them in the CST.
 * Whitespace other than ASCII, and every character no terminal matches, give up.
 */
export class FastLexer {
    private text = '';
    private pos = 0;
    private line = 0;
    private lineStart = 0;

    /** The current token. */
    kind: number = Kind.EOF;
    start = 0;
    end = 0;
    tokenLine = 0;
    tokenColumn = 0;
    /** The image of the current ID token (the value of a keyword token is its KEYWORDS entry). */
    image = '';
    /** Whether the current STRING token holds an escape. */
    escaped = false;
    /** Comments read before the current token, not yet placed in the CST. */
    pending: LeafCstNodeImpl[] = [];

    constructor(private readonly comments: CommentTokenTypes) {}

    reset(text: string): void {
        this.text = text;
        this.pos = 0;
        this.line = 0;
        this.lineStart = 0;
        this.pending = [];
        this.next();
    }

    /** Moves to the next token, reading over whitespace and comments. */
    next(): void {
        const text = this.text;
        const n = text.length;
        let p = this.pos;
        let c = 0;
        for (;;) {
            if (p >= n) {
                this.kind = Kind.EOF;
                this.start = this.end = this.pos = n;
                return;
            }
            c = text.charCodeAt(p);
            if (c === 32 || c === 9 || c === 11 || c === 12) {
                p++;
            } else if (c === 10) {
                p++;
                this.line++;
                this.lineStart = p;
            } else if (c === 13) {
                p++;
                if (text.charCodeAt(p) === 10) p++;
                this.line++;
                this.lineStart = p;
            } else if (c === 47 /* / */) {
                p = this.comment(p);
            } else {
                break;
            }
        }
        const start = p;
        this.start = start;
        this.tokenLine = this.line;
        this.tokenColumn = start - this.lineStart;
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
            // An ID, unless it is a keyword: found by a hash of its characters, without a substring.
            let hash = c;
            p++;
            while (p < n) {
                const d = text.charCodeAt(p);
                if (d >= 128 || ID_PART[d] === 0) break;
                hash = (Math.imul(hash, 31) + d) | 0;
                p++;
            }
            const kind = keywordKind(text, start, p - start, hash);
            this.kind = kind;
            if (kind === Kind.ID) this.image = text.slice(start, p);
        } else if (c === 34 /* " */) {
            p = this.string(p);
            this.kind = Kind.STRING;
        } else if ((c >= 48 && c <= 57) || c === 45 || c === 43) {
            p = this.number(p);
            this.kind = Kind.NUMBER;
        } else if (c === 123) {
            p++;
            this.kind = Kind.LBRACE;
        } else if (c === 125) {
            p++;
            this.kind = Kind.RBRACE;
        } else if (c === 44) {
            p++;
            this.kind = Kind.COMMA;
        } else {
            giveUp();
        }
        this.end = this.pos = p;
    }

    /** `//` to the end of the line, or `/*` to the first `*\/`; anything else after `/` gives up. */
    private comment(p: number): number {
        const text = this.text;
        const next = text.charCodeAt(p + 1);
        const start = p;
        const line = this.line;
        const column = p - this.lineStart;
        let type: TokenType;
        if (next === 47) {
            p += 2;
            while (p < text.length) {
                const c = text.charCodeAt(p);
                if (c === 10 || c === 13) break;
                p++;
            }
            type = this.comments.SL_COMMENT;
        } else if (next === 42) {
            const close = text.indexOf('*/', p + 2);
            if (close < 0) giveUp();
            const end = close + 2;
            for (let i = p + 2; i < close; i++) {
                const c = text.charCodeAt(i);
                if (c === 10) {
                    this.line++;
                    this.lineStart = i + 1;
                } else if (c === 13) {
                    if (text.charCodeAt(i + 1) === 10) i++;
                    this.line++;
                    this.lineStart = i + 1;
                }
            }
            p = end;
            type = this.comments.ML_COMMENT;
        } else {
            giveUp();
        }
        this.pending.push(new LeafCstNodeImpl(start, p - start, line, column, this.line, p - this.lineStart, type, true));
        return p;
    }

    /** `"` ... `"` on one line, with `\"` and `\\` as the only escapes. */
    private string(p: number): number {
        const text = this.text;
        const n = text.length;
        let escaped = false;
        p++;
        for (;;) {
            if (p >= n) giveUp();
            const c = text.charCodeAt(p);
            if (c === 34) break;
            if (c === 92) {
                const d = text.charCodeAt(p + 1);
                if (d !== 34 && d !== 92) giveUp();
                escaped = true;
                p += 2;
            } else if (c === 10 || c === 13) {
                giveUp();
            } else {
                p++;
            }
        }
        this.escaped = escaped;
        return p + 1;
    }

    /** `[+-]?[0-9]+(\.[0-9]+)?` */
    private number(p: number): number {
        const text = this.text;
        const c = text.charCodeAt(p);
        if (c === 45 || c === 43) p++;
        if (!isDigit(text.charCodeAt(p))) giveUp();
        while (isDigit(text.charCodeAt(p))) p++;
        if (text.charCodeAt(p) === 46 && isDigit(text.charCodeAt(p + 1))) {
            p += 2;
            while (isDigit(text.charCodeAt(p))) p++;
        }
        return p;
    }

    /** The comments read before the current token; the lexer forgets them. */
    takePending(): LeafCstNodeImpl[] {
        const pending = this.pending;
        this.pending = [];
        return pending;
    }
}

/** Keyword kinds in an open-addressing table, by the hash the lexer computes while reading an ID. */
const TABLE_MASK = 511;
const KEYWORD_TABLE = new Int16Array(TABLE_MASK + 1);

function hashOf(word: string): number {
    let hash = word.charCodeAt(0);
    for (let i = 1; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
    return hash;
}

function slotOf(hash: number): number {
    return (hash ^ (hash >>> 9)) & TABLE_MASK;
}

KEYWORDS.forEach((word, i) => {
    let slot = slotOf(hashOf(word));
    while (KEYWORD_TABLE[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
    KEYWORD_TABLE[slot] = Kind.FIRST_KEYWORD + i;
});

/** The kind of the word text[start, start + length): a keyword's, or ID. */
function keywordKind(text: string, start: number, length: number, hash: number): number {
    let slot = slotOf(hash);
    let kind: number;
    while ((kind = KEYWORD_TABLE[slot]) !== 0) {
        const word = KEYWORDS[kind - Kind.FIRST_KEYWORD];
        if (word.length === length && text.startsWith(word, start)) return kind;
        slot = (slot + 1) & TABLE_MASK;
    }
    return Kind.ID;
}

function isDigit(c: number): boolean {
    return c >= 48 && c <= 57;
}
