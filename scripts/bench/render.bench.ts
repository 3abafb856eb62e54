/**
 * Renderer speed: a 2,000-step map (two personas, every lane) to SVG in Node.
 * Budget (issue 3): median at most 50 ms. Parsing is done once, outside the timing.
 */
import { EmptyFileSystem, URI } from 'langium';
import { createJourneyServices } from '../../src/language/journey-module.js';
import type { Model } from '../../src/language/generated/ast.js';
import { mapModelOfDocument } from '../../src/model/from-document.js';
import { renderSvg } from '../../src/render/index.js';
import { generateMap } from './generate-map.js';
import { medianMs, report } from './util.js';

async function main(): Promise<void> {
    const services = createJourneyServices(EmptyFileSystem);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(generateMap(2000), URI.parse('file:///bench/render.journey'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const model = mapModelOfDocument(document, services.shared.workspace.LangiumDocuments);
    if (!model) throw new Error('the generated map has no journey');
    const steps = model.stages.reduce((n, s) => n + s.steps.length, 0);
    let bytes = 0;
    const ms = await medianMs(15, () => { bytes = renderSvg(model).length; }, 3);
    const ok = report(`render ${steps}-step map to SVG (${(bytes / 1e6).toFixed(1)} MB)`, ms, 50);
    const modelMs = await medianMs(9, () => mapModelOfDocument(document, services.shared.workspace.LangiumDocuments), 2);
    report(`build the map model of the ${steps}-step map`, modelMs);
    if (!ok) process.exitCode = 1;
}

void main();
