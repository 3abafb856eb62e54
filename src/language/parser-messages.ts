import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { DefaultLexerErrorMessageProvider } from 'langium';

/** The keywords that start a fact inside a step (or a step-less stage). */
export const FACT_KEYWORDS = [
    'action', 'touchpoint', 'thought', 'emotion', 'barrier', 'opportunity', 'question',
    'frontstage', 'backstage', 'support', 'metric', 'evidence', 'next',
] as const;

export const PERSONA_FACT_KEYWORDS = ['role', 'goal', 'need', 'motivation', 'frustration', 'quote'] as const;

/**
 * What may come next inside each construct when the parser stops there, in the words of the
 * language. Keyed by grammar rule name; used when the parser expected the closing `}` or the
 * end of the file, which says little on its own.
 */
const EXPECTED_INSIDE: Record<string, string> = {
    Model: 'an import (before any declaration), persona, channel, team or journey',
    Persona: `a persona fact (${PERSONA_FACT_KEYWORDS.join(', ')}) or '}'`,
    Journey: "'for', 'state', 'goal' or 'description' (before the first stage), a stage, or '}'",
    Stage: "a step, a fact or '}'",
    Step: `a fact (${FACT_KEYWORDS.join(', ')}) or '}'`,
};

/** What a rule with alternatives expects, when the parser finds none of them. */
const RULE_WORDS: Record<string, string> = {
    Name: 'an id (a letter, then letters, digits, _ or -)',
    Level: "'low', 'medium' or 'high'",
    JourneyState: "'current' or 'future'",
    PersonaFactKind: `a persona fact (${PERSONA_FACT_KEYWORDS.join(', ')})`,
    Declaration: 'persona, channel or team',
    Fact: `a fact (${FACT_KEYWORDS.join(', ')})`,
    Decimal: 'a number such as 2, -1 or 3.2',
};

/** Parser messages that name what was expected in the words of the language. */
export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const found = describe(options.actual);
        if (options.expected.name === 'EOF') {
            return this.buildNotAllInputParsedMessage({ firstRedundant: options.actual, ruleName: options.ruleName });
        }
        if (options.expected.name === '}' && EXPECTED_INSIDE[rule]) {
            if (isEof(options.actual)) return `The file ends inside ${article(rule)}: expected ${EXPECTED_INSIDE[rule]}.`;
            return `Unexpected ${found} in ${article(rule)}: expected ${EXPECTED_INSIDE[rule]}.`;
        }
        return `Expected ${tokenWords(options.expected, rule)} but found ${found}${hint(options.expected, options.actual, options.previous)}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        const token = options.firstRedundant;
        if (token.image === 'import') {
            return `Unexpected 'import': imports come first in a file, before any persona, channel, team or journey.`;
        }
        return `Unexpected ${describe(token)}: expected ${EXPECTED_INSIDE.Model}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const expected = RULE_WORDS[rule] ?? alternatives(options.expectedPathsPerAlt.flat());
        // After a keyword that takes an id (`stage`, `for`, `owner`...), say which one.
        const after = rule === 'Name' && isKeywordToken(options.previous) ? ` after '${options.previous.image}'` : '';
        return `Expected ${expected}${after} but found ${describe(options.actual[0])}.`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        return `Expected at least one ${alternatives(options.expectedIterationPaths)} in ${article(rule)} but found ${describe(options.actual[0])}.`;
    }
}

/** Lexer messages: name the character, and explain the usual cause of a stray quote. */
export class JourneyLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, _line?: number, _column?: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"')) {
            return 'Unterminated text: a quoted text must end with " on the same line (write \\" for a quote inside it).';
        }
        const shown = text.length > 20 ? `${text.substring(0, 20)}…` : text;
        return `Unexpected character${length > 1 ? 's' : ''} ${JSON.stringify(shown)}: not part of the journey language.`;
    }
}

/** A short note on the usual cause of a mismatch. (A keyword read as a missing id is explained by validation/syntax-hints.ts.) */
function hint(expected: TokenType, actual: IToken, previous: IToken | undefined): string {
    if (expected.name === 'NUMBER' && previous?.image === 'emotion') return ' (an emotion starts with its score, from -2 to +2)';
    if (expected.name === 'NUMBER') return ' (a number such as 48, -1 or 3.2)';
    if (expected.name === 'STRING' && actual.image?.startsWith('"') === false && /^[A-Za-z]/.test(actual.image ?? '')) {
        return ' (texts are written in double quotes)';
    }
    return '';
}

function ruleOf(ruleName: string): string {
    return ruleName.replace(/\u200B$/, '');
}

function article(rule: string): string {
    return rule === 'Model' ? 'the file' : `a ${rule.toLowerCase()}`;
}

function tokenWords(type: TokenType, rule: string): string {
    if (type.name === 'ID' && rule !== 'Name') return RULE_WORDS.Name;
    switch (type.name) {
        case 'STRING': return 'a quoted text';
        case 'ID': return RULE_WORDS.Name;
        case 'NUMBER': return 'a number';
        case 'EOF': return 'the end of the file';
        default: return `'${type.name}'`;
    }
}

/** "'low', 'medium' or 'high'" from the first token of each expected path; an id stands for any keyword. */
function alternatives(paths: TokenType[][]): string {
    const firsts = paths.map(path => path[0]).filter((t): t is TokenType => t !== undefined);
    if (firsts.some(t => t.name === 'ID')) return RULE_WORDS.Name;
    const words = [...new Set(firsts.map(t => tokenWords(t, '')))];
    if (words.length <= 1) return words[0] ?? 'something else';
    return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function isKeywordToken(token: IToken | undefined): token is IToken {
    return !!token && token.tokenType?.name === token.image && /^[a-z]+$/.test(token.image);
}

function isEof(token: IToken | undefined): boolean {
    return !token || token.tokenType?.name === 'EOF';
}

function describe(token: IToken | undefined): string {
    if (isEof(token)) return 'the end of the file';
    const image = token!.image.length > 30 ? `${token!.image.substring(0, 30)}…` : token!.image;
    return `'${image}'`;
}
