import { AstUtils, CstUtils, GrammarUtils, UriUtils, type AstNode, type IndexManager, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, Command, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import { isBarrier, isJourney, isStage, isStep, type Fact, type Model, type Stage, type Step } from '../generated/ast.js';
import { isBuiltinUri } from '../builtins.js';
import type { JourneyServices } from '../journey-module.js';
import { journeyBarriers } from '../journey-utils.js';
import { referenceKindName } from '../validation/messages.js';
import { referenceAt } from './cst-lookup.js';
import { APPLY_EDIT_COMMAND } from './apply-edit-command.js';
import type { ClientSupport } from './client-support.js';

const INDENT = '  ';
/** The lanes in the order the canonical examples write them; new facts go after their kin. */
const LANE_ORDER = ['Action', 'Touchpoint', 'Thought', 'Emotion', 'Barrier', 'Opportunity'];

interface DiagnosticData {
    code?: string;
    persona?: string;
    barrier?: string;
    kind?: string;
    refText?: string;
}

/**
 * Quick fixes, keyed on the diagnostic's code: add a missing emotion (one per persona), add a
 * touchpoint, create an opportunity for an unaddressed barrier, declare an unknown persona,
 * channel or team, or import it from the workspace file that declares it.
 */
export class JourneyCodeActionProvider implements CodeActionProvider {
    private readonly indexManager: IndexManager;
    private readonly client: ClientSupport;

    constructor(services: JourneyServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.client = services.journey.ClientSupport;
    }

    /**
     * Every action here is a quick fix: a client that asks `only` for other kinds gets none. A
     * client without `codeActionLiteralSupport` takes only Commands: each fix comes as the
     * command that applies its edit (apply-edit-command.ts).
     */
    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<CodeAction | Command> {
        const only = params.context.only;
        if (only && only.length > 0 && !only.some(kind => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) return [];
        const fixes = this.quickFixes(document, params);
        if (this.client.codeActionLiterals) return fixes;
        return fixes.map(fix => Command.create(fix.title, APPLY_EDIT_COMMAND, fix.edit));
    }

    private quickFixes(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as DiagnosticData;
            const code = String(diagnostic.code ?? data.code ?? '');
            try {
                switch (code) {
                    case 'missing-emotion': actions.push(...this.addEmotion(document, diagnostic, data)); break;
                    case 'missing-touchpoint': actions.push(...this.addTouchpoint(document, diagnostic)); break;
                    case 'unaddressed-barrier': actions.push(...this.addOpportunity(document, diagnostic)); break;
                    case 'unresolved-reference': actions.push(...this.declareOrImport(document, diagnostic, data)); break;
                }
            } catch (error) {
                // A fix that cannot be computed is left out; the others are still offered.
                console.error(`journey: quick fix for ${code} failed:`, error);
            }
        }
        return actions;
    }

    private addEmotion(document: LangiumDocument, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
        const holder = this.holderAt(document, diagnostic);
        if (!holder) return [];
        // A client that drops `data` still sends the message, which names the persona.
        const persona = data.persona ?? /for persona '([^']+)'/.exec(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value)?.[1];
        const fact = persona ? `emotion 0 for ${persona}` : 'emotion 0';
        const title = persona ? `Add an emotion for '${persona}'` : 'Add an emotion';
        return [this.action(title, document, diagnostic, [insertFact(document, holder, fact, 'Emotion')], true)];
    }

    private addTouchpoint(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const holder = this.holderAt(document, diagnostic);
        if (!holder) return [];
        return [this.action('Add a touchpoint (web)', document, diagnostic, [insertFact(document, holder, 'touchpoint web', 'Touchpoint')], true)];
    }

    private addOpportunity(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, document.textDocument.offsetAt(diagnostic.range.start));
        const barrier = leaf ? AstUtils.getContainerOfType(leaf.astNode, isBarrier) : undefined;
        if (!barrier?.$cstNode) return [];
        const edits: TextEdit[] = [];
        let id = barrier.name;
        if (!id) {
            // An opportunity can only fix a barrier that has an id: give it one.
            id = uniqueId(slug(barrier.text), new Set(journeyBarriers(AstUtils.getContainerOfType(barrier, isJourney)!).map(b => b.name).filter(Boolean) as string[]));
            const keyword = GrammarUtils.findNodeForKeyword(barrier.$cstNode, 'barrier')!;
            edits.push({ range: { start: keyword.range.end, end: keyword.range.end }, newText: ` ${id}` });
        }
        const indent = lineIndent(document, barrier.$cstNode.offset);
        const text = `opportunity ${JSON.stringify(`Address: ${barrier.text}`)} fixes ${id}`;
        const source = document.textDocument.getText();
        const lineEnd = source.indexOf('\n', barrier.$cstNode.end) < 0 ? source.length : source.indexOf('\n', barrier.$cstNode.end);
        const rest = source.slice(barrier.$cstNode.end, lineEnd).trim();
        if (rest === '' || rest.startsWith('//')) {
            // On a line of its own below the barrier (and below the barrier's trailing comment).
            const at = document.textDocument.positionAt(lineEnd);
            edits.push({ range: { start: at, end: at }, newText: `\n${indent}${text.trimEnd()}` });
        } else {
            // More facts follow on the barrier's line: stay on it.
            const at = barrier.$cstNode.range.end;
            edits.push({ range: { start: at, end: at }, newText: inline(document, at, text) });
        }
        return [this.action(`Create an opportunity that fixes '${id}'`, document, diagnostic, edits, true)];
    }

    private declareOrImport(document: LangiumDocument, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
        let { kind, refText: name } = data;
        if (!kind || !name) {
            // A client that drops `data`: the reference under the diagnostic says what it is.
            const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, document.textDocument.offsetAt(diagnostic.range.start));
            const reference = leaf ? referenceAt(leaf) : undefined;
            if (reference && !reference.ref) {
                kind = referenceKindName(leaf!.astNode.$type, reference.property);
                name = reference.refText;
            }
        }
        if (!name || (kind !== 'persona' && kind !== 'channel' && kind !== 'team')) return [];
        const actions: CodeAction[] = [];
        const type = kind === 'persona' ? 'Persona' : kind === 'channel' ? 'Channel' : 'Team';
        const candidates = this.indexManager.allElements(type)
            .filter(d => d.name === name && !isBuiltinUri(d.documentUri) && d.documentUri.toString() !== document.uri.toString())
            // An import path is relative to this document: a file elsewhere (an untitled or in-memory document importing from disk) cannot be named.
            .filter(d => d.documentUri.scheme === document.uri.scheme && d.documentUri.authority === document.uri.authority)
            .toArray();
        const seen = new Set<string>();
        for (const candidate of candidates) {
            const path = UriUtils.relative(UriUtils.dirname(document.uri), candidate.documentUri);
            if (seen.has(path)) continue;
            seen.add(path);
            actions.push(this.action(`Import '${name}' from "${path}"`, document, diagnostic, [insertImport(document, path)], candidates.length === 1));
        }
        actions.push(this.action(`Declare ${kind} '${name}'`, document, diagnostic, [insertDeclaration(document, type, `${kind} ${name}`)], candidates.length === 0));
        return actions;
    }

    private holderAt(document: LangiumDocument, diagnostic: Diagnostic): Stage | Step | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        if (!leaf) return undefined;
        return AstUtils.getContainerOfType(leaf.astNode, (n: AstNode): n is Stage | Step => isStep(n) || isStage(n));
    }

    private action(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
        // New lines as the file writes them (its first line break says how): a CRLF file gets no lone LF.
        const text = document.textDocument.getText();
        const firstBreak = text.indexOf('\n');
        if (firstBreak > 0 && text.charAt(firstBreak - 1) === '\r') {
            edits = edits.map(edit => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') }));
        }
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred,
            edit: { changes: { [document.textDocument.uri]: edits } },
        };
    }
}

/**
 * Inserts a fact into a step or step-less stage: after the last fact of the same or an earlier
 * lane (action, touchpoint, thought, emotion...), else first in the block; on a line of its own
 * at the block's indentation, or on the same line when the block is written on one line.
 */
function insertFact(document: LangiumDocument, holder: Stage | Step, fact: string, lane: string): TextEdit {
    const rank = LANE_ORDER.indexOf(lane);
    const facts: Fact[] = holder.facts;
    let anchor: AstNode | undefined;
    for (const candidate of facts) {
        const candidateRank = LANE_ORDER.indexOf(candidate.$type);
        if (candidateRank >= 0 && candidateRank <= rank) anchor = candidate;
    }
    const open = GrammarUtils.findNodeForKeyword(holder.$cstNode, '{')!;
    const close = GrammarUtils.findNodesForKeyword(holder.$cstNode, '}').at(-1);
    const anchorEnd = anchor?.$cstNode?.range.end ?? open.range.end;
    const holderIndent = lineIndent(document, holder.$cstNode!.offset);
    if (close && close.range.start.line === anchorEnd.line) {
        return { range: { start: anchorEnd, end: anchorEnd }, newText: inline(document, anchorEnd, fact) };
    }
    // After the anchor's line, so that a trailing comment stays with the anchor.
    const text = document.textDocument.getText();
    const lineEnd = text.indexOf('\n', document.textDocument.offsetAt(anchorEnd));
    const position = document.textDocument.positionAt(lineEnd < 0 ? text.length : lineEnd);
    return { range: { start: position, end: position }, newText: `\n${holderIndent}${INDENT}${fact}` };
}

/** A new declaration after the last of its kind, else above the journey, else at the end. */
function insertDeclaration(document: LangiumDocument, type: string, declaration: string): TextEdit {
    const model = document.parseResult.value as Model;
    const sameKind = model.declarations.filter(d => d.$type === type).at(-1);
    if (sameKind?.$cstNode) {
        const end = sameKind.$cstNode.range.end;
        return { range: { start: end, end }, newText: `\n${sameKind.$cstNode.text.trimEnd().endsWith('}') ? '\n' : ''}${declaration}` };
    }
    const journey = model.journeys[0];
    if (journey?.$cstNode) {
        const start = document.textDocument.positionAt(lineStartOffset(document, journey.$cstNode.offset));
        return { range: { start, end: start }, newText: `${declaration}\n\n` };
    }
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    return { range: { start: end, end }, newText: `\n${declaration}\n` };
}

/** An import after the last import, else above the first declaration (below any header comment). */
function insertImport(document: LangiumDocument, path: string): TextEdit {
    const model = document.parseResult.value as Model;
    const line = `import ${JSON.stringify(path)}`;
    const last = model.imports.at(-1);
    if (last?.$cstNode) {
        const end = last.$cstNode.range.end;
        return { range: { start: end, end }, newText: `\n${line}` };
    }
    const first = [...model.declarations, ...model.journeys].map(n => n.$cstNode?.offset).filter((o): o is number => o !== undefined).sort((a, b) => a - b)[0];
    const start = document.textDocument.positionAt(first === undefined ? 0 : lineStartOffset(document, first));
    return { range: { start, end: start }, newText: `${line}\n\n` };
}

/** ` text`, and a space after it too when a token follows at once (`{}` becomes `{ emotion 0 }`). */
function inline(document: LangiumDocument, at: Position, text: string): string {
    const next = document.textDocument.getText().charAt(document.textDocument.offsetAt(at));
    return next === '' || /\s/.test(next) ? ` ${text}` : ` ${text} `;
}

function lineStartOffset(document: LangiumDocument, offset: number): number {
    const text = document.textDocument.getText();
    return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineIndent(document: LangiumDocument, offset: number): string {
    const text = document.textDocument.getText();
    const start = lineStartOffset(document, offset);
    return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function slug(text: string): string {
    const words = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 3);
    const id = words.join('-');
    return /^[a-z]/.test(id) ? id : `barrier${id ? `-${id}` : ''}`;
}

function uniqueId(base: string, taken: Set<string>): string {
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
