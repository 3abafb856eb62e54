import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { importClosure } from '../language/imports.js';
import { mapModelOfDocument } from '../model/from-document.js';
import type { MapModel } from '../model/types.js';
import { renderSvg, LANES } from '../render/index.js';
import { renderHtml } from '../render/html.js';
import { toMermaid } from '../export/mermaid.js';
import { toMarkdown } from '../export/markdown.js';
import type { Command } from './command.js';
import { checkFormat, parseCommandArgs } from './command.js';
import { sortDiagnostics, toCliDiagnostic } from './diagnostics.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { displayPath, loadWorkspace } from './workspace.js';
import { writeFileAtomic } from './write-file.js';
import { checkOutputFolder, checkOutputIsNotInput } from './output-guard.js';
import { modelToJson } from '../model/model-json.js';

const formats = ['svg', 'html', 'png', 'json', 'mermaid', 'markdown'] as const;
type Format = (typeof formats)[number];

const byExtension: Record<string, Format> = {
    '.svg': 'svg', '.html': 'html', '.htm': 'html', '.png': 'png', '.json': 'json', '.mmd': 'mermaid', '.md': 'markdown',
};

export const renderCommand: Command = {
    name: 'render',
    summary: 'draw a map as SVG, HTML or PNG, or export it as JSON, Mermaid or Markdown',
    help: `Usage: journey render FILE [options]

Draws the journey of FILE (imports are loaded) with the same renderer as the preview.

Options:
  --format FORMAT   svg (default), html (one self-contained page), png (rasterised
                    without a browser), json (the map model, see schema/map-model.schema.json),
                    mermaid (a Mermaid journey diagram) or markdown (a table per stage).
                    Without --format, the extension of -o chooses (.svg .html .png .json
                    .mmd .md; another extension needs --format).
  -o, --output OUT  write to OUT (atomically) instead of standard output; png needs -o
  --hide LANES      lanes not to draw, comma-separated (${LANES.map(l => l.id).join(', ')})
  --personas IDS    draw the emotion curve of these personas only, comma-separated
  --scale N         png only: pixels per SVG unit, 0.5 to 8 (default 2)
  -h, --help        show this help

Mermaid has one score per task: a step's score is the mean of its personas' emotions,
rounded half up, plus 3 (1..5); a step without emotion scores 3.

Exit codes: 0 written, 1 the map has errors (printed on stderr as path:line:col: message
[code]; nothing is written), 2 usage or I/O problem.
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('render', args, {
            format: { type: 'string' },
            output: { type: 'string', short: 'o' },
            hide: { type: 'string' },
            personas: { type: 'string' },
            scale: { type: 'string' },
        });
        if (positionals.length !== 1) {
            throw new UsageError(`journey render: expected one FILE, got ${positionals.length}. See 'journey render --help'.`);
        }
        const file = positionals[0];
        const extension = values.output ? path.extname(values.output).toLowerCase() : '';
        const inferred = byExtension[extension];
        // `-o map.pdf` must not quietly get SVG: an extension that names no format needs --format.
        if (values.format === undefined && extension !== '' && !inferred) {
            throw new UsageError(`journey render: cannot tell the format from '${extension}' in -o ${values.output}; add --format (${formats.join(', ')}).`);
        }
        const format = checkFormat('render', values.format, formats, inferred ?? 'svg');
        if (format === 'png' && !values.output) throw new UsageError('journey render: --format png needs -o OUT.png.');
        const hiddenLanes = list(values.hide);
        const unknownLane = hiddenLanes.find(l => !LANES.some(lane => lane.id === l));
        if (unknownLane) throw new UsageError(`journey render: unknown lane '${unknownLane}'; lanes are ${LANES.map(l => l.id).join(', ')}.`);
        const scale = values.scale === undefined ? undefined : Number(values.scale);
        // Below 0.5 the text is too small to read (the PNG writer refuses it); say so here rather than 'too large'.
        if (scale !== undefined && !(scale >= 0.5 && scale <= 8)) throw new UsageError(`journey render: --scale needs a number from 0.5 to 8, not '${values.scale}'.`);
        checkIsFile(file);

        if (values.output) checkOutputFolder('render', values.output);

        const { services, documents } = await loadWorkspace([file]);
        const document = documents[0];
        if (values.output) {
            const loaded = services.shared.workspace.LangiumDocuments.all.filter(d => d.uri.scheme === 'file').map(d => d.uri.fsPath);
            checkOutputIsNotInput('render', values.output, loaded);
        }
        const errors = mapErrors(document, services.shared.workspace.LangiumDocuments);
        if (errors.length > 0) {
            io.stderr(errors.join('\n') + '\n');
            io.stderr(`journey render: ${displayPath(document.uri.fsPath)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing written.\n`);
            return ExitCode.Findings;
        }
        const model = mapModelOfDocument(document, services.shared.workspace.LangiumDocuments);
        if (!model) {
            io.stderr(`${displayPath(document.uri.fsPath)}:1:1: the file holds no journey to render [no-journey]\n`);
            return ExitCode.Findings;
        }
        // As with --hide, a name that matches nothing is a typo to report, not an empty curve to draw.
        const unknownPersona = list(values.personas).find(id => !model.personas.some(p => p.id === id));
        if (unknownPersona) {
            throw new UsageError(`journey render: unknown persona '${unknownPersona}' in --personas; the map's personas are ${model.personas.map(p => p.id).join(', ') || '(none)'}.`);
        }
        const options = {
            ...(hiddenLanes.length > 0 ? { hiddenLanes } : {}),
            ...(values.personas !== undefined ? { personas: list(values.personas) } : {}),
        };
        const output = await produce(model, format, { ...options, ...(scale !== undefined ? { scale } : {}) }, document.uri.toString());
        if (values.output) writeOutput(values.output, output);
        else if (typeof output === 'string') io.stdout(output); // png always has -o (checked above)
        return ExitCode.Ok;
    },
};

async function produce(
    model: MapModel, format: Format, options: { hiddenLanes?: string[]; personas?: string[]; scale?: number }, mapUri: string,
): Promise<string | Buffer> {
    switch (format) {
        case 'svg': return renderSvg(model, { ...options, standalone: true });
        case 'html': return renderHtml(model, options);
        case 'json': return JSON.stringify(modelToJson(model, mapUri), null, 2) + '\n';
        case 'mermaid': return toMermaid(model);
        case 'markdown': return toMarkdown(model);
        case 'png': {
            // Loaded only when needed: resvg is a native module.
            const { renderPng, PngTooLargeError } = await import('../export/png.js');
            try {
                return renderPng(model, options);
            } catch (err) {
                if (err instanceof PngTooLargeError) throw new UsageError(`journey render: ${err.message}.`);
                throw err;
            }
        }
    }
}

/** Errors (not warnings) of the file and of the files it imports, as `path:line:col: message [code]`. */
function mapErrors(document: LangiumDocument<Model>, documents: Parameters<typeof importClosure>[1]): string[] {
    const lines: string[] = [];
    for (const model of importClosure(document.parseResult.value, documents, document.uri)) {
        const doc = model.$document;
        if (!doc) continue;
        const errors = sortDiagnostics((doc.diagnostics ?? []).map(toCliDiagnostic)).filter(d => d.severity === 'error');
        for (const d of errors) lines.push(`${displayPath(doc.uri.fsPath)}:${d.line}:${d.column}: ${d.message} [${d.rule}]`);
    }
    return lines;
}

function checkIsFile(file: string): void {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new UsageError(`journey render: no such file: ${file}`);
    }
    if (!stat.isFile()) throw new UsageError(`journey render: not a file: ${file}`);
}

function list(value: string | undefined): string[] {
    return (value ?? '').split(',').map(s => s.trim()).filter(Boolean);
}

function writeOutput(file: string, data: string | Buffer): void {
    try {
        writeFileAtomic(file, data);
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(`Cannot write ${file}${code ? ` (${code})` : ''}`);
    }
}
