/**
 * Renderer speed: a 2,000-step map (two personas, every lane) to SVG in Node.
 * Budget (issue 3): median at most 50 ms. Parsing and the model are made once, outside the
 * timing; each run starts from a collected heap (the runner passes --expose-gc) so one run's
 * garbage is not billed to the next. CPU time is printed too: on a loaded machine wall time
 * says more about the neighbours than about the renderer.
 */
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createJourneyServices } from '../../src/language/journey-module.js';
import type { Model } from '../../src/language/generated/ast.js';
import type { MapModel } from '../../src/model/types.js';
import { mapModelOfDocument } from '../../src/model/from-document.js';
import { renderSvg } from '../../src/render/index.js';
import { generateMap } from './generate-map.js';
import { writeFloorMarkup } from './render-floor.js';
import { medianMs, report } from './util.js';

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The model of a generated map and how long building it takes; Langium's workspace is dropped after. */
async function modelOf(steps: number): Promise<{ model: MapModel; modelMs: number }> {
    const services = createJourneyServices(EmptyFileSystem);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(generateMap(steps), URI.parse('file:///bench/render.journey'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const model = mapModelOfDocument(document, services.shared.workspace.LangiumDocuments);
    if (!model) throw new Error('the generated map has no journey');
    const modelMs = await medianMs(9, () => mapModelOfDocument(document, services.shared.workspace.LangiumDocuments), 2);
    return { model, modelMs };
}

/** Median wall and CPU time of 15 runs, each from a collected heap so one run's garbage is not billed to the next. */
function timeRuns(run: () => string): { wall: number; cpu: number; bytes: number } {
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    for (let i = 0; i < 3; i++) run();
    const wall: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 15; i++) {
        gc();
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        bytes = run().length;
        wall.push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
    }
    return { wall: median(wall), cpu: median(cpu), bytes };
}

async function main(): Promise<void> {
    const built = await modelOf(2000);
    // The model as the preview's webview receives it: plain JSON, with no Langium workspace
    // in the heap (its hundreds of megabytes would bill garbage collection to the renderer).
    const model = JSON.parse(JSON.stringify(built.model)) as MapModel;
    const steps = model.stages.reduce((n, s) => n + s.steps.length, 0);
    const render = timeRuns(() => renderSvg(model));
    const ok = report(`render ${steps}-step map to SVG (${(render.bytes / 1e6).toFixed(1)} MB), median`, render.wall, 50);
    report('  same, CPU time of this process', render.cpu);
    const floor = timeRuns(() => writeFloorMarkup(model));
    report(`  floor: ids, lines, frames, texts only (${(floor.bytes / 1e6).toFixed(1)} MB; render-floor.ts)`, floor.wall);
    console.log(`  (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
    report(`build the map model of the ${steps}-step map`, built.modelMs);
    if (!ok) process.exitCode = 1;
}

void main();
