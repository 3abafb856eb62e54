/** The lint rules of the contract, with their default severities. */
export const lintRuleDefaults = {
    'missing-emotion': 'warning',
    'missing-touchpoint': 'warning',
    'empty-stage': 'warning',
    'no-persona': 'warning',
    'unaddressed-barrier': 'info',
    'emotion-cliff': 'info',
    'unused-declaration': 'info',
    'opportunity-without-owner': 'info',
    'missing-evidence': 'off',
} as const satisfies Record<string, RuleSeverity>;

export type LintRule = keyof typeof lintRuleDefaults;
export const lintRules = Object.keys(lintRuleDefaults) as LintRule[];

/** Errors that are not lint rules: always errors, never switched off. */
export const errorCodes = [
    'syntax-error',
    'unresolved-reference',
    'duplicate-id',
    'emotion-range',
    'duplicate-emotion',
    'mixed-stage',
    'import-not-found',
    'multiple-journeys',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type DiagnosticCode = LintRule | ErrorCode;

export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';
export const ruleSeverities: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

export type RuleSeverities = Record<LintRule, RuleSeverity>;

export function isLintRule(code: unknown): code is LintRule {
    return typeof code === 'string' && Object.hasOwn(lintRuleDefaults, code);
}

export function isErrorCode(code: unknown): code is ErrorCode {
    return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

/** One-line descriptions, used by hover, the CLI's help and the docs. */
export const ruleDescriptions: Record<DiagnosticCode, string> = {
    'missing-emotion': 'a step (or a stage with no steps) has no emotion, for some persona',
    'missing-touchpoint': 'a step (or a stage with no steps) has no touchpoint',
    'empty-stage': 'a stage has neither steps nor facts',
    'no-persona': 'a journey has no `for`',
    'unaddressed-barrier': 'a barrier that no opportunity `fixes`',
    'emotion-cliff': 'the emotion falls by 3 or more from one step to the next',
    'unused-declaration': 'a persona, channel or team that nothing uses',
    'opportunity-without-owner': 'an opportunity with no `owner`',
    'missing-evidence': 'a step (or a stage with no steps) that cites no `evidence`',
    'syntax-error': 'the text does not parse',
    'unresolved-reference': 'a persona, channel, team, barrier or step name that nothing declares',
    'duplicate-id': 'two declarations share an id in one scope',
    'emotion-range': 'an emotion outside -2..+2',
    'duplicate-emotion': 'two emotions for one persona on one step',
    'mixed-stage': 'a stage holds both steps and facts',
    'import-not-found': 'an import that names no readable file',
    'multiple-journeys': 'a file holds more than one journey',
};
