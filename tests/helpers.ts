import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createJourneyServices } from '../src/language/journey-module.js';
import type { Model } from '../src/language/generated/ast.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { runCli } from '../src/cli/main.js';

export function createTestServices() {
    return createJourneyServices(EmptyFileSystem);
}

/**
 * Loads several in-memory files (name -> text) into fresh services, builds them all with
 * validation, and returns each document by name.
 */
export async function buildFiles(files: Record<string, string>, services = createTestServices()) {
    const documents: Record<string, LangiumDocument<Model>> = {};
    for (const [name, text] of Object.entries(files)) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///work/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents[name] = document;
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return { services, documents };
}

export async function diagnosticsOf(text: string, extraFiles: Record<string, string> = {}): Promise<Diagnostic[]> {
    const { documents } = await buildFiles({ 'main.journey': text, ...extraFiles });
    return documents['main.journey'].diagnostics ?? [];
}

/** `code@line` pairs (1-based lines), sorted: compact to compare in tests. */
export function codesAt(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => `${String(d.code)}@${d.range.start.line + 1}`).sort();
}

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the CLI in this process, capturing what it writes. */
export async function journey(args: string[], options: { isTTY?: boolean } = {}): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
        stdout: text => { stdout += text; },
        stderr: text => { stderr += text; },
        isTTY: options.isTTY ?? false,
    });
    return { code, stdout, stderr };
}
