import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';

/**
 * Langium's token builder, with a STRING matcher that stays linear on junk. A line holding many
 * quotes and no closing one (binary junk, a pasted blob) made the lexer scan to the end of the
 * line again from every quote: quadratic, minutes for a few megabytes. A failed scan from one quote
 * proves that every later quote up to where it got stuck (the line end, or a backslash that escapes
 * nothing) fails too: the scan passed each of them as an escaped `\"`, in the same state a new
 * scan would start in. Those are refused at once.
 */
export class JourneyTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name !== 'STRING' || !(token.PATTERN instanceof RegExp)) return token;
        return { ...token, PATTERN: linearStringMatcher(token.PATTERN), START_CHARS_HINT: ['"'], LINE_BREAKS: false };
    }
}

export function linearStringMatcher(pattern: RegExp): CustomPatternMatcherFunc {
    const sticky = new RegExp(pattern.source, 'y');
    let failedText: string | undefined;
    let failedFrom = -1;
    let failedUntil = -1;
    return (text, offset) => {
        if (offset > failedFrom && offset < failedUntil && text === failedText) return null;
        sticky.lastIndex = offset;
        const match = sticky.exec(text);
        if (!match) {
            failedText = text;
            failedFrom = offset;
            failedUntil = scanEnd(text, offset);
        }
        return match;
    };
}

/** Where a scan from the quote at `offset` got stuck: the line end or a backslash that escapes nothing. */
function scanEnd(text: string, offset: number): number {
    let i = offset + 1;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) return i;
        if (c === 92 /* \\ */) {
            const next = text.charCodeAt(i + 1);
            if (next !== 34 /* " */ && next !== 92) return i;
            i += 2;
        } else {
            i += 1;
        }
    }
    return text.length;
}
