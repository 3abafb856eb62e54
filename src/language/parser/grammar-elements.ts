import type { TokenType } from 'chevrotain';
import { AstUtils, GrammarAST, type AstReflection, type Grammar } from 'langium';
import { Kind, KEYWORDS, kw, type KeywordName } from './fast-lexer.js';

/** A keyword of a rule: the grammar element CST leaves point to, its token kind and token type. */
export interface Kw {
    element: GrammarAST.Keyword;
    kind: number;
    type: TokenType;
}

/** What an assignment calls (a rule call or a cross-reference): the `grammarSource` of its CST node. */
type Call = GrammarAST.AbstractElement;

/** Default values Langium gives to unset properties of a type (assignMandatoryProperties), in order. */
export type Defaults = ReadonlyArray<readonly [string, unknown]>;

/** The elements of one fact rule; `fields` and `keywords` hold what that rule has. */
export interface FactElements {
    type: string;
    /** The call of this rule in `Fact: Action | Touchpoint | ...`. */
    call: GrammarAST.RuleCall;
    keyword: Kw;
    defaults: Defaults;
    fields: Partial<Record<'text' | 'label' | 'name' | 'channel' | 'score' | 'persona' | 'severity' | 'fixes' | 'fixes2'
        | 'impact' | 'effort' | 'owner' | 'value' | 'target' | 'step', Call>>;
    keywords: Partial<Record<'for' | 'severity' | 'fixes' | ',' | 'impact' | 'effort' | 'owner' | 'target', Kw>>;
}

/** `keyword name=Name (label=STRING)?` (a journey's label is its `title`). */
interface Named {
    keyword: Kw;
    name: Call;
    label: Call;
}

/**
 * Every grammar element of journey.langium that the fast parser's CST nodes point to, looked up
 * once. A lookup throws when the grammar no longer has the element, so that a grammar change the
 * fast parser does not know about switches the fast path off instead of building a wrong tree.
 */
export class JourneyElements {
    readonly tokenTypes: TokenType[] = [];
    readonly comments: { ML_COMMENT: TokenType; SL_COMMENT: TokenType };
    readonly model: { imports: Call; declarations: Call; journeys: Call; defaults: Defaults };
    readonly import: { keyword: Kw; path: Call; defaults: Defaults };
    readonly persona: Named & { call: Call; open: Kw; facts: Call; close: Kw; defaults: Defaults };
    readonly personaFact: { kind: Call; text: Call; defaults: Defaults };
    readonly channel: Named & { call: Call; defaults: Defaults };
    readonly team: Named & { call: Call; defaults: Defaults };
    readonly journey: Named & {
        open: Kw; for: Kw; personas: Call; comma: Kw; personas2: Call; state: Kw; stateValue: Call;
        goal: Kw; goalValue: Call; description: Kw; descriptionValue: Call; stages: Call; close: Kw; defaults: Defaults;
    };
    readonly stage: Named & { open: Kw; steps: Call; facts: Call; close: Kw; defaults: Defaults };
    readonly step: Named & { open: Kw; facts: Call; close: Kw; defaults: Defaults };
    /** Fact rules, indexed by the kind of their keyword. */
    readonly facts: FactElements[] = [];
    readonly nameId: GrammarAST.RuleCall;
    readonly nameKeyword: GrammarAST.RuleCall;
    readonly decimalNumber: GrammarAST.RuleCall;
    /** Keyword elements of the keyword-only rules, indexed by kind. */
    readonly keywordNames: GrammarAST.Keyword[] = [];
    readonly personaFactKinds: GrammarAST.Keyword[] = [];
    readonly journeyStates: GrammarAST.Keyword[] = [];
    readonly levels: GrammarAST.Keyword[] = [];

    constructor(grammar: Grammar, tokens: Record<string, TokenType>, reflection: AstReflection) {
        const type = (name: string): TokenType => {
            const t = tokens[name];
            if (!t) throw new Error(`fast parser: no token type ${name}`);
            return t;
        };
        // Every token type of the grammar must be one the fast lexer reads, and no other.
        const known = new Set<string>(['ID', 'STRING', 'NUMBER', '{', '}', ',', 'WS', 'ML_COMMENT', 'SL_COMMENT', ...KEYWORDS]);
        const names = Object.keys(tokens);
        if (names.length !== known.size || names.some(n => !known.has(n))) throw new Error('fast parser: the token types changed');
        this.tokenTypes[Kind.ID] = type('ID');
        this.tokenTypes[Kind.STRING] = type('STRING');
        this.tokenTypes[Kind.NUMBER] = type('NUMBER');
        this.tokenTypes[Kind.LBRACE] = type('{');
        this.tokenTypes[Kind.RBRACE] = type('}');
        this.tokenTypes[Kind.COMMA] = type(',');
        for (const k of KEYWORDS) this.tokenTypes[kw(k)] = type(k);
        this.comments = { ML_COMMENT: type('ML_COMMENT'), SL_COMMENT: type('SL_COMMENT') };

        const defaults = (typeName: string): Defaults => Object.values(reflection.getTypeMetaData(typeName).properties)
            .filter(p => p.defaultValue !== undefined)
            .map(p => [p.name, p.defaultValue] as const);
        const rule = (name: string) => new RuleElements(grammar, name, this.tokenTypes);
        const named = (r: RuleElements, keyword: string, label = 'label'): Named => ({ keyword: r.keyword(keyword), name: r.assigned('name'), label: r.assigned(label) });

        const model = rule('Model');
        this.model = { imports: model.assigned('imports'), declarations: model.assigned('declarations'), journeys: model.assigned('journeys'), defaults: defaults('Model') };
        const imp = rule('Import');
        this.import = { keyword: imp.keyword('import'), path: imp.assigned('path'), defaults: defaults('Import') };
        const declaration = rule('Declaration');
        const persona = rule('Persona');
        this.persona = {
            ...named(persona, 'persona'), call: declaration.call('Persona'), open: persona.keyword('{'),
            facts: persona.assigned('facts'), close: persona.keyword('}'), defaults: defaults('Persona'),
        };
        const personaFact = rule('PersonaFact');
        this.personaFact = { kind: personaFact.assigned('kind'), text: personaFact.assigned('text'), defaults: defaults('PersonaFact') };
        this.channel = { ...named(rule('Channel'), 'channel'), call: declaration.call('Channel'), defaults: defaults('Channel') };
        this.team = { ...named(rule('Team'), 'team'), call: declaration.call('Team'), defaults: defaults('Team') };
        const journey = rule('Journey');
        this.journey = {
            ...named(journey, 'journey', 'title'), open: journey.keyword('{'),
            for: journey.keyword('for'), personas: journey.assigned('personas', 0), comma: journey.keyword(','), personas2: journey.assigned('personas', 1),
            state: journey.keyword('state'), stateValue: journey.assigned('state'), goal: journey.keyword('goal'), goalValue: journey.assigned('goal'),
            description: journey.keyword('description'), descriptionValue: journey.assigned('description'),
            stages: journey.assigned('stages'), close: journey.keyword('}'), defaults: defaults('Journey'),
        };
        const stage = rule('Stage');
        this.stage = {
            ...named(stage, 'stage'), open: stage.keyword('{'), steps: stage.assigned('steps'), facts: stage.assigned('facts'),
            close: stage.keyword('}'), defaults: defaults('Stage'),
        };
        const step = rule('Step');
        this.step = { ...named(step, 'step'), open: step.keyword('{'), facts: step.assigned('facts'), close: step.keyword('}'), defaults: defaults('Step') };

        const name = rule('Name');
        this.nameId = name.call('ID');
        this.nameKeyword = name.call('KeywordName');
        this.decimalNumber = rule('Decimal').call('NUMBER');
        rule('KeywordName').keywordsByKind(this.keywordNames);
        if (this.keywordNames.filter(Boolean).length !== KEYWORDS.length) throw new Error('fast parser: KeywordName changed');
        rule('PersonaFactKind').keywordsByKind(this.personaFactKinds);
        rule('JourneyState').keywordsByKind(this.journeyStates);
        rule('Level').keywordsByKind(this.levels);

        const fact = rule('Fact');
        const fields = { text: 0, label: 0, name: 0, channel: 0, score: 0, persona: 0, severity: 0, fixes: 0, impact: 0, effort: 0, owner: 0, value: 0, target: 0, step: 0 } as const;
        const keywords = ['for', 'severity', 'fixes', ',', 'impact', 'effort', 'owner', 'target'] as const;
        const factRules: ReadonlyArray<readonly [KeywordName, string]> = [
            ['action', 'Action'], ['touchpoint', 'Touchpoint'], ['thought', 'Thought'], ['emotion', 'Emotion'],
            ['barrier', 'Barrier'], ['opportunity', 'Opportunity'], ['question', 'Question'], ['frontstage', 'Frontstage'],
            ['backstage', 'Backstage'], ['support', 'Support'], ['metric', 'Metric'], ['evidence', 'Evidence'], ['next', 'Next'],
        ];
        if (fact.callCount() !== factRules.length) throw new Error('fast parser: the facts changed');
        for (const [keyword, typeName] of factRules) {
            const r = rule(typeName);
            const elements: FactElements = {
                type: typeName, call: fact.call(typeName), keyword: r.keyword(keyword), defaults: defaults(typeName), fields: {}, keywords: {},
            };
            for (const field of Object.keys(fields) as Array<keyof typeof fields>) {
                if (r.has(field, 0)) elements.fields[field] = r.assigned(field, 0);
            }
            if (r.has('fixes', 1)) elements.fields.fixes2 = r.assigned('fixes', 1);
            for (const k of keywords) {
                if (r.hasKeyword(k)) elements.keywords[k] = r.keyword(k);
            }
            this.facts[kw(keyword)] = elements;
        }
    }
}

/** Looks up the elements of one parser rule; each lookup throws unless it finds exactly one. */
class RuleElements {
    private readonly rule: GrammarAST.ParserRule;
    /** The rule's keywords, assignments and rule calls that are not assignments, read once. */
    private readonly keywordsByValue = new Map<string, GrammarAST.Keyword[]>();
    private readonly assignmentsByFeature = new Map<string, GrammarAST.Assignment[]>();
    private readonly plainCalls: GrammarAST.RuleCall[] = [];

    constructor(grammar: Grammar, name: string, private readonly tokenTypes: TokenType[]) {
        const rule = grammar.rules.find(r => r.name === name);
        if (!rule || !GrammarAST.isParserRule(rule)) throw new Error(`fast parser: no parser rule ${name}`);
        this.rule = rule;
        const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
            const list = map.get(key);
            if (list) list.push(value);
            else map.set(key, [value]);
        };
        for (const element of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(element)) add(this.keywordsByValue, element.value, element);
            else if (GrammarAST.isAssignment(element)) add(this.assignmentsByFeature, element.feature, element);
            else if (GrammarAST.isRuleCall(element) && !GrammarAST.isAssignment(element.$container)) this.plainCalls.push(element);
        }
    }

    private keywordElements(value: string): GrammarAST.Keyword[] {
        return this.keywordsByValue.get(value) ?? [];
    }

    private assignments(feature: string): GrammarAST.Assignment[] {
        return this.assignmentsByFeature.get(feature) ?? [];
    }

    hasKeyword(value: string): boolean {
        return this.keywordElements(value).length > 0;
    }

    has(feature: string, nth: number): boolean {
        return this.assignments(feature).length > nth;
    }

    /** The keyword `value`, which must occur once in the rule. */
    keyword(value: string): Kw {
        const element = only(this.keywordElements(value), `'${value}' in ${this.rule.name}`);
        const kind = this.tokenTypes.findIndex(t => t?.name === value);
        if (kind < Kind.LBRACE) throw new Error(`fast parser: no kind for '${value}'`);
        return { element, kind, type: this.tokenTypes[kind] };
    }

    /** What the `nth` assignment to `feature` calls: a rule call or a cross-reference. */
    assigned(feature: string, nth = 0): Call {
        const terminal = this.assignments(feature)[nth]?.terminal;
        if (!terminal || !(GrammarAST.isRuleCall(terminal) || GrammarAST.isCrossReference(terminal))) {
            throw new Error(`fast parser: no assignment ${this.rule.name}.${feature} #${nth}`);
        }
        return terminal;
    }

    callCount(): number {
        return this.plainCalls.length;
    }

    /** The call of `ruleName` that is not an assignment (alternatives such as Fact: Action | ...). */
    call(ruleName: string): GrammarAST.RuleCall {
        return only(this.plainCalls.filter(c => c.rule.ref?.name === ruleName), `call of ${ruleName} in ${this.rule.name}`);
    }

    /** The keywords of a rule made only of keywords (Level, KeywordName...), indexed by kind. */
    keywordsByKind(target: GrammarAST.Keyword[]): void {
        for (const element of [...this.keywordsByValue.values()].flat()) {
            if (!KEYWORDS.includes(element.value as KeywordName)) throw new Error(`fast parser: unknown keyword ${element.value}`);
            target[kw(element.value as KeywordName)] = element;
        }
    }
}

function only<T>(found: T[], what: string): T {
    if (found.length !== 1) throw new Error(`fast parser: ${found.length} × ${what}`);
    return found[0];
}
