import type { TokenType } from 'chevrotain';
import {
    type AstNode, type CompositeCstNodeImpl, type GrammarAST, type LangiumCoreServices, type Linker, type ParseResult, type Reference, type TokenBuilder,
} from 'langium';
import type { Model } from '../generated/ast.js';
import { FastCstBuilder } from './cst-builder.js';
import { FastLexer, GiveUp, KEYWORDS, Kind, giveUp, kw } from './fast-lexer.js';
import { JourneyElements, type Defaults, type Kw } from './grammar-elements.js';

/** An AST node while it is built: properties are added in the order Langium's parser adds them. */
type Node = { $type: string; [property: string]: unknown };

const K_IMPORT = kw('import'), K_PERSONA = kw('persona'), K_CHANNEL = kw('channel'), K_TEAM = kw('team');
const K_JOURNEY = kw('journey'), K_FOR = kw('for'), K_STATE = kw('state'), K_GOAL = kw('goal'), K_DESCRIPTION = kw('description');
const K_STAGE = kw('stage'), K_STEP = kw('step'), K_SEVERITY = kw('severity'), K_FIXES = kw('fixes');
const K_IMPACT = kw('impact'), K_EFFORT = kw('effort'), K_OWNER = kw('owner'), K_TARGET = kw('target');
const K_TOUCHPOINT = kw('touchpoint'), K_EMOTION = kw('emotion'), K_BARRIER = kw('barrier'), K_OPPORTUNITY = kw('opportunity');
const K_FRONTSTAGE = kw('frontstage'), K_BACKSTAGE = kw('backstage'), K_SUPPORT = kw('support'), K_METRIC = kw('metric'), K_NEXT = kw('next');

/**
 * A hand-written lexer and recursive-descent parser for journey.langium that builds exactly
 * what Langium's parser builds for a file without errors: the same AST (property order,
 * defaults, containers, references made by the Linker) and the same CST (node classes,
 * grammar sources, positions, comments as hidden leaves in the same places). On anything
 * else, `parse` returns undefined and the caller uses Langium's parser. When the grammar
 * changes, this file must change too; tests/fast-parser.test.ts compares both parsers.
 */
export class FastJourneyParser {
    private readonly g: JourneyElements;
    private readonly lx: FastLexer;
    private readonly cst = new FastCstBuilder();
    private readonly linker: Linker;
    private readonly tokenBuilder: TokenBuilder;
    private readonly types: TokenType[];
    private text = '';

    /** Throws when the grammar has changed in a way the fast parser does not know. */
    constructor(services: LangiumCoreServices) {
        this.g = new JourneyElements(services.Grammar, services.parser.Lexer.definition as Record<string, TokenType>, services.shared.AstReflection);
        this.types = this.g.tokenTypes;
        this.lx = new FastLexer(this.g.comments);
        this.linker = services.references.Linker;
        this.tokenBuilder = services.parser.TokenBuilder;
        // The facts built as object literals have no properties with default values.
        for (const fact of this.g.facts) {
            if (fact && fact.type !== 'Opportunity' && fact.defaults.length > 0) throw new Error(`fast parser: ${fact.type} has default values`);
        }
    }

    /**
     * Parses `text` as Langium's parser would, or returns undefined when the fast path does not
     * handle it (a lexical or syntax error, or anything unexpected). With `rethrow`, errors other
     * than "not handled" are thrown (for tests).
     */
    parse(text: string, rethrow = false): ParseResult<Model> | undefined {
        try {
            return this.parseModel(text);
        } catch (error) {
            if (rethrow && !(error instanceof GiveUp)) throw error;
            return undefined;
        } finally {
            this.text = '';
            this.lx.reset('');
            this.cst.release();
        }
    }

    // --- The rules ---

    private parseModel(text: string): ParseResult<Model> {
        this.text = text;
        const root = this.cst.begin(text);
        const lx = this.lx;
        const g = this.g.model;
        lx.reset(text);
        const model: Node = { $type: 'Model' };
        let imports: Node[] | undefined;
        let declarations: Node[] | undefined;
        let journeys: Node[] | undefined;
        while (lx.kind === K_IMPORT) {
            if (!imports) model.imports = imports = [];
            imports.push(this.contained(this.parseImport(g.imports), model, 'imports', imports.length));
        }
        for (;;) {
            const kind = lx.kind;
            if (kind === K_PERSONA || kind === K_CHANNEL || kind === K_TEAM) {
                if (!declarations) model.declarations = declarations = [];
                declarations.push(this.contained(this.parseDeclaration(g.declarations), model, 'declarations', declarations.length));
            } else if (kind === K_JOURNEY) {
                if (!journeys) model.journeys = journeys = [];
                journeys.push(this.contained(this.parseJourney(g.journeys), model, 'journeys', journeys.length));
            } else {
                break;
            }
        }
        if (lx.kind !== Kind.EOF) giveUp();
        // Comments after the last token; Langium adds them after closing the root, in the same place.
        if (lx.pending.length > 0) this.cst.hidden(lx.takePending());
        this.cst.end();
        model.$cstNode = root;
        for (const [name, value] of g.defaults) {
            if (model[name] === undefined) model[name] = copyDefault(value);
        }
        root.astNode = model as unknown as AstNode;
        return {
            value: model as unknown as Model,
            lexerErrors: [],
            lexerReport: this.tokenBuilder.flushLexingReport?.(text),
            parserErrors: [],
        };
    }

    private parseImport(call: GrammarAST.AbstractElement): Node {
        const g = this.g.import;
        this.cst.openNode(call);
        const node: Node = { $type: 'Import' };
        this.keyword(g.keyword);
        node.path = this.string(g.path);
        return this.finish(node, g.defaults);
    }

    /** Declaration: Persona | Channel | Team. The node ends with the outer CST node, as in Langium. */
    private parseDeclaration(call: GrammarAST.AbstractElement): Node {
        this.cst.openNode(call);
        const kind = this.lx.kind;
        let node: Node;
        if (kind === K_PERSONA) {
            node = this.parsePersona();
        } else {
            const g = kind === K_CHANNEL ? this.g.channel : this.g.team;
            this.cst.openNode(g.call);
            node = { $type: kind === K_CHANNEL ? 'Channel' : 'Team' };
            this.keyword(g.keyword);
            node.name = this.name(g.name);
            if (this.lx.kind === Kind.STRING) node.label = this.string(g.label);
            this.finish(node, g.defaults);
        }
        node.$cstNode = this.cst.closeNode();
        return node;
    }

    private parsePersona(): Node {
        const lx = this.lx;
        const g = this.g.persona;
        this.cst.openNode(g.call);
        const node: Node = { $type: 'Persona' };
        this.keyword(g.keyword);
        node.name = this.name(g.name);
        if (lx.kind === Kind.STRING) node.label = this.string(g.label);
        if (lx.kind === Kind.LBRACE) {
            this.keyword(g.open);
            const f = this.g.personaFact;
            let facts: Node[] | undefined;
            while (this.g.personaFactKinds[lx.kind]) {
                if (!facts) node.facts = facts = [];
                this.cst.openNode(g.facts);
                const fact: Node = { $type: 'PersonaFact' };
                fact.kind = this.keywordValue(f.kind, this.g.personaFactKinds);
                fact.text = this.string(f.text);
                facts.push(this.contained(this.finish(fact, f.defaults), node, 'facts', facts.length));
            }
            this.keyword(g.close);
        }
        return this.finish(node, g.defaults);
    }

    private parseJourney(call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const g = this.g.journey;
        this.cst.openNode(call);
        const node: Node = { $type: 'Journey' };
        this.keyword(g.keyword);
        node.name = this.name(g.name);
        if (lx.kind === Kind.STRING) node.title = this.string(g.label);
        this.keyword(g.open);
        let personas: Reference[] | undefined;
        for (;;) {
            const kind = lx.kind;
            if (kind === K_FOR) {
                this.keyword(g.for);
                if (!personas) node.personas = personas = [];
                personas.push(this.reference(node, 'personas', g.personas));
                while (lx.kind === Kind.COMMA) {
                    this.keyword(g.comma);
                    personas.push(this.reference(node, 'personas', g.personas2));
                }
            } else if (kind === K_STATE) {
                this.keyword(g.state);
                node.state = this.keywordValue(g.stateValue, this.g.journeyStates);
            } else if (kind === K_GOAL) {
                this.keyword(g.goal);
                node.goal = this.string(g.goalValue);
            } else if (kind === K_DESCRIPTION) {
                this.keyword(g.description);
                node.description = this.string(g.descriptionValue);
            } else {
                break;
            }
        }
        let stages: Node[] | undefined;
        while (lx.kind === K_STAGE) {
            if (!stages) node.stages = stages = [];
            stages.push(this.contained(this.parseStage(g.stages), node, 'stages', stages.length));
        }
        this.keyword(g.close);
        return this.finish(node, g.defaults);
    }

    private parseStage(call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const g = this.g.stage;
        this.cst.openNode(call);
        const node: Node = { $type: 'Stage' };
        this.keyword(g.keyword);
        node.name = this.name(g.name);
        if (lx.kind === Kind.STRING) node.label = this.string(g.label);
        this.keyword(g.open);
        let steps: Node[] | undefined;
        let facts: Node[] | undefined;
        for (;;) {
            const kind = lx.kind;
            if (kind === K_STEP) {
                if (!steps) node.steps = steps = [];
                steps.push(this.contained(this.parseStep(g.steps), node, 'steps', steps.length));
            } else if (this.g.facts[kind]) {
                if (!facts) node.facts = facts = [];
                facts.push(this.parseFact(g.facts, node, facts.length));
            } else {
                break;
            }
        }
        this.keyword(g.close);
        return this.finish(node, g.defaults);
    }

    private parseStep(call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const g = this.g.step;
        this.cst.openNode(call);
        const node: Node = { $type: 'Step' };
        this.keyword(g.keyword);
        node.name = this.name(g.name);
        if (lx.kind === Kind.STRING) node.label = this.string(g.label);
        this.keyword(g.open);
        let facts: Node[] | undefined;
        while (this.g.facts[lx.kind]) {
            if (!facts) node.facts = facts = [];
            facts.push(this.parseFact(g.facts, node, facts.length));
        }
        this.keyword(g.close);
        return this.finish(node, g.defaults);
    }

    /**
     * Fact: Action | Touchpoint | ... The node gets the outer CST node, as in Langium. Most facts
     * are built as one object literal once their parts are read, with the properties in the order
     * Langium's parser adds them (parts, `$cstNode`, defaults, container); a reference property
     * starts undefined and gets its Reference once the node exists.
     */
    private parseFact(call: GrammarAST.AbstractElement, container: Node, index: number): Node {
        const lx = this.lx;
        const cst = this.cst;
        const outer = cst.openNode(call);
        const kind = lx.kind;
        const g = this.g.facts[kind];
        const f = g.fields as Required<typeof g.fields>;
        const k = g.keywords as Required<typeof g.keywords>;
        cst.openNode(g.call);
        this.keyword(g.keyword);
        let node: Node;
        switch (kind) {
            case K_TOUCHPOINT: {
                const channel = this.referenceNode(f.channel);
                const channelText = this.referenceText;
                const text = lx.kind === Kind.STRING ? this.string(f.text) : undefined;
                this.closeFact(outer);
                node = text === undefined
                    ? { $type: 'Touchpoint', channel: undefined, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index }
                    : { $type: 'Touchpoint', channel: undefined, text, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                node.channel = this.linker.buildReference(node as unknown as AstNode, 'channel', channel, channelText);
                break;
            }
            case K_EMOTION: {
                const score = this.decimal(f.score);
                const label = lx.kind === Kind.STRING ? this.string(f.label) : undefined;
                let persona: CompositeCstNodeImpl | undefined;
                let personaText = '';
                // Each `for` is assigned in turn: the last one stays.
                while (lx.kind === K_FOR) {
                    this.keyword(k.for);
                    persona = this.referenceNode(f.persona);
                    personaText = this.referenceText;
                }
                this.closeFact(outer);
                if (persona === undefined) {
                    node = label === undefined
                        ? { $type: 'Emotion', score, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index }
                        : { $type: 'Emotion', score, label, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                } else {
                    node = label === undefined
                        ? { $type: 'Emotion', score, persona: undefined, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index }
                        : { $type: 'Emotion', score, label, persona: undefined, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                    node.persona = this.linker.buildReference(node as unknown as AstNode, 'persona', persona, personaText);
                }
                break;
            }
            case K_BARRIER: {
                const name = lx.kind !== Kind.STRING ? this.name(f.name) : undefined;
                const text = this.string(f.text);
                let severity: string | undefined;
                while (lx.kind === K_SEVERITY) {
                    this.keyword(k.severity);
                    severity = this.keywordValue(f.severity, this.g.levels);
                }
                this.closeFact(outer);
                if (name === undefined) {
                    node = severity === undefined
                        ? { $type: 'Barrier', text, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index }
                        : { $type: 'Barrier', text, severity, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                } else {
                    node = severity === undefined
                        ? { $type: 'Barrier', name, text, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index }
                        : { $type: 'Barrier', name, text, severity, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                }
                break;
            }
            case K_OPPORTUNITY: {
                // Modifiers in any order: built step by step, as Langium does.
                node = { $type: 'Opportunity' };
                if (lx.kind !== Kind.STRING) node.name = this.name(f.name);
                node.text = this.string(f.text);
                this.opportunityModifiers(node, f, k);
                this.closeFact(outer);
                node.$cstNode = outer;
                this.setDefaults(node, g.defaults);
                node.$container = container;
                node.$containerProperty = 'facts';
                node.$containerIndex = index;
                break;
            }
            case K_FRONTSTAGE: case K_BACKSTAGE: case K_SUPPORT: {
                const text = this.string(f.text);
                let owner: CompositeCstNodeImpl | undefined;
                let ownerText = '';
                while (lx.kind === K_OWNER) {
                    this.keyword(k.owner);
                    owner = this.referenceNode(f.owner);
                    ownerText = this.referenceText;
                }
                this.closeFact(outer);
                const $type = g.type;
                if (owner === undefined) {
                    node = { $type, text, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                } else {
                    node = { $type, text, owner: undefined, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                    node.owner = this.linker.buildReference(node as unknown as AstNode, 'owner', owner, ownerText);
                }
                break;
            }
            case K_METRIC: {
                const name = this.name(f.name);
                const value = this.decimal(f.value);
                let target: number | undefined;
                while (lx.kind === K_TARGET) {
                    this.keyword(k.target);
                    target = this.decimal(f.target);
                }
                this.closeFact(outer);
                node = target === undefined
                    ? { $type: 'Metric', name, value, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index }
                    : { $type: 'Metric', name, value, target, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                break;
            }
            case K_NEXT: {
                const step = this.referenceNode(f.step);
                const stepText = this.referenceText;
                this.closeFact(outer);
                node = { $type: 'Next', step: undefined, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
                node.step = this.linker.buildReference(node as unknown as AstNode, 'step', step, stepText);
                break;
            }
            default: { // action, thought, question, evidence
                const text = this.string(f.text);
                this.closeFact(outer);
                node = { $type: g.type, text, $cstNode: outer, $container: container, $containerProperty: 'facts', $containerIndex: index };
            }
        }
        outer.astNode = node as unknown as AstNode;
        return node;
    }

    /** Closes the fact rule's CST node and the Fact node around it. */
    private closeFact(outer: CompositeCstNodeImpl): void {
        this.cst.closeNode();
        if (this.cst.closeNode() !== outer) giveUp();
    }

    private opportunityModifiers(
        node: Node,
        f: Record<'fixes' | 'fixes2' | 'impact' | 'effort' | 'owner', GrammarAST.AbstractElement>,
        k: Record<'fixes' | ',' | 'impact' | 'effort' | 'owner', Kw>,
    ): void {
        const lx = this.lx;
        let fixes: Reference[] | undefined;
        for (;;) {
            const kind = lx.kind;
            if (kind === K_FIXES) {
                this.keyword(k.fixes);
                if (!fixes) node.fixes = fixes = [];
                fixes.push(this.reference(node, 'fixes', f.fixes));
                while (lx.kind === Kind.COMMA) {
                    this.keyword(k[',']);
                    fixes.push(this.reference(node, 'fixes', f.fixes2));
                }
            } else if (kind === K_IMPACT) {
                this.keyword(k.impact);
                node.impact = this.keywordValue(f.impact, this.g.levels);
            } else if (kind === K_EFFORT) {
                this.keyword(k.effort);
                node.effort = this.keywordValue(f.effort, this.g.levels);
            } else if (kind === K_OWNER) {
                this.keyword(k.owner);
                node.owner = this.reference(node, 'owner', f.owner);
            } else {
                return;
            }
        }
    }

    // --- Terminals and data type rules ---

    /** A keyword of the current rule, which must be the current token. */
    private keyword(keyword: Kw): void {
        const lx = this.lx;
        if (lx.kind !== keyword.kind) giveUp();
        this.leaf(keyword.element, keyword.type);
        lx.next();
    }

    /** `Name: ID | KeywordName`, called by an assignment. */
    private name(source: GrammarAST.AbstractElement): string {
        this.cst.openNode(source);
        const value = this.nameContent();
        this.cst.closeNode();
        return value;
    }

    private nameContent(): string {
        const lx = this.lx;
        const kind = lx.kind;
        let value: string;
        if (kind === Kind.ID) {
            this.leaf(this.g.nameId, this.types[Kind.ID]);
            value = lx.image;
        } else if (kind >= Kind.FIRST_KEYWORD) {
            this.cst.openNode(this.g.nameKeyword);
            this.leaf(this.g.keywordNames[kind], this.types[kind]);
            this.cst.closeNode();
            value = KEYWORDS[kind - Kind.FIRST_KEYWORD];
        } else {
            giveUp();
        }
        lx.next();
        return value;
    }

    /** A cross-reference `[Type:Name]`: the Name's CST node and a Reference built by the Linker. */
    private reference(node: Node, property: string, crossRef: GrammarAST.AbstractElement): Reference {
        const cst = this.referenceNode(crossRef);
        return this.linker.buildReference(node as unknown as AstNode, property, cst, this.referenceText);
    }

    /** The text of the last cross-reference read by referenceNode. */
    private referenceText = '';

    /** The CST node of a cross-reference; its text goes to `referenceText`. */
    private referenceNode(crossRef: GrammarAST.AbstractElement): CompositeCstNodeImpl {
        this.cst.openNode(crossRef);
        this.referenceText = this.nameContent();
        return this.cst.closeNode();
    }

    /** A keyword-only data type rule (Level, JourneyState, PersonaFactKind): its keyword is its value. */
    private keywordValue(source: GrammarAST.AbstractElement, keywords: GrammarAST.Keyword[]): string {
        const lx = this.lx;
        const kind = lx.kind;
        const element = keywords[kind];
        if (!element) giveUp();
        this.cst.openNode(source);
        this.leaf(element, this.types[kind]);
        this.cst.closeNode();
        lx.next();
        return KEYWORDS[kind - Kind.FIRST_KEYWORD];
    }

    /** `Decimal: NUMBER`, converted as Langium does: the terminal to a number and back to text, then to a number. */
    private decimal(source: GrammarAST.AbstractElement): number {
        const lx = this.lx;
        if (lx.kind !== Kind.NUMBER) giveUp();
        this.cst.openNode(source);
        this.leaf(this.g.decimalNumber, this.types[Kind.NUMBER]);
        this.cst.closeNode();
        // Number(String(Number(image))) is Number(image) (numbers print in a form that reads back
        // the same), except that -0 becomes 0.
        const number = Number(this.text.slice(lx.start, lx.end));
        const value = number === 0 ? 0 : number;
        lx.next();
        return value;
    }

    /** A STRING terminal, without its quotes and with `\\"` and `\\\\` unescaped (Langium's value converter). */
    private string(source: GrammarAST.AbstractElement): string {
        const lx = this.lx;
        if (lx.kind !== Kind.STRING) giveUp();
        this.leaf(source, this.types[Kind.STRING]);
        const value = lx.escaped ? unescape(this.text, lx.start, lx.end) : this.text.slice(lx.start + 1, lx.end - 1);
        lx.next();
        return value;
    }

    // --- CST and AST building ---

    /** A leaf for the current token, after the comments read before it. */
    private leaf(source: GrammarAST.AbstractElement, type: TokenType): void {
        const lx = this.lx;
        if (lx.pending.length > 0) this.cst.hidden(lx.takePending());
        this.cst.leaf(lx.start, lx.end - lx.start, lx.tokenLine, lx.tokenColumn, type, source);
    }

    /** Closes the current CST node and the AST node, as Langium's `construct` does: the CST node, then default values of unset properties. */
    private finish(node: Node, defaults: Defaults): Node {
        node.$cstNode = this.cst.closeNode();
        this.setDefaults(node, defaults);
        return node;
    }

    private setDefaults(node: Node, defaults: Defaults): void {
        for (let i = 0; i < defaults.length; i++) {
            const [name, value] = defaults[i];
            if (node[name] === undefined) node[name] = copyDefault(value);
        }
    }

    /** Links a finished child to its container, as `assign` and `linkContentToContainer` do. */
    private contained(child: Node, container: Node, property: string, index: number): Node {
        (child.$cstNode as CompositeCstNodeImpl).astNode = child as unknown as AstNode;
        child.$container = container;
        child.$containerProperty = property;
        child.$containerIndex = index;
        return child;
    }
}

function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** The text of a STRING token with escapes, as Langium's ValueConverter.convertString reads it. */
function unescape(text: string, start: number, end: number): string {
    let result = '';
    for (let i = start + 1; i < end - 1; i++) {
        const c = text.charAt(i);
        result += c === '\\' ? text.charAt(++i) : c;
    }
    return result;
}
