import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';

/** Parser messages that name what was expected in the words of the language. */
export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const found = describe(options.actual);
        const expected = options.expected.LABEL ?? options.expected.name;
        const after = options.previous?.image ? ` after '${options.previous.image}'` : '';
        return `Expected ${readable(expected)}${after} but found ${found}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Unexpected ${describe(options.firstRedundant)}: expected a declaration (persona, channel, team or journey).`;
    }
}

function describe(token: IToken): string {
    if (!token || token.tokenType?.name === 'EOF') return 'the end of the file';
    return `'${token.image}'`;
}

function readable(tokenName: string): string {
    switch (tokenName) {
        case 'STRING': return 'a quoted text';
        case 'ID': return 'an id';
        case 'NUMBER': return 'a number';
        default: return tokenName;
    }
}
