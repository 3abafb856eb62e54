import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The generated parser code is committed. This test runs the Langium generator on the grammar
 * into a temporary folder and fails when the committed files differ: run
 * `npm run langium:generate` and commit `src/language/generated/`.
 */

const root = path.resolve(import.meta.dirname, '..');
const generated = path.join(root, 'src/language/generated');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-generate-'));

afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('src/language/generated', () => {
    it('is in step with journey.langium', () => {
        const project = JSON.parse(fs.readFileSync(path.join(root, 'langium-config.json'), 'utf8'));
        const config = {
            ...project,
            languages: project.languages.map((language: { grammar: string }) => ({ ...language, grammar: path.join(root, language.grammar), textMate: undefined })),
            out: path.join(temp, 'out'),
        };
        const configFile = path.join(temp, 'langium-config.json');
        fs.writeFileSync(configFile, JSON.stringify(config));
        const result = spawnSync(process.execPath, [
            '--import', path.join(root, 'scripts/polyfill.mjs'),
            path.join(root, 'node_modules/langium-cli/bin/langium.js'), 'generate', '-f', configFile,
        ], { cwd: temp, encoding: 'utf8', timeout: 60_000 });
        expect(result.status, result.stderr + result.stdout).toBe(0);
        const fresh = fs.readdirSync(config.out).sort();
        expect(fs.readdirSync(generated).filter(name => name.endsWith('.ts')).sort()).toEqual(fresh);
        for (const name of fresh) {
            const expected = fs.readFileSync(path.join(config.out, name), 'utf8');
            const committed = fs.readFileSync(path.join(generated, name), 'utf8');
            expect(committed === expected, `src/language/generated/${name} is stale: run npm run langium:generate`).toBe(true);
        }
    });
});
