import type { LangiumDocument, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { JourneyServices } from '../journey-module.js';
import type { LintConfigProvider } from '../lint-config.js';
import { isBuiltinUri } from '../builtins.js';
import { isLintRule, type DiagnosticCode, type RuleSeverity } from './rules.js';
import { findSuppressions, isSuppressed } from './suppression.js';
import { referenceKindName } from './messages.js';

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

    constructor(services: JourneyServices) {
        super(services);
        this.lintConfig = services.journey.LintConfig;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        if (isBuiltinUri(document.uri)) return [];
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const severities = await this.lintConfig.severities(document.uri);
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

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const kind = referenceKindName(error.info.container.$type, error.info.property);
            const text = error.info.reference.$refText;
            diagnostics.push(this.toDiagnostic('error', unresolvedMessage(kind, text), {
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
