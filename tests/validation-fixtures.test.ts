import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFiles } from './helpers.js';

/**
 * Fixtures in the language itself: `tests/fixtures/validation/**` holds maps whose lines carry
 * `// expect: CODE...` for every diagnostic expected on that line. A folder is one workspace
 * (its files may import each other); a line without `expect` must have no diagnostic.
 */

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/validation');
const EXPECT = /\/\/ expect:([a-z\- ]+)/;

function journeyFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.journey'))
        .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
}

/** `code@line` for every expectation comment of a file, sorted. */
function expectations(text: string): string[] {
    return text.split('\n').flatMap((line, index) => {
        const match = EXPECT.exec(line);
        return match ? match[1].trim().split(/\s+/).map(code => `${code}@${index + 1}`) : [];
    }).sort();
}

/** One workspace per top-level file, and one per folder. */
const workspaces = fs.readdirSync(FIXTURES, { withFileTypes: true }).map(entry => ({
    name: entry.name,
    dir: entry.isDirectory() ? path.join(FIXTURES, entry.name) : FIXTURES,
    files: entry.isDirectory() ? journeyFiles(path.join(FIXTURES, entry.name)) : [entry.name],
}));

describe('validation fixtures', () => {
    for (const workspace of workspaces) {
        it(workspace.name, async () => {
            const texts = Object.fromEntries(workspace.files.map(file => [file, fs.readFileSync(path.join(workspace.dir, file), 'utf8')]));
            const { documents } = await buildFiles(texts);
            for (const file of workspace.files) {
                const actual = (documents[file].diagnostics ?? []).map(d => `${String(d.code)}@${d.range.start.line + 1}`).sort();
                expect(actual, `${workspace.name}: ${file}`).toEqual(expectations(texts[file]));
            }
        });
    }
});
