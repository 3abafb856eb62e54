import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildFiles } from './helpers.js';

/** Every map in examples/ lints with no error and no warning (infos are fine: they are hints). */

const EXAMPLES = path.resolve(import.meta.dirname, '../examples');

describe('examples/', () => {
    it('has no errors and no warnings', async () => {
        const names = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.journey'));
        expect(names.length).toBeGreaterThan(0);
        const { documents } = await buildFiles(Object.fromEntries(names.map(name => [name, fs.readFileSync(path.join(EXAMPLES, name), 'utf8')])));
        for (const name of names) {
            const serious = (documents[name].diagnostics ?? [])
                .filter(d => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
                .map(d => `${name}:${d.range.start.line + 1} ${String(d.code)} ${String(d.message)}`);
            expect(serious).toEqual([]);
        }
    });
});
