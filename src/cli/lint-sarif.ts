import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintReport } from './lint-report.js';
import type { CliDiagnostic } from './diagnostics.js';
import { leavesFolder } from './workspace.js';
import { errorCodes, lintRuleDefaults, lintRules, ruleDescriptions, type DiagnosticCode } from '../language/validation/rules.js';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const levelOf: Record<CliDiagnostic['severity'], SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** Every code a result can carry: the lint rules, then the errors that cannot be switched off. */
const allCodes: DiagnosticCode[] = [...lintRules, ...errorCodes];

export interface SarifOptions {
    /** Relative paths are resolved against this folder (the working folder of the run). */
    cwd?: string;
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run whose driver lists every rule, and one
 * result per diagnostic with a file location relative to the source root and a 1-based region.
 * Columns count UTF-16 code units, as the language server's do; `endColumn` is exclusive in both.
 */
export function formatSarif(report: LintReport, options: SarifOptions = {}): string {
    const cwd = options.cwd ?? process.cwd();
    const ruleIndex = new Map(allCodes.map((code, index) => [code as string, index]));
    const rules: SarifRule[] = allCodes.map(code => ruleDescriptor(code));
    const results = [];
    for (const file of report.files) {
        const artifactLocation = artifactLocationOf(file.path, cwd);
        for (const d of file.diagnostics) {
            let index = ruleIndex.get(d.rule);
            if (index === undefined) {
                // A code this version does not list (should not happen): describe it rather than drop the result.
                index = rules.length;
                ruleIndex.set(d.rule, index);
                rules.push(ruleDescriptor(d.rule));
            }
            results.push({
                ruleId: d.rule,
                ruleIndex: index,
                level: levelOf[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation,
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                    },
                }],
            });
        }
    }
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'journey', informationUri: 'https://www.npmjs.com/package/journey-maps', rules } },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

interface SarifRule {
    id: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    help: { text: string };
    defaultConfiguration: { level: SarifLevel; enabled: boolean };
    properties: { tags: string[] };
}

function ruleDescriptor(code: string): SarifRule {
    const description = (ruleDescriptions as Record<string, string>)[code] ?? code;
    const sentence = description.charAt(0).toUpperCase() + description.slice(1) + '.';
    const defaultSeverity = (lintRuleDefaults as Record<string, string>)[code] ?? 'error';
    const level: SarifLevel = defaultSeverity === 'off' ? 'none' : defaultSeverity === 'info' ? 'note' : defaultSeverity as SarifLevel;
    return {
        id: code,
        shortDescription: { text: sentence },
        fullDescription: { text: `${sentence} ${code in lintRuleDefaults ? 'A lint rule; its severity is set in journey.config.json.' : 'An error that cannot be switched off.'}` },
        help: { text: `journey: ${description}` },
        defaultConfiguration: { level, enabled: defaultSeverity !== 'off' },
        properties: { tags: ['journey-map'] },
    };
}

/** A file inside the working folder is named relative to %SRCROOT% (as GitHub expects); others by file URI. */
function artifactLocationOf(file: string, cwd: string): { uri: string; uriBaseId?: string } {
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(cwd, absolute);
    if (relative && !leavesFolder(relative)) {
        return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
    }
    return { uri: pathToFileURL(absolute).href };
}
