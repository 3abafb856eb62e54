import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigurationProvider, LangiumSharedCoreServices, URI } from 'langium';
import { isLintRule, lintRuleDefaults, ruleSeverities, type LintRule, type RuleSeverities, type RuleSeverity } from './validation/rules.js';
import { withoutBom } from './bom.js';

export const CONFIG_FILE_NAME = 'journey.config.json';

/** The contents of a `journey.config.json`: `{ "rules": { "missing-evidence": "warning" } }`. */
export interface LintConfigFile {
    rules: Partial<Record<LintRule, RuleSeverity>>;
}

/** A broken config file; `position` (0-based) is where the JSON stops parsing, when known. */
export class LintConfigError extends Error {
    constructor(
        readonly file: string, readonly detail: string, readonly position?: { line: number; character: number },
        /** The key the problem is at (a rule id, or a top-level key), to find its position in the text. */
        readonly key?: string,
    ) {
        super(`${file}: ${detail}`);
    }
}

/** Line and column of `"key":` in the text (first occurrence), for problems found after parsing. */
function keyPosition(text: string, key: string): { line: number; character: number } | undefined {
    const match = new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).exec(text);
    if (!match) return undefined;
    const before = text.slice(0, match.index);
    return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Line and column of a JSON.parse failure, from the offset V8 puts in its message. */
function jsonErrorPosition(text: string, err: Error): { line: number; character: number } | undefined {
    const offset = /at position (\d+)/.exec(err.message)?.[1];
    if (offset === undefined) return undefined;
    const before = text.slice(0, Number(offset));
    const line = before.split('\n').length - 1;
    return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Checks the shape of a parsed config object; throws a LintConfigError naming the problem. */
export function checkLintConfig(value: unknown, file: string): LintConfigFile {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new LintConfigError(file, 'expected an object such as { "rules": { "missing-evidence": "warning" } }');
    }
    for (const key of Object.keys(value)) {
        if (key !== 'rules' && key !== '$schema') {
            throw new LintConfigError(file, `unknown key '${key}': a config holds only "rules", e.g. { "rules": { "missing-evidence": "warning" } }`, undefined, key);
        }
    }
    const rules = (value as { rules?: unknown }).rules ?? {};
    return { rules: checkRuleRecord(rules, file) };
}

export function checkRuleRecord(rules: unknown, file: string): Partial<Record<LintRule, RuleSeverity>> {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
        throw new LintConfigError(file, '"rules" must be an object mapping rule ids to off, info, warning or error', undefined, 'rules');
    }
    const result: Partial<Record<LintRule, RuleSeverity>> = {};
    for (const [rule, severity] of Object.entries(rules)) {
        if (!isLintRule(rule)) {
            throw new LintConfigError(file, `unknown rule '${rule}' (known rules: ${Object.keys(lintRuleDefaults).join(', ')})`, undefined, rule);
        }
        if (!ruleSeverities.includes(severity as RuleSeverity)) {
            throw new LintConfigError(file, `rule '${rule}' has severity ${JSON.stringify(severity)}; use off, info, warning or error`, undefined, rule);
        }
        result[rule] = severity as RuleSeverity;
    }
    return result;
}

export function readLintConfigFile(file: string): LintConfigFile {
    let text: string;
    try {
        // A named pipe or a device would block or never end.
        if (!fs.statSync(file).isFile()) throw new Error('not a regular file');
        // Without the byte order mark some editors save JSON with, which JSON.parse refuses.
        text = withoutBom(fs.readFileSync(file, 'utf8'));
    } catch (err) {
        throw new LintConfigError(file, `cannot read: ${(err as Error).message}`);
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (err) {
        throw new LintConfigError(file, `invalid JSON: ${(err as Error).message}`, jsonErrorPosition(text, err as Error));
    }
    try {
        return checkLintConfig(value, file);
    } catch (err) {
        // Point at the offending key, as for a JSON syntax error.
        if (err instanceof LintConfigError && err.key !== undefined) throw new LintConfigError(file, err.detail, keyPosition(text, err.key), err.key);
        throw err;
    }
}

/** The nearest `journey.config.json` in the folder of a file or a folder above it. */
export function findLintConfigFile(filePath: string): string | undefined {
    let dir = path.dirname(path.resolve(filePath));
    for (;;) {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        if (fs.existsSync(candidate)) return candidate;
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

/**
 * Rule severities for a document: the defaults, overridden by the nearest `journey.config.json`
 * (or the file given with the CLI's `--config`), overridden by the editor setting `journey.lint.rules`.
 */
export class LintConfigProvider {
    private readonly configuration: ConfigurationProvider;
    private readonly fileCache = new Map<string, LintConfigFile | LintConfigError>();
    /** Set by the CLI's `--config`: use this file instead of searching. */
    explicitConfigFile: string | undefined;
    /** Reports a broken config file without stopping validation; the server logs it. */
    onConfigError: (error: LintConfigError) => void = () => undefined;

    constructor(services: LangiumSharedCoreServices) {
        this.configuration = services.workspace.ConfigurationProvider;
    }

    async severities(uri: URI): Promise<RuleSeverities> {
        return (await this.settingsFor(uri)).severities;
    }

    /**
     * The severities for a document. A broken config file counts as absent (the defaults apply);
     * it is reported once, through `onConfigError`, not in every map it covers.
     */
    async settingsFor(uri: URI): Promise<{ severities: RuleSeverities }> {
        const severities: RuleSeverities = { ...lintRuleDefaults };
        const file = this.configFileFor(uri);
        const loaded = file ? this.load(file) : undefined;
        if (!(loaded instanceof LintConfigError)) Object.assign(severities, loaded?.rules ?? {});
        Object.assign(severities, await this.editorRules());
        return { severities };
    }

    /** Drops cached config files, e.g. when one changes on disk. */
    clearCache(): void {
        this.fileCache.clear();
    }

    /** The config file that applies to a document: `--config`, else the nearest `journey.config.json`. */
    configFileFor(uri: URI): string | undefined {
        return this.explicitConfigFile ?? (uri.scheme === 'file' ? findLintConfigFile(uri.fsPath) : undefined);
    }

    private load(file: string): LintConfigFile | LintConfigError {
        let entry = this.fileCache.get(file);
        if (!entry) {
            try {
                entry = readLintConfigFile(file);
            } catch (err) {
                if (!(err instanceof LintConfigError)) throw err;
                entry = err;
                this.onConfigError(err);
            }
            this.fileCache.set(file, entry);
        }
        return entry;
    }

    private async editorRules(): Promise<Partial<Record<LintRule, RuleSeverity>>> {
        const lint = await this.configuration.getConfiguration('journey', 'lint');
        const rules = lint?.rules;
        if (!rules || typeof rules !== 'object') return {};
        const result: Partial<Record<LintRule, RuleSeverity>> = {};
        for (const [rule, severity] of Object.entries(rules)) {
            if (isLintRule(rule) && ruleSeverities.includes(severity as RuleSeverity)) {
                result[rule] = severity as RuleSeverity;
            }
        }
        return result;
    }
}
