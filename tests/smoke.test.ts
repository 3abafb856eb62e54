import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { buildFiles, codesAt } from './helpers.js';

describe('examples', () => {
    it('parse and link', async () => {
        const files: Record<string, string> = {};
        for (const name of fs.readdirSync('examples')) files[name] = fs.readFileSync(`examples/${name}`, 'utf8');
        const { documents } = await buildFiles(files);
        for (const [name, doc] of Object.entries(documents)) {
            console.log(name, codesAt(doc.diagnostics ?? []), (doc.diagnostics ?? []).map(d => d.message));
        }
        expect(Object.keys(documents).length).toBe(3);
    });
});
