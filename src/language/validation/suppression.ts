const DIRECTIVE = /\/\/\s*journey-lint-disable-next-line\b([^\n\r]*)/;

/** The lexer's STRING and ML_COMMENT terminals (journey.langium), anchored where the scan stands. */
const STRING = /"[^"\\\r\n]*(\\["\\][^"\\\r\n]*)*"/y;
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//y;

/**
 * Lines (0-based) silenced by `// journey-lint-disable-next-line RULE[, RULE...]`, each with the
 * rules it silences; an empty set silences every lint rule on that line. Only a real line
 * comment counts: the same text inside a string (`action "// journey-lint-..."`) or a block
 * comment is not a directive.
 */
export function findSuppressions(text: string): Map<number, Set<string>> {
    const result = new Map<number, Set<string>>();
    if (!text.includes('journey-lint-disable-next-line')) return result;
    let line = 0;
    for (let i = 0; i < text.length;) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */ || c === 13 /* \r */) {
            line++;
            i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else if (c === 34 /* " */) {
            // As the lexer does: a quote with no closing quote on its line is a stray character.
            i = skipToken(STRING, text, i) ?? i + 1;
        } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
            const end = skipToken(BLOCK_COMMENT, text, i);
            if (end === undefined) {
                i += 2; // an unterminated `/*` is two stray characters
                continue;
            }
            line += lineBreaks(text, i, end);
            i = end;
        } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
            const end = lineEnd(text, i);
            const match = DIRECTIVE.exec(text.slice(i, end));
            if (match) result.set(line + 1, rulesOf(match[1]));
            i = end;
        } else {
            i++;
        }
    }
    return result;
}

/**
 * The words named after the directive; text after `--` is a reason, as in ESLint. Every word
 * counts, rule id or not: a typo (`Missing-Emotion`, `missing-emotion.`) then silences nothing,
 * where dropping it would leave an empty list, which silences every rule.
 */
function rulesOf(rest: string): Set<string> {
    const spec = rest.split(/\s--\s|\s--$/)[0];
    return new Set(spec.split(/[\s,]+/).filter(word => word !== ''));
}

function skipToken(pattern: RegExp, text: string, at: number): number | undefined {
    pattern.lastIndex = at;
    return pattern.test(text) ? pattern.lastIndex : undefined;
}

function lineEnd(text: string, from: number): number {
    let i = from;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    return i;
}

/** Line breaks in text[from, to), counting `\r\n` once. */
function lineBreaks(text: string, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
    return count;
}

export function isSuppressed(suppressions: Map<number, Set<string>>, line: number, rule: string): boolean {
    const rules = suppressions.get(line);
    return rules !== undefined && (rules.size === 0 || rules.has(rule));
}
