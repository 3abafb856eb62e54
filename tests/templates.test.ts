import { describe, expect, test } from 'vitest';
import { formatJourneyText } from '../src/language/lsp/format-text.js';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { templates, findTemplate } from '../src/templates/index.js';
import { buildFiles, createTestServices } from './helpers.js';
import { mapModelOfDocument } from '../src/model/from-document.js';

describe('templates', () => {
    test('there are the four kinds of journey map, each with a label and description', () => {
        expect(templates.map(t => t.id)).toEqual(['current-state', 'future-state', 'day-in-the-life', 'service-blueprint']);
        for (const t of templates) {
            expect(t.label.length).toBeGreaterThan(3);
            expect(t.description.length).toBeGreaterThan(20);
        }
        expect(findTemplate('service-blueprint')?.id).toBe('service-blueprint');
        expect(findTemplate('nope')).toBeUndefined();
    });

    for (const template of templates) {
        describe(template.id, () => {
            const text = template.text('Cloud phones: "switch" \\ 2026');

            test('lints without errors or warnings', async () => {
                const { documents } = await buildFiles({ 'main.journey': text });
                const diagnostics = documents['main.journey'].diagnostics ?? [];
                const serious = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
                expect(serious.map(d => `${String(d.code)}@${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
            });

            test('is in canonical format', () => {
                const result = formatJourneyText(createTestServices().Journey, text);
                expect(result.ok).toBe(true);
                if (result.ok) expect(result.text).toBe(text);
            });

            test('the name becomes the title and a valid id', async () => {
                const { documents, services } = await buildFiles({ 'main.journey': text });
                const model = mapModelOfDocument(documents['main.journey'], services.shared.workspace.LangiumDocuments)!;
                expect(model.journey.title).toBe('Cloud phones: "switch" \\ 2026');
                expect(model.journey.id).toBe('cloud-phones-switch-2026');
                expect(model.stages.length).toBeGreaterThanOrEqual(3);
            });
        });
    }

    test('a name with no letters still gives a valid id', async () => {
        const { documents } = await buildFiles({ 'main.journey': templates[0].text('2026') });
        expect(documents['main.journey'].diagnostics?.filter(d => d.severity === DiagnosticSeverity.Error)).toEqual([]);
        expect(templates[0].text('2026')).toContain('journey journey-2026 "2026"');
    });

    test('the service blueprint uses the frontstage, backstage and support lanes', () => {
        const text = findTemplate('service-blueprint')!.text('Clinic');
        for (const lane of ['frontstage', 'backstage', 'support']) expect(text).toMatch(new RegExp(`^\\s+${lane} "`, 'm'));
    });

    test('the future-state map says state future', () => {
        expect(findTemplate('future-state')!.text('X')).toMatch(/^ {2}state future$/m);
    });
});
