import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { templates } from '../src/templates/index.js';
import { journey } from './helpers.js';

const cli = (...args: string[]) => journey(args);

let dir: string;
const cwd = process.cwd();
beforeAll(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'journey-new-')));
    process.chdir(dir);
});
afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('journey new', () => {
    test('writes NAME.journey from the default template (current-state)', async () => {
        const result = await cli('new', 'onboarding');
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Wrote onboarding.journey');
        expect(fs.readFileSync('onboarding.journey', 'utf8')).toBe(templates[0].text('onboarding'));
    });

    for (const template of templates) {
        test(`--template ${template.id}`, async () => {
            const name = `maps-${template.id}`;
            const result = await cli('new', `${name}.journey`, '--template', template.id);
            expect(result.code).toBe(0);
            const text = fs.readFileSync(`${name}.journey`, 'utf8');
            expect(text).toBe(template.text(name));
            // The new file lints clean of errors with the real CLI path.
            const lint = await cli('lint', `${name}.journey`, '--format', 'json');
            expect(lint.code).toBe(0);
            expect(JSON.parse(lint.stdout).errorCount).toBe(0);
            expect((await cli('fmt', '--check', `${name}.journey`)).code).toBe(0);
        });
    }

    test('a name with a folder writes into it', async () => {
        fs.mkdirSync('sub');
        expect((await cli('new', 'sub/checkout', '-t', 'future-state')).code).toBe(0);
        expect(fs.readFileSync('sub/checkout.journey', 'utf8')).toContain('journey checkout "checkout" {');
    });

    test('refuses to overwrite an existing file (exit 2)', async () => {
        fs.writeFileSync('taken.journey', 'mine');
        const result = await cli('new', 'taken');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('taken.journey already exists; not overwritten');
        expect(fs.readFileSync('taken.journey', 'utf8')).toBe('mine');
    });

    test('usage errors exit 2: unknown template, no name, missing folder', async () => {
        const unknown = await cli('new', 'x', '--template', 'poster');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain("unknown template 'poster'; use one of current-state, future-state, day-in-the-life, service-blueprint");
        expect((await cli('new')).code).toBe(2);
        expect((await cli('new', 'no/such/folder/x')).code).toBe(2);
    });

    test('--help lists the templates', async () => {
        const help = await cli('new', '--help');
        expect(help.code).toBe(0);
        for (const t of templates) expect(help.stdout).toContain(t.id);
    });
});
