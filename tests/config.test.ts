import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createJourneyServices } from '../src/language/journey-module.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codesAt, createTestServices } from './helpers.js';
import { checkLintConfig, findLintConfigFile, LintConfigError, readLintConfigFile } from '../src/language/lint-config.js';
import { lintRuleDefaults } from '../src/language/validation/rules.js';

/**
 * Rule severities from `journey.config.json` (the file's folder or the nearest one above) and from
 * the editor setting `journey.lint.rules`, on real files in a temporary folder.
 */

let root: string;

beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-config-'));
});

afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

/** A step with no emotion, no touchpoint, no evidence, and a barrier nothing fixes. */
const MAP = `persona p
journey j {
  for p
  stage s {
    step a {
      action "x"
      barrier b "y"
    }
  }
}
`;
const DEFAULT_CODES = ['missing-emotion@5', 'missing-touchpoint@5', 'unaddressed-barrier@7'];

function write(relative: string, text: string): string {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
}

async function validate(file: string, settings?: Record<string, string>, services = createTestServices()): Promise<Diagnostic[]> {
    if (settings) {
        await services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { lint: { rules: settings } } } });
    }
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document.diagnostics ?? [];
}

function severityOf(diagnostics: Diagnostic[], code: string): DiagnosticSeverity | undefined {
    return diagnostics.find(d => d.code === code)?.severity;
}

describe('journey.config.json', () => {
    it('without a config file: the defaults', async () => {
        const file = write('none/map.journey', MAP);
        const diagnostics = await validate(file);
        expect(codesAt(diagnostics)).toEqual(DEFAULT_CODES);
        expect(severityOf(diagnostics, 'missing-emotion')).toBe(DiagnosticSeverity.Warning);
        expect(severityOf(diagnostics, 'unaddressed-barrier')).toBe(DiagnosticSeverity.Information);
    });

    it('in the file\'s folder: off, info, warning and error', async () => {
        write('here/journey.config.json', JSON.stringify({
            rules: { 'missing-emotion': 'error', 'missing-touchpoint': 'off', 'unaddressed-barrier': 'warning', 'missing-evidence': 'info' },
        }));
        const diagnostics = await validate(write('here/map.journey', MAP));
        expect(codesAt(diagnostics)).toEqual(['missing-emotion@5', 'missing-evidence@5', 'unaddressed-barrier@7']);
        expect(severityOf(diagnostics, 'missing-emotion')).toBe(DiagnosticSeverity.Error);
        expect(severityOf(diagnostics, 'unaddressed-barrier')).toBe(DiagnosticSeverity.Warning);
        expect(severityOf(diagnostics, 'missing-evidence')).toBe(DiagnosticSeverity.Information);
    });

    it('in a folder above: the nearest one wins', async () => {
        write('up/journey.config.json', JSON.stringify({ rules: { 'missing-emotion': 'off' } }));
        write('up/a/journey.config.json', JSON.stringify({ rules: { 'missing-touchpoint': 'off' } }));
        expect(codesAt(await validate(write('up/b/c/map.journey', MAP)))).toEqual(['missing-touchpoint@5', 'unaddressed-barrier@7']);
        expect(codesAt(await validate(write('up/a/d/map.journey', MAP)))).toEqual(['missing-emotion@5', 'unaddressed-barrier@7']);
        expect(findLintConfigFile(path.join(root, 'up/b/c/map.journey'))).toBe(path.join(root, 'up/journey.config.json'));
    });

    it('an empty config, or one with empty rules, keeps the defaults', async () => {
        write('empty/journey.config.json', '{}');
        expect(codesAt(await validate(write('empty/map.journey', MAP)))).toEqual(DEFAULT_CODES);
        write('empty-rules/journey.config.json', '{ "rules": {} }');
        expect(codesAt(await validate(write('empty-rules/map.journey', MAP)))).toEqual(DEFAULT_CODES);
    });

    it('cannot switch off or downgrade an error code', async () => {
        write('errors/journey.config.json', JSON.stringify({ rules: { 'missing-emotion': 'off' } }));
        const diagnostics = await validate(write('errors/map.journey', MAP.replace('action "x"', 'emotion 9')));
        expect(severityOf(diagnostics, 'emotion-range')).toBe(DiagnosticSeverity.Error);
    });
});

describe('the editor setting journey.lint.rules', () => {
    it('sets severities like the config file', async () => {
        const file = write('editor/map.journey', MAP);
        const diagnostics = await validate(file, { 'missing-emotion': 'info', 'missing-touchpoint': 'off', 'missing-evidence': 'error' });
        expect(codesAt(diagnostics)).toEqual(['missing-emotion@5', 'missing-evidence@5', 'unaddressed-barrier@7']);
        expect(severityOf(diagnostics, 'missing-emotion')).toBe(DiagnosticSeverity.Information);
        expect(severityOf(diagnostics, 'missing-evidence')).toBe(DiagnosticSeverity.Error);
    });

    it('overrides the config file, rule by rule', async () => {
        write('both/journey.config.json', JSON.stringify({ rules: { 'missing-emotion': 'off', 'missing-touchpoint': 'error' } }));
        const diagnostics = await validate(write('both/map.journey', MAP), { 'missing-emotion': 'warning' });
        expect(codesAt(diagnostics)).toEqual(DEFAULT_CODES);
        expect(severityOf(diagnostics, 'missing-touchpoint')).toBe(DiagnosticSeverity.Error);
    });

    it('re-validating after a settings change applies the new severities', async () => {
        // Re-validation reads the file again: real file-system services, as in the server and the CLI.
        const services = createJourneyServices(NodeFileSystem);
        const file = write('change/map.journey', MAP);
        expect(codesAt(await validate(file, undefined, services))).toEqual(DEFAULT_CODES);
        await services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { lint: { rules: { 'unaddressed-barrier': 'off' } } } } });
        const uri = URI.file(file);
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        const document = services.shared.workspace.LangiumDocuments.getDocument(uri)!;
        expect(codesAt(document.diagnostics ?? [])).toEqual(['missing-emotion@5', 'missing-touchpoint@5']);
    });

    it('ignores unknown rules and values in the setting', async () => {
        const diagnostics = await validate(write('editor-bad/map.journey', MAP), { 'no-such-rule': 'off', 'missing-emotion': 'loud' });
        expect(codesAt(diagnostics)).toEqual(DEFAULT_CODES);
    });
});

describe('broken config files', () => {
    const cases: Array<[string, string, RegExp]> = [
        ['invalid-json', '{ "rules": { "missing-emotion": "off", } ', /invalid JSON/],
        ['unknown-rule', '{ "rules": { "missing-emoticon": "off" } }', /unknown rule 'missing-emoticon'.*missing-emotion/],
        ['bad-severity', '{ "rules": { "missing-emotion": "loud" } }', /rule 'missing-emotion' has severity "loud"; use off, info, warning or error/],
        ['error-code', '{ "rules": { "syntax-error": "off" } }', /unknown rule 'syntax-error'/],
        ['not-an-object', '[1, 2]', /expected an object/],
        ['rules-not-an-object', '{ "rules": ["missing-emotion"] }', /"rules" must be an object/],
        ['unknown-key', '{ "rule": { "missing-emotion": "off" } }', /unknown key 'rule'/],
    ];

    for (const [name, text, message] of cases) {
        it(`${name}: reported once through onConfigError, and the map gets the defaults`, async () => {
            const config = write(`${name}/journey.config.json`, text);
            const services = createTestServices();
            const reported: LintConfigError[] = [];
            services.Journey.journey.LintConfig.onConfigError = error => reported.push(error);
            const diagnostics = await validate(write(`${name}/map.journey`, MAP), undefined, services);
            await validate(write(`${name}/other.journey`, MAP), undefined, services);
            expect(reported).toHaveLength(1);
            expect(reported[0].file).toBe(config);
            expect(reported[0].message).toContain(config);
            expect(reported[0].message).toMatch(message);
            expect(codesAt(diagnostics)).toEqual(DEFAULT_CODES);
            expect(() => readLintConfigFile(config)).toThrow(LintConfigError);
        });
    }

    it('invalid JSON carries the line and column where parsing stopped', () => {
        const config = write('position/journey.config.json', '{\n  "rules": {\n    "missing-emotion": "off",\n  }\n}\n');
        try {
            readLintConfigFile(config);
            expect.unreachable('the config is broken');
        } catch (err) {
            expect((err as LintConfigError).position).toEqual({ line: 3, character: 2 });
        }
    });

    it('a config that cannot be read names the file', () => {
        expect(() => readLintConfigFile(path.join(root, 'nowhere/journey.config.json'))).toThrow(/nowhere\/journey.config.json: cannot read/);
    });

    it('checkLintConfig accepts every rule at every severity, and $schema', () => {
        for (const severity of ['off', 'info', 'warning', 'error'] as const) {
            const rules = Object.fromEntries(Object.keys(lintRuleDefaults).map(rule => [rule, severity]));
            expect(checkLintConfig({ $schema: 'x', rules }, 'f').rules).toEqual(rules);
        }
    });
});
