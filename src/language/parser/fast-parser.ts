import type { TokenType } from 'chevrotain';
import {
    CompositeCstNodeImpl, LeafCstNodeImpl, RootCstNodeImpl,
    type AstNode, type GrammarAST, type LangiumCoreServices, type Linker, type ParseResult, type Reference, type TokenBuilder,
} from 'langium';
import type { Model } from '../generated/ast.js';
import { FastLexer, GiveUp, Kind, giveUp, kw } from './fast-lexer.js';
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
    private readonly linker: Linker;
    private readonly tokenBuilder: TokenBuilder;
    private readonly types: TokenType[];
    private text = '';
    private root!: RootCstNodeImpl;

    /** Throws when the grammar has changed in a way the fast parser does not know. */
    constructor(services: LangiumCoreServices) {
        this.g = new JourneyElements(services.Grammar, services.parser.Lexer.definition as Record<string, TokenType>, services.shared.AstReflection);
        this.types = this.g.tokenTypes;
        this.lx = new FastLexer(this.g.comments);
        this.linker = services.references.Linker;
        this.tokenBuilder = services.parser.TokenBuilder;
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
        }
    }

    // --- The rules ---

    private parseModel(text: string): ParseResult<Model> {
        this.text = text;
        const root = this.root = new RootCstNodeImpl(text);
        const lx = this.lx;
        const g = this.g.model;
        lx.reset(text);
        const model: Node = { $type: 'Model' };
        let imports: Node[] | undefined;
        let declarations: Node[] | undefined;
        let journeys: Node[] | undefined;
        while (lx.kind === K_IMPORT) {
            if (!imports) model.imports = imports = [];
            imports.push(this.contained(this.parseImport(root, g.imports), model, 'imports', imports.length));
        }
        for (;;) {
            const kind = lx.kind;
            if (kind === K_PERSONA || kind === K_CHANNEL || kind === K_TEAM) {
                if (!declarations) model.declarations = declarations = [];
                declarations.push(this.contained(this.parseDeclaration(root, g.declarations), model, 'declarations', declarations.length));
            } else if (kind === K_JOURNEY) {
                if (!journeys) model.journeys = journeys = [];
                journeys.push(this.contained(this.parseJourney(root, g.journeys), model, 'journeys', journeys.length));
            } else {
                break;
            }
        }
        if (lx.kind !== Kind.EOF) giveUp();
        this.finish(model, root, g.defaults);
        root.astNode = model as unknown as AstNode;
        // Comments after the last token.
        if (lx.pending.length > 0) this.placeComments(root);
        return {
            value: model as unknown as Model,
            lexerErrors: [],
            lexerReport: this.tokenBuilder.flushLexingReport?.(text),
            parserErrors: [],
        };
    }

    private parseImport(parent: CompositeCstNodeImpl, call: GrammarAST.AbstractElement): Node {
        const g = this.g.import;
        const cst = this.composite(parent, call);
        const node: Node = { $type: 'Import' };
        this.keyword(cst, g.keyword);
        node.path = this.string(cst, g.path);
        return this.finish(node, cst, g.defaults);
    }

    /** Declaration: Persona | Channel | Team. The node ends with the outer CST node, as in Langium. */
    private parseDeclaration(parent: CompositeCstNodeImpl, call: GrammarAST.AbstractElement): Node {
        const outer = this.composite(parent, call);
        const kind = this.lx.kind;
        let node: Node;
        if (kind === K_PERSONA) {
            node = this.parsePersona(outer);
        } else {
            const g = kind === K_CHANNEL ? this.g.channel : this.g.team;
            const cst = this.composite(outer, g.call);
            node = { $type: kind === K_CHANNEL ? 'Channel' : 'Team' };
            this.keyword(cst, g.keyword);
            node.name = this.name(cst, g.name);
            if (this.lx.kind === Kind.STRING) node.label = this.string(cst, g.label);
            this.finish(node, cst, g.defaults);
        }
        outer.content = outer.content.slice();
        node.$cstNode = outer;
        return node;
    }

    private parsePersona(parent: CompositeCstNodeImpl): Node {
        const lx = this.lx;
        const g = this.g.persona;
        const cst = this.composite(parent, g.call);
        const node: Node = { $type: 'Persona' };
        this.keyword(cst, g.keyword);
        node.name = this.name(cst, g.name);
        if (lx.kind === Kind.STRING) node.label = this.string(cst, g.label);
        if (lx.kind === Kind.LBRACE) {
            this.keyword(cst, g.open);
            const f = this.g.personaFact;
            let facts: Node[] | undefined;
            while (this.g.personaFactKinds[lx.kind]) {
                if (!facts) node.facts = facts = [];
                const factCst = this.composite(cst, g.facts);
                const fact: Node = { $type: 'PersonaFact' };
                fact.kind = this.keywordValue(factCst, f.kind, this.g.personaFactKinds);
                fact.text = this.string(factCst, f.text);
                facts.push(this.contained(this.finish(fact, factCst, f.defaults), node, 'facts', facts.length));
            }
            this.keyword(cst, g.close);
        }
        return this.finish(node, cst, g.defaults);
    }

    private parseJourney(parent: CompositeCstNodeImpl, call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const g = this.g.journey;
        const cst = this.composite(parent, call);
        const node: Node = { $type: 'Journey' };
        this.keyword(cst, g.keyword);
        node.name = this.name(cst, g.name);
        if (lx.kind === Kind.STRING) node.title = this.string(cst, g.label);
        this.keyword(cst, g.open);
        let personas: Reference[] | undefined;
        for (;;) {
            const kind = lx.kind;
            if (kind === K_FOR) {
                this.keyword(cst, g.for);
                if (!personas) node.personas = personas = [];
                personas.push(this.reference(cst, node, 'personas', g.personas));
                while (lx.kind === Kind.COMMA) {
                    this.keyword(cst, g.comma);
                    personas.push(this.reference(cst, node, 'personas', g.personas2));
                }
            } else if (kind === K_STATE) {
                this.keyword(cst, g.state);
                node.state = this.keywordValue(cst, g.stateValue, this.g.journeyStates);
            } else if (kind === K_GOAL) {
                this.keyword(cst, g.goal);
                node.goal = this.string(cst, g.goalValue);
            } else if (kind === K_DESCRIPTION) {
                this.keyword(cst, g.description);
                node.description = this.string(cst, g.descriptionValue);
            } else {
                break;
            }
        }
        let stages: Node[] | undefined;
        while (lx.kind === K_STAGE) {
            if (!stages) node.stages = stages = [];
            stages.push(this.contained(this.parseStage(cst, g.stages), node, 'stages', stages.length));
        }
        this.keyword(cst, g.close);
        return this.finish(node, cst, g.defaults);
    }

    private parseStage(parent: CompositeCstNodeImpl, call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const g = this.g.stage;
        const cst = this.composite(parent, call);
        const node: Node = { $type: 'Stage' };
        this.keyword(cst, g.keyword);
        node.name = this.name(cst, g.name);
        if (lx.kind === Kind.STRING) node.label = this.string(cst, g.label);
        this.keyword(cst, g.open);
        let steps: Node[] | undefined;
        let facts: Node[] | undefined;
        for (;;) {
            const kind = lx.kind;
            if (kind === K_STEP) {
                if (!steps) node.steps = steps = [];
                steps.push(this.contained(this.parseStep(cst, g.steps), node, 'steps', steps.length));
            } else if (this.g.facts[kind]) {
                if (!facts) node.facts = facts = [];
                facts.push(this.contained(this.parseFact(cst, g.facts), node, 'facts', facts.length));
            } else {
                break;
            }
        }
        this.keyword(cst, g.close);
        return this.finish(node, cst, g.defaults);
    }

    private parseStep(parent: CompositeCstNodeImpl, call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const g = this.g.step;
        const cst = this.composite(parent, call);
        const node: Node = { $type: 'Step' };
        this.keyword(cst, g.keyword);
        node.name = this.name(cst, g.name);
        if (lx.kind === Kind.STRING) node.label = this.string(cst, g.label);
        this.keyword(cst, g.open);
        let facts: Node[] | undefined;
        while (this.g.facts[lx.kind]) {
            if (!facts) node.facts = facts = [];
            facts.push(this.contained(this.parseFact(cst, g.facts), node, 'facts', facts.length));
        }
        this.keyword(cst, g.close);
        return this.finish(node, cst, g.defaults);
    }

    /** Fact: Action | Touchpoint | ... The node ends with the outer CST node, as in Langium. */
    private parseFact(parent: CompositeCstNodeImpl, call: GrammarAST.AbstractElement): Node {
        const lx = this.lx;
        const outer = this.composite(parent, call);
        const kind = lx.kind;
        const g = this.g.facts[kind];
        const f = g.fields as Required<typeof g.fields>;
        const k = g.keywords as Required<typeof g.keywords>;
        const cst = this.composite(outer, g.call);
        const node: Node = { $type: g.type };
        this.keyword(cst, g.keyword);
        switch (kind) {
            case K_TOUCHPOINT:
                node.channel = this.reference(cst, node, 'channel', f.channel);
                if (lx.kind === Kind.STRING) node.text = this.string(cst, f.text);
                break;
            case K_EMOTION:
                node.score = this.decimal(cst, f.score);
                if (lx.kind === Kind.STRING) node.label = this.string(cst, f.label);
                while (lx.kind === K_FOR) {
                    this.keyword(cst, k.for);
                    node.persona = this.reference(cst, node, 'persona', f.persona);
                }
                break;
            case K_BARRIER:
                if (lx.kind !== Kind.STRING) node.name = this.name(cst, f.name);
                node.text = this.string(cst, f.text);
                while (lx.kind === K_SEVERITY) {
                    this.keyword(cst, k.severity);
                    node.severity = this.keywordValue(cst, f.severity, this.g.levels);
                }
                break;
            case K_OPPORTUNITY:
                if (lx.kind !== Kind.STRING) node.name = this.name(cst, f.name);
                node.text = this.string(cst, f.text);
                this.opportunityModifiers(cst, node, f, k);
                break;
            case K_FRONTSTAGE: case K_BACKSTAGE: case K_SUPPORT:
                node.text = this.string(cst, f.text);
                while (lx.kind === K_OWNER) {
                    this.keyword(cst, k.owner);
                    node.owner = this.reference(cst, node, 'owner', f.owner);
                }
                break;
            case K_METRIC:
                node.name = this.name(cst, f.name);
                node.value = this.decimal(cst, f.value);
                while (lx.kind === K_TARGET) {
                    this.keyword(cst, k.target);
                    node.target = this.decimal(cst, f.target);
                }
                break;
            case K_NEXT:
                node.step = this.reference(cst, node, 'step', f.step);
                break;
            default: // action, thought, question, evidence
                node.text = this.string(cst, f.text);
        }
        this.finish(node, cst, g.defaults);
        outer.content = outer.content.slice();
        node.$cstNode = outer;
        return node;
    }

    private opportunityModifiers(
        cst: CompositeCstNodeImpl, node: Node,
        f: Record<'fixes' | 'fixes2' | 'impact' | 'effort' | 'owner', GrammarAST.AbstractElement>,
        k: Record<'fixes' | ',' | 'impact' | 'effort' | 'owner', Kw>,
    ): void {
        const lx = this.lx;
        let fixes: Reference[] | undefined;
        for (;;) {
            const kind = lx.kind;
            if (kind === K_FIXES) {
                this.keyword(cst, k.fixes);
                if (!fixes) node.fixes = fixes = [];
                fixes.push(this.reference(cst, node, 'fixes', f.fixes));
                while (lx.kind === Kind.COMMA) {
                    this.keyword(cst, k[',']);
                    fixes.push(this.reference(cst, node, 'fixes', f.fixes2));
                }
            } else if (kind === K_IMPACT) {
                this.keyword(cst, k.impact);
                node.impact = this.keywordValue(cst, f.impact, this.g.levels);
            } else if (kind === K_EFFORT) {
                this.keyword(cst, k.effort);
                node.effort = this.keywordValue(cst, f.effort, this.g.levels);
            } else if (kind === K_OWNER) {
                this.keyword(cst, k.owner);
                node.owner = this.reference(cst, node, 'owner', f.owner);
            } else {
                return;
            }
        }
    }

    // --- Terminals and data type rules ---

    /** A keyword of the current rule, which must be the current token. */
    private keyword(parent: CompositeCstNodeImpl, keyword: Kw): void {
        const lx = this.lx;
        if (lx.kind !== keyword.kind) giveUp();
        this.leaf(parent, keyword.element, keyword.type);
        lx.next();
    }

    /** `Name: ID | KeywordName`, called by an assignment. */
    private name(parent: CompositeCstNodeImpl, source: GrammarAST.AbstractElement): string {
        const cst = this.composite(parent, source);
        const value = this.nameContent(cst);
        cst.content = cst.content.slice();
        return value;
    }

    private nameContent(cst: CompositeCstNodeImpl): string {
        const lx = this.lx;
        const kind = lx.kind;
        if (kind === Kind.ID) {
            this.leaf(cst, this.g.nameId, this.types[Kind.ID]);
        } else if (kind >= Kind.FIRST_KEYWORD) {
            const inner = this.composite(cst, this.g.nameKeyword);
            this.leaf(inner, this.g.keywordNames[kind], this.types[kind]);
            inner.content = inner.content.slice();
        } else {
            giveUp();
        }
        const value = lx.image;
        lx.next();
        return value;
    }

    /** A cross-reference `[Type:Name]`: the Name's CST node and a Reference built by the Linker. */
    private reference(parent: CompositeCstNodeImpl, node: Node, property: string, crossRef: GrammarAST.AbstractElement): Reference {
        const cst = this.composite(parent, crossRef);
        const text = this.nameContent(cst);
        cst.content = cst.content.slice();
        return this.linker.buildReference(node as unknown as AstNode, property, cst, text);
    }

    /** A keyword-only data type rule (Level, JourneyState, PersonaFactKind): its keyword is its value. */
    private keywordValue(parent: CompositeCstNodeImpl, source: GrammarAST.AbstractElement, keywords: GrammarAST.Keyword[]): string {
        const lx = this.lx;
        const element = keywords[lx.kind];
        if (!element) giveUp();
        const cst = this.composite(parent, source);
        this.leaf(cst, element, this.types[lx.kind]);
        cst.content = cst.content.slice();
        const value = lx.image;
        lx.next();
        return value;
    }

    /** `Decimal: NUMBER`, converted as Langium does: the terminal to a number and back to text, then to a number. */
    private decimal(parent: CompositeCstNodeImpl, source: GrammarAST.AbstractElement): number {
        const lx = this.lx;
        if (lx.kind !== Kind.NUMBER) giveUp();
        const cst = this.composite(parent, source);
        this.leaf(cst, this.g.decimalNumber, this.types[Kind.NUMBER]);
        cst.content = cst.content.slice();
        const value = Number(String(Number(lx.tokenText())));
        lx.next();
        return value;
    }

    /** A STRING terminal, without its quotes and with `\"` and `\\` unescaped (Langium's value converter). */
    private string(parent: CompositeCstNodeImpl, source: GrammarAST.AbstractElement): string {
        const lx = this.lx;
        if (lx.kind !== Kind.STRING) giveUp();
        this.leaf(parent, source, this.types[Kind.STRING]);
        const value = lx.escaped ? unescape(this.text, lx.start, lx.end) : this.text.slice(lx.start + 1, lx.end - 1);
        lx.next();
        return value;
    }

    // --- CST and AST building ---

    private composite(parent: CompositeCstNodeImpl, source: GrammarAST.AbstractElement): CompositeCstNodeImpl {
        const node = new CompositeCstNodeImpl();
        node.grammarSource = source;
        node.container = parent;
        parent.content.push(node);
        return node;
    }

    /** A leaf for the current token, after the comments read before it. */
    private leaf(parent: CompositeCstNodeImpl, source: GrammarAST.AbstractElement, type: TokenType): void {
        const lx = this.lx;
        if (lx.pending.length > 0) this.placeComments(parent);
        const length = lx.end - lx.start;
        const leaf = new LeafCstNodeImpl(lx.start, length, lx.tokenLine, lx.tokenColumn, lx.tokenLine, lx.tokenColumn + length, type, false);
        leaf.grammarSource = source;
        leaf.container = parent;
        parent.content.push(leaf);
    }

    /**
     * Places the pending comments where Langium's CstNodeBuilder.addHiddenNodes puts them: at
     * the end of the innermost open node if it has content, else before the nearest enclosing
     * node that is not the first child of its parent, else at the start of the root.
     */
    private placeComments(current: CompositeCstNodeImpl): void {
        const nodes = this.lx.pending;
        this.lx.pending = [];
        if (current.content.length > 0) {
            for (const node of nodes) node.container = current;
            current.content.push(...nodes);
            return;
        }
        let node = current;
        while (node.container) {
            const parent = node.container as CompositeCstNodeImpl;
            const index = parent.content.indexOf(node);
            if (index > 0) {
                for (const n of nodes) n.container = parent;
                parent.content.splice(index, 0, ...nodes);
                return;
            }
            node = parent;
        }
        for (const n of nodes) n.container = this.root;
        this.root.content.splice(0, 0, ...nodes);
    }

    /** Closes a node as Langium's `construct` does: its CST node, then the default values of unset properties. */
    private finish(node: Node, cst: CompositeCstNodeImpl, defaults: Defaults): Node {
        if (cst.content.length > 0) cst.content = cst.content.slice();
        node.$cstNode = cst;
        for (let i = 0; i < defaults.length; i++) {
            const [name, value] = defaults[i];
            if (node[name] === undefined) node[name] = copyDefault(value);
        }
        return node;
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
