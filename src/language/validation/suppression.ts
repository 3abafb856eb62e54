const DIRECTIVE = /\/\/\s*journey-lint-disable-next-line\b([^\n\r]*)/;

/**
 * Lines (0-based) silenced by `// journey-lint-disable-next-line RULE[, RULE...]`, each with the
 * rules it silences; an empty set silences every lint rule on that line.
 */
export function findSuppressions(text: string): Map<number, Set<string>> {
    const result = new Map<number, Set<string>>();
    if (!text.includes('journey-lint-disable-next-line')) return result;
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((line, index) => {
        const match = DIRECTIVE.exec(line);
        if (!match) return;
        // Text after `--` is a reason, as in ESLint.
        const spec = match[1].split(/\s--\s|\s--$/)[0];
        const rules = spec.split(/[\s,]+/).filter(word => /^[a-z][a-z-]*$/.test(word));
        result.set(index + 1, new Set(rules));
    });
    return result;
}

export function isSuppressed(suppressions: Map<number, Set<string>>, line: number, rule: string): boolean {
    const rules = suppressions.get(line);
    return rules !== undefined && (rules.size === 0 || rules.has(rule));
}
