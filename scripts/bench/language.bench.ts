/**
 * Language benchmarks: parse + link + validate maps of 100, 1,000 and 5,000 steps, re-validation
 * after a one-line edit, and completion and hover latency on the 1,000-step map. The services are
 * the ones the server and the CLI build (createJourneyServices with the Node file system).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLangiumParser, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { generateMap } from './generate-map.js';
import { medianMs, report } from './util.js';

const { shared, Journey } = createJourneyServices(NodeFileSystem);
const documents = shared.workspace.LangiumDocuments;
const factory = shared.workspace.LangiumDocumentFactory;
const builder = shared.workspace.DocumentBuilder;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-'));
let ok = true;

/** Median CPU time (user + system) of `fn`: on a machine shared with other work, steadier than wall time. */
async function medianCpuMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const before = process.cpuUsage();
        await fn();
        const used = process.cpuUsage(before);
        times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}

/** Removes a document and its index entries, so that it does not weigh on later figures. */
async function drop(uri: URI): Promise<void> {
    if (documents.hasDocument(uri)) await builder.update([], [uri]);
}

/** Parses, links and validates `text` as a new document (replacing an earlier one of that name). */
async function fullBuild(text: string, name: string): Promise<LangiumDocument> {
    const uri = URI.file(path.join(dir, name));
    await drop(uri);
    const document = factory.fromString(text, uri);
    documents.addDocument(document);
    await builder.build([document], { validation: true });
    return document;
}

function lineOf(text: string, needle: string): { line: number; character: number } {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    if (line < 0) throw new Error(`bench: '${needle}' not in the map`);
    return { line, character: lines[line].indexOf(needle) };
}

async function main(): Promise<void> {
    for (const steps of [100, 1000, 5000]) {
        const text = generateMap(steps);
        const runs = steps >= 5000 ? 5 : steps >= 1000 ? 11 : 21;
        let document: LangiumDocument | undefined;
        const ms = await medianMs(runs, async () => { document = await fullBuild(text, `full-${steps}.journey`); });
        const errors = (document?.diagnostics ?? []).filter(d => d.severity === 1);
        if (errors.length > 0) throw new Error(`bench: the ${steps}-step map has errors: ${errors[0].message}`);
        ok = report(`parse + link + validate, ${steps} steps (${text.split('\n').length} lines)`, ms, steps === 1000 ? 150 : undefined) && ok;
        const cpu = await medianCpuMs(Math.min(runs, 7), () => fullBuild(text, `full-${steps}.journey`));
        report(`  the same, CPU time`, cpu);
        if (steps === 1000) {
            // Parsing alone: lexing and parsing into the AST and CST, as the document factory asks for it
            // (the fast path of src/language/parser/ for a text without errors). Wall and CPU time.
            const parser = Journey.parser.LangiumParser;
            report('  parse alone (lex + parse), 1000 steps', await medianMs(runs, () => parser.parse(text)));
            report('  parse alone, CPU time', await medianCpuMs(runs, async () => parser.parse(text)));
            // For comparison: Langium's own parser on the same text (what parsed every text before the fast path).
            const langiumParser = createLangiumParser(Journey);
            report('  parse alone with Langium\'s parser (no fast path)', await medianMs(7, () => langiumParser.parse(text)));
            // Validation alone, on the parsed and linked document (what runs again when only lint settings change).
            const validator = Journey.validation.DocumentValidator;
            const validated = await fullBuild(text, 'validate-only-1000.journey');
            report('  validation alone, 1000 steps', await medianMs(runs, () => validator.validateDocument(validated)));
            await drop(validated.uri);
        }
        if (document) await drop(document.uri);
    }

    // Re-validation after a one-line edit: the file changes on disk and the builder updates it,
    // as the server does after a keystroke (re-parse, re-link and re-validate the changed document).
    {
        const file = path.join(dir, 'edit-1000.journey');
        const text = generateMap(1000);
        fs.writeFileSync(file, text);
        const uri = URI.file(file);
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        await builder.build([document], { validation: true });
        const target = 'thought "Is thing 500 worth it?"';
        let edit = 0;
        const ms = await medianMs(11, async () => {
            fs.writeFileSync(file, text.replace(target, `thought "Is thing 500 worth it? (edit ${++edit})"`));
            await builder.update([uri], []);
            const updated = documents.getDocument(uri)!;
            if (!updated.textDocument.getText().includes(`(edit ${edit})`)) throw new Error('bench: the edit was not picked up');
        });
        ok = report('re-validate after a one-line edit, 1000 steps', ms) && ok;
        await drop(uri);
    }

    // Completion and hover on the 1,000-step map, calling the providers as the server does.
    {
        const text = generateMap(1000);
        const document = await fullBuild(text, 'features-1000.journey');
        const uri = document.uri.toString();
        const completion = Journey.lsp.CompletionProvider!;
        const hover = Journey.lsp.HoverProvider!;
        const cases: Array<[string, string, 'completion' | 'hover', number]> = [
            ['completion of a persona after `for`', 'emotion 1 "feeling 503" for ana', 'completion', 'emotion 1 "feeling 503" for '.length],
            ['completion of a channel after `touchpoint`', 'touchpoint web "Screen 501"', 'completion', 'touchpoint '.length],
            ['completion of a barrier after `fixes`', 'fixes barrier-500', 'completion', 'fixes '.length],
            ['completion of keywords at the start of a fact', 'question "Why 500?"', 'completion', 0],
            ['hover on a persona reference', 'emotion 1 "feeling 503" for ana', 'hover', 'emotion 1 "feeling 503" for a'.length],
            ['hover on a channel reference', 'touchpoint portal "Screen 500"', 'hover', 'touchpoint po'.length],
            ['hover on a barrier after `fixes`', 'fixes barrier-500', 'hover', 'fixes barr'.length],
        ];
        for (const [name, needle, kind, offset] of cases) {
            const at = lineOf(text, needle);
            const position = { line: at.line, character: at.character + offset };
            let answered = false;
            const ms = await medianMs(21, async () => {
                if (kind === 'completion') {
                    const list = await completion.getCompletion(document, { textDocument: { uri }, position });
                    answered = (list?.items.length ?? 0) > 0;
                } else {
                    const content = await hover.getHoverContent(document, { textDocument: { uri }, position });
                answered = JSON.stringify(content?.contents ?? '').length > 2;
                }
            });
            ok = report(`${name}${answered ? '' : ' (empty answer)'}`, ms, 30) && ok;
        }
    }
}

main().then(
    () => {
        // Wall times on a shared 2-core machine mostly measure waiting; the load says how much.
        console.log(`(1-minute load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
        fs.rmSync(dir, { recursive: true, force: true });
        process.exitCode = ok ? 0 : 1;
    },
    err => {
        console.error(err);
        process.exitCode = 1;
    },
);
