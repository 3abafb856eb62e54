import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { errorMap, journey, tempFolder, warningMap } from './cli-lint-support.js';
import { formatGithub, escapeData, escapeProperty } from '../src/cli/lint-github.js';
import type { LintReport } from '../src/cli/lint-report.js';

// The official SARIF 2.1.0 schema (2.1.0-rtm.5, the one GitHub code scanning documents),
// as shipped by Microsoft's @microsoft/jest-sarif package. It is JSON Schema draft-04.
const require = createRequire(import.meta.url);
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
// unicodeRegExp: false because one pattern of the schema (for language tags) is not valid with the `u` flag.
// A CommonJS package: the default import is module.exports, whose `default` is the Ajv class.
const Ajv = AjvDraft04.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
// The formats the schema uses, checked with the platform's own URL and date parsers.
ajv.addFormat('uri', (text: string) => URL.canParse(text));
ajv.addFormat('uri-reference', (text: string) => URL.canParse(text, 'file:///base/'));
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
const validate = ajv.compile(schema);

describe('journey lint --format sarif', () => {
    const cwd = process.cwd();
    let dir: string;
    let sarif: any;
    let code: number;

    beforeAll(async () => {
        dir = tempFolder({ 'maps/bad map.journey': errorMap, 'maps/warn.journey': warningMap });
        process.chdir(dir); // paths inside the working folder are reported relative to it
        const run = await journey(['lint', 'maps', '--format', 'sarif']);
        code = run.code;
        sarif = JSON.parse(run.stdout);
    });
    afterAll(() => process.chdir(cwd));

    it('is valid against the SARIF 2.1.0 schema', () => {
        const valid = validate(sarif);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(sarif.version).toBe('2.1.0');
        expect(code).toBe(1);
    });

    it('the schema check can fail: a result with an unknown level is rejected', () => {
        const broken = structuredClone(sarif);
        broken.runs[0].results[0].level = 'info';
        expect(validate(broken)).toBe(false);
        delete broken.runs[0].results[0].level;
        broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
        expect(validate(broken)).toBe(false);
    });

    it('names the tool and describes every rule and error code', () => {
        const driver = sarif.runs[0].tool.driver;
        expect(driver.name).toBe('journey');
        const ids = driver.rules.map((r: { id: string }) => r.id);
        for (const id of ['missing-emotion', 'missing-touchpoint', 'missing-evidence', 'unresolved-reference', 'syntax-error', 'import-not-found']) {
            expect(ids).toContain(id);
        }
        const evidence = driver.rules.find((r: { id: string }) => r.id === 'missing-evidence');
        expect(evidence.defaultConfiguration).toEqual({ level: 'none', enabled: false });
        for (const rule of driver.rules) expect(rule.shortDescription.text.length).toBeGreaterThan(5);
    });

    it('reports each diagnostic with ruleId, level and a relative location with a 1-based region', () => {
        const results = sarif.runs[0].results;
        const unresolved = results.find((r: { ruleId: string }) => r.ruleId === 'unresolved-reference');
        expect(unresolved.level).toBe('error');
        expect(unresolved.message.text).toContain("'nobody'");
        expect(unresolved.locations[0].physicalLocation).toEqual({
            artifactLocation: { uri: 'maps/bad%20map.journey', uriBaseId: '%SRCROOT%' },
            region: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 13 },
        });
        expect(sarif.runs[0].tool.driver.rules[unresolved.ruleIndex].id).toBe('unresolved-reference');
        const warnings = results.filter((r: { level: string }) => r.level === 'warning');
        expect(warnings.map((r: { ruleId: string }) => r.ruleId)).toEqual(['missing-touchpoint', 'missing-emotion']);
        expect(warnings[0].locations[0].physicalLocation.artifactLocation.uri).toBe('maps/warn.journey');
        expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    });

    it('uses note for infos and stays valid for an empty run', async () => {
        const clean = tempFolder({ 'a.journey': 'persona unused "U"\n' });
        const run = await journey(['lint', clean, '--format', 'sarif']);
        const log = JSON.parse(run.stdout);
        expect(validate(log)).toBe(true);
        expect(log.runs[0].results.map((r: { level: string; ruleId: string }) => `${r.level}:${r.ruleId}`)).toEqual(['note:unused-declaration']);
        // Outside the working folder the location is an absolute file URI.
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*\/a\.journey$/);
        const none = await journey(['lint', clean, '--format', 'sarif', '--quiet']);
        const empty = JSON.parse(none.stdout);
        expect(validate(empty)).toBe(true);
        expect(empty.runs[0].results).toEqual([]);
    });
});

describe('journey lint --format github', () => {
    it('prints one workflow command per diagnostic, by severity', async () => {
        const dir = tempFolder({ 'bad.journey': errorMap, 'warn.journey': warningMap, 'info.journey': 'persona unused "U"\n' });
        const run = await journey(['lint', dir, '--format', 'github']);
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(4);
        const file = (name: string) => escapeProperty(path.join(dir, name));
        // A colon in the message is left alone: only properties escape it.
        expect(lines[0].startsWith(`::error file=${file('bad.journey')},line=2,col=7,endLine=2,endColumn=13,title=unresolved-reference::Unknown persona 'nobody': `)).toBe(true);
        expect(lines[1]).toMatch(/^::notice file=.*info\.journey,line=1,col=9,endLine=1,endColumn=15,title=unused-declaration::/);
        expect(lines[2]).toMatch(/^::warning file=.*warn\.journey,line=6,col=5,.*title=missing-touchpoint::/);
        expect(lines[3]).toMatch(/^::warning file=.*warn\.journey,line=9,col=5,.*title=missing-emotion::/);
    });

    it('escapes %, CR and LF in messages, and also : and , in properties', () => {
        expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
        expect(escapeProperty('C:\\maps\\a,b%.journey\n')).toBe('C%3A\\maps\\a%2Cb%25.journey%0A');
        const report: LintReport = {
            files: [{ path: 'odd, name:1.journey', diagnostics: [{ rule: 'syntax-error', severity: 'error', message: 'bad\nline 100%', line: 3, column: 1, endLine: 4, endColumn: 2 }] }],
            errorCount: 1, warningCount: 0, infoCount: 0,
        };
        expect(formatGithub(report)).toBe('::error file=odd%2C name%3A1.journey,line=3,col=1,endLine=4,endColumn=2,title=syntax-error::bad%0Aline 100%25\n');
    });

    it('prints nothing when there is nothing to report', async () => {
        const dir = tempFolder({ 'warn.journey': warningMap });
        const run = await journey(['lint', dir, '--format', 'github', '--quiet']);
        expect(run.stdout).toBe('');
        expect(run.code).toBe(0);
    });
});
