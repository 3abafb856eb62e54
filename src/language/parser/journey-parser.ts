import {
    createParser, DefaultLexer, DefaultTokenBuilder, DefaultValueConverter, LangiumParser,
    type AstNode, type CstNodeBuilder, type LangiumCoreServices, type ParseResult, type ParserOptions,
} from 'langium';
import { FastJourneyParser } from './fast-parser.js';
import { makeSpreadFree } from './spread-free-builder.js';
import { JourneyTokenBuilder } from './token-builder.js';

/**
 * Langium's parser with a fast path in front: a file without errors is parsed by the hand-written
 * FastJourneyParser, which builds the very same AST and CST; anything else (a lexical or syntax
 * error, a rule other than the entry rule) goes to Langium's parser, so that diagnostics and error
 * recovery are Langium's.
 */
export class JourneyParser extends LangiumParser {
    private readonly fast: FastJourneyParser | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.fast = createFastParser(services);
        // `nodeBuilder` is private in Langium's parser; only its two spreading methods are replaced.
        makeSpreadFree((this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (this.fast && !options?.rule) {
            const result = this.fast.parse(input);
            if (result) return result as unknown as ParseResult<T>;
        }
        return super.parse<T>(input, options);
    }
}

/** The parser service (the `parser.LangiumParser` entry of the module). */
export function createJourneyParser(services: LangiumCoreServices): LangiumParser {
    const parser = new JourneyParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/**
 * The fast parser reads the terminals itself and converts values as Langium's default services do,
 * so it only runs with those; with other lexer, token builder or value converter it stays off.
 * It also stays off when the grammar has changed in a way it does not know (it throws then).
 */
function createFastParser(services: LangiumCoreServices): FastJourneyParser | undefined {
    const { Lexer, TokenBuilder, ValueConverter } = services.parser;
    if (Object.getPrototypeOf(Lexer) !== DefaultLexer.prototype
        || (Object.getPrototypeOf(TokenBuilder) !== DefaultTokenBuilder.prototype && Object.getPrototypeOf(TokenBuilder) !== JourneyTokenBuilder.prototype)
        || Object.getPrototypeOf(ValueConverter) !== DefaultValueConverter.prototype) {
        return undefined;
    }
    try {
        return new FastJourneyParser(services);
    } catch {
        return undefined;
    }
}
