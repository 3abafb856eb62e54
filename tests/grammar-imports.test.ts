import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createJourneyServices } from '../src/language/journey-module.js';
import { codesAt } from './helpers.js';

/**
 * Imports on a real file system: a document whose imports nobody loaded (a language server with
 * no workspace folder, an import leaving the folder) loads them itself, transitively.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-imports-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(relative: string, text: string): string {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
}

describe('imports not loaded by the workspace', () => {
    it('are read from disk, transitively, and link at once', async () => {
        write('shared/people.journey', 'import "teams.journey"\npersona dana\nchannel kiosk\n');
        write('shared/teams.journey', 'team desk\n');
        const main = write('maps/main.journey', 'import "../shared/people.journey"\nimport "../shared/missing.journey"\n'
            + 'journey j { for dana stage s { touchpoint kiosk emotion 0 frontstage "f" owner desk } }\n');
        const { shared } = createJourneyServices(NodeFileSystem);
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(main));
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(codesAt(document.diagnostics ?? [])).toEqual(['import-not-found@2']);
        expect(shared.workspace.LangiumDocuments.hasDocument(URI.file(path.join(root, 'shared/teams.journey')))).toBe(true);
        // The next build validates the files loaded on the way.
        await shared.workspace.DocumentBuilder.update([], []);
        const people = shared.workspace.LangiumDocuments.getDocument(URI.file(path.join(root, 'shared/people.journey')))!;
        expect(codesAt(people.diagnostics ?? [])).toEqual([]);
    });

    it('an import of a folder, a named pipe or the file itself: no crash, no hang', async () => {
        fs.mkdirSync(path.join(root, 'dir.journey'), { recursive: true });
        expect(spawnSync('mkfifo', [path.join(root, 'pipe.journey')]).status).toBe(0);
        const main = write('self.journey', 'import "self.journey"\nimport "dir.journey"\nimport "pipe.journey"\npersona p\n');
        const { shared } = createJourneyServices(NodeFileSystem);
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(main));
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(codesAt(document.diagnostics ?? [])).toEqual(['import-not-found@2', 'import-not-found@3', 'unused-declaration@4']);
    });
});

describe('a library follows the maps that import it', () => {
    it('unused-declaration in a library updates when a map starts or stops using a declaration', async () => {
        const people = write('live/people.journey', 'persona dana\nteam billing\n');
        const main = write('live/main.journey', 'import "people.journey"\njourney j { for dana stage s { touchpoint web emotion 0 } }\n');
        const { shared } = createJourneyServices(NodeFileSystem);
        const docs = shared.workspace.LangiumDocuments;
        const built = await Promise.all([main, people].map(file => docs.getOrCreateDocument(URI.file(file))));
        await shared.workspace.DocumentBuilder.build(built, { validation: true });
        const library = () => docs.getDocument(URI.file(people))!;
        expect(codesAt(library().diagnostics ?? [])).toEqual(['unused-declaration@2']);

        write('live/main.journey', 'import "people.journey"\njourney j { for dana stage s { touchpoint web emotion 0 support "s" owner billing } }\n');
        await shared.workspace.DocumentBuilder.update([URI.file(main)], []);
        expect(codesAt(library().diagnostics ?? [])).toEqual([]);

        write('live/main.journey', 'import "people.journey"\njourney j { stage s { touchpoint web emotion 0 } }\n');
        await shared.workspace.DocumentBuilder.update([URI.file(main)], []);
        expect(codesAt(library().diagnostics ?? [])).toEqual(['unused-declaration@1', 'unused-declaration@2']);
    });

    it('an importer follows its imports: a file that appears, a clash that comes and goes', async () => {
        const main = write('follow/main.journey', 'import "a.journey"\nimport "b.journey"\npersona p\njourney j { for p stage s { touchpoint web emotion 0 } }\n');
        const a = write('follow/a.journey', 'team ta\n');
        const { shared } = createJourneyServices(NodeFileSystem);
        const docs = shared.workspace.LangiumDocuments;
        const built = await Promise.all([main, a].map(file => docs.getOrCreateDocument(URI.file(file))));
        await shared.workspace.DocumentBuilder.build(built, { validation: true });
        const mainDiagnostics = () => codesAt(docs.getDocument(URI.file(main))!.diagnostics ?? []);
        expect(mainDiagnostics()).toEqual(['import-not-found@2']);

        const b = write('follow/b.journey', 'team ta\n');
        await shared.workspace.DocumentBuilder.update([URI.file(b)], []);
        expect(mainDiagnostics()).toEqual(['duplicate-id@2']);

        write('follow/b.journey', 'team tb\n');
        await shared.workspace.DocumentBuilder.update([URI.file(b)], []);
        expect(mainDiagnostics()).toEqual([]);

        fs.rmSync(b);
        await shared.workspace.DocumentBuilder.update([], [URI.file(b)]);
        expect(mainDiagnostics()).toEqual(['import-not-found@2']);
    });
});
