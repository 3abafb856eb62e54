import type { AstNode, LangiumDocument, ParseResult, ValidationAcceptor, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { JourneyServices } from '../journey-module.js';
import type { LintConfigProvider } from '../lint-config.js';
import { isBuiltinUri } from '../builtins.js';
import { isLintRule, type DiagnosticCode, type RuleSeverity } from './rules.js';
import { findSuppressions, isSuppressed } from './suppression.js';
import { referenceKindName } from './messages.js';
import { keywordReadAsIdHint, misreadKeywordHint } from './syntax-hints.js';
import { allNodes } from '../ast-walk.js';
import type { JourneyCheck, JourneyValidator } from './index.js';

/** How many nodes are checked between two checks for cancellation. */
const NODES_PER_CHECK = 512;

const severityOf: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
};

/**
 * Langium's validator, plus what the journey language adds on top: every diagnostic carries its
 * rule id or error code in `code`, lint rules take their severity from the config, and
 * `// journey-lint-disable-next-line` silences a line.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    private readonly lintConfig: LintConfigProvider;
    private readonly checks: JourneyValidator;

    constructor(services: JourneyServices) {
        super(services);
        this.lintConfig = services.journey.LintConfig;
        this.checks = services.journey.Validator;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        if (isBuiltinUri(document.uri)) return [];
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const { severities } = await this.lintConfig.settingsFor(document.uri);
        const suppressions = findSuppressions(document.textDocument.getText());
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = codeOf(diagnostic);
            diagnostic.code = code;
            diagnostic.source = 'journey';
            if (isLintRule(code)) {
                const severity = severities[code];
                if (severity === 'off' || isSuppressed(suppressions, diagnostic.range.start.line, code)) continue;
                diagnostic.severity = severityOf[severity];
            } else {
                diagnostic.severity = DiagnosticSeverity.Error;
            }
            result.push(diagnostic);
        }
        return result;
    }

    /**
     * The journey checks (category `fast`), node by node in the order of Langium's validator, in
     * one synchronous pass: no stream of checks per node, no promise per check. A check that
     * throws is reported on its node, as Langium's registry does, and the others still run.
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, accept: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (options.categories && !options.categories.includes('fast')) return;
        const nodes = allNodes(root);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            const checks = this.checks.checksFor(node.$type);
            if (checks) for (const check of checks) runCheck(check, node, accept);
        }
    }

    /** Langium's parser errors, with a hint when a keyword on the next line was read as a missing id. */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        const root = parseResult.value.$cstNode;
        if (!root) return;
        // A CST search per error: only for the first few errors of a badly broken file.
        const hints = new Map<string, string>();
        for (const error of parseResult.parserErrors.slice(0, 20)) {
            const hint = Number.isFinite(error.token.startOffset) ? keywordReadAsIdHint(root, error.token.startOffset) : undefined;
            if (hint) hints.set(`${error.token.startLine! - 1}:${error.token.startColumn! - 1}`, hint);
        }
        if (hints.size === 0) return;
        for (const diagnostic of diagnostics.slice(start)) {
            const hint = hints.get(`${diagnostic.range.start.line}:${diagnostic.range.start.character}`);
            if (hint) diagnostic.message = `${diagnostic.message} ${hint}`;
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const kind = referenceKindName(error.info.container.$type, error.info.property);
            const text = error.info.reference.$refText;
            const hint = reference.$refNode ? misreadKeywordHint(reference.$refNode) : undefined;
            const message = hint ? `${unresolvedMessage(kind, text)} ${hint}` : unresolvedMessage(kind, text);
            diagnostics.push(this.toDiagnostic('error', message, {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code: 'unresolved-reference',
                data: { code: 'unresolved-reference', kind, refText: text },
            } as never));
        }
    }
}

function runCheck(check: JourneyCheck, node: AstNode, accept: ValidationAcceptor): void {
    try {
        check(node, accept);
    } catch (err) {
        if (isOperationCancelled(err)) throw err;
        console.error('An error occurred during validation:', err);
        accept('error', `An error occurred during validation: ${err instanceof Error ? err.message : String(err)}`, { node });
    }
}

function unresolvedMessage(kind: string, name: string): string {
    switch (kind) {
        case 'barrier': return `Unknown barrier '${name}': no barrier of this journey has that id.`;
        case 'step': return `Unknown step '${name}': no step of this journey has that id.`;
        case 'channel': return `Unknown channel '${name}': declare it with \`channel ${name}\`, import the file that declares it, or use a built-in channel.`;
        default: return `Unknown ${kind} '${name}': declare it with \`${kind} ${name}\` or import the file that declares it.`;
    }
}

function codeOf(diagnostic: Diagnostic): DiagnosticCode {
    const dataCode = (diagnostic.data as { code?: string } | undefined)?.code;
    const code = diagnostic.code ?? dataCode;
    if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError
        || dataCode === DocumentValidator.LexingError || dataCode === DocumentValidator.ParsingError) {
        return 'syntax-error';
    }
    return code as DiagnosticCode;
}
