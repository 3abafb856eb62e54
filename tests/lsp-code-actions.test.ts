import { describe, expect, it } from 'vitest';
import { testCodeAction } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { buildFiles, createTestServices } from './helpers.js';

const services = createTestServices();
const codeAction = testCodeAction(services.Journey);

/** Builds the files, asks for the quick fixes of every diagnostic with `code` in `file`. */
async function fixesFor(files: Record<string, string>, file: string, code: string): Promise<{ actions: CodeAction[]; apply: (action: CodeAction) => string; diagnostics: Diagnostic[] }> {
    const { services: s, documents } = await buildFiles(files);
    const document = documents[file];
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    const actions = await s.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics },
    }) as CodeAction[];
    const apply = (action: CodeAction) => TextDocument.applyEdits(document.textDocument as TextDocument, action.edit!.changes![document.uri.toString()]);
    return { actions, apply, diagnostics };
}

async function codesAfter(files: Record<string, string>, file: string): Promise<string[]> {
    const { documents } = await buildFiles(files);
    return (documents[file].diagnostics ?? []).map(d => String(d.code));
}

describe('quick fix: missing emotion', () => {
    it('adds an emotion after the touchpoint, at the step indentation', async () => {
        await codeAction(`journey j {
  stage a {
    step s {
      action "Opens the app"
      touchpoint app
      barrier b "Slow" severity low
      opportunity o "Faster" fixes b owner t
    }
  }
}
team t`, 'missing-emotion', `journey j {
  stage a {
    step s {
      action "Opens the app"
      touchpoint app
      emotion 0
      barrier b "Slow" severity low
      opportunity o "Faster" fixes b owner t
    }
  }
}
team t`);
    });

    it('adds an emotion inside a one-line stage without steps', async () => {
        await codeAction('journey j { stage a { touchpoint web } }', 'missing-emotion', 'journey j { stage a { touchpoint web emotion 0 } }');
    });

    it('adds an emotion inside an empty one-line step', async () => {
        const files = { 'main.journey': 'journey j { stage a { step s {} } }' };
        const { actions, apply } = await fixesFor(files, 'main.journey', 'missing-emotion');
        expect(apply(actions[0])).toBe('journey j { stage a { step s { emotion 0 } } }');
    });

    it('offers one fix per persona that lacks an emotion', async () => {
        const files = {
            'main.journey': `persona dana
persona sam
persona lee
journey j {
  for dana, sam, lee
  stage a {
    step s {
      touchpoint web // the site
      emotion 1 for sam
    }
  }
}`,
        };
        const { actions, apply } = await fixesFor(files, 'main.journey', 'missing-emotion');
        expect(actions.map(a => a.title)).toEqual(["Add an emotion for 'dana'", "Add an emotion for 'lee'"]);
        const fixed = apply(actions[0]);
        expect(fixed).toContain('      emotion 1 for sam\n      emotion 0 for dana\n');
        const after = await fixesFor({ 'main.journey': fixed }, 'main.journey', 'missing-emotion');
        expect(after.diagnostics.map(d => d.message)).toEqual([expect.stringContaining("'lee'")]);
    });
});

describe('quick fix: missing touchpoint', () => {
    it('adds a touchpoint after the action', async () => {
        const files = { 'main.journey': 'journey j {\n  stage a {\n    step s {\n      action "Calls"\n      emotion 1\n    }\n  }\n}' };
        const { actions, apply } = await fixesFor(files, 'main.journey', 'missing-touchpoint');
        expect(actions).toHaveLength(1);
        const fixed = apply(actions[0]);
        expect(fixed).toBe('journey j {\n  stage a {\n    step s {\n      action "Calls"\n      touchpoint web\n      emotion 1\n    }\n  }\n}');
        expect(await codesAfter({ 'main.journey': fixed }, 'main.journey')).not.toContain('missing-touchpoint');
    });

    it('adds a touchpoint first in an empty-looking step', async () => {
        const files = { 'main.journey': 'journey j {\n  stage a {\n    step s {\n      thought "hm"\n    }\n  }\n}' };
        const { actions, apply } = await fixesFor(files, 'main.journey', 'missing-touchpoint');
        expect(apply(actions[0])).toContain('    step s {\n      touchpoint web\n      thought "hm"\n');
    });
});

describe('quick fix: unaddressed barrier', () => {
    it('creates an opportunity that fixes the barrier, below it', async () => {
        await codeAction(`journey j {
  stage a {
    step s {
      touchpoint web
      emotion -1
      barrier slow "The app is slow" severity high // measured
    }
  }
}`, 'unaddressed-barrier', `journey j {
  stage a {
    step s {
      touchpoint web
      emotion -1
      barrier slow "The app is slow" severity high // measured
      opportunity "Address: The app is slow" fixes slow
    }
  }
}`);
    });

    it('gives an unnamed barrier an id first', async () => {
        const files = { 'main.journey': 'journey j {\n  stage a {\n    touchpoint web emotion 1\n    barrier "Orders get lost!" severity high\n  }\n}' };
        const { actions, apply } = await fixesFor(files, 'main.journey', 'unaddressed-barrier');
        const fixed = apply(actions[0]);
        expect(fixed).toContain('    barrier orders-get-lost "Orders get lost!" severity high\n    opportunity "Address: Orders get lost!" fixes orders-get-lost\n');
        expect(await codesAfter({ 'main.journey': fixed }, 'main.journey')).not.toContain('unaddressed-barrier');
    });
});

describe('quick fix: unknown persona, channel or team', () => {
    it('declares an unknown persona above the journey', async () => {
        await codeAction('journey j {\n  for dana\n  stage a { touchpoint web emotion 1 }\n}', 'unresolved-reference',
            'persona dana\n\njourney j {\n  for dana\n  stage a { touchpoint web emotion 1 }\n}');
    });

    it('declares an unknown channel after the other channels', async () => {
        await codeAction('channel kiosk "Kiosk"\n\njourney j {\n  stage a { touchpoint booth emotion 1 }\n}', 'unresolved-reference',
            'channel kiosk "Kiosk"\nchannel booth\n\njourney j {\n  stage a { touchpoint booth emotion 1 }\n}');
    });

    it('declares an unknown team', async () => {
        await codeAction('// A map\njourney j {\n  stage a { touchpoint web emotion 1 frontstage "f" owner ops }\n}', 'unresolved-reference',
            '// A map\nteam ops\n\njourney j {\n  stage a { touchpoint web emotion 1 frontstage "f" owner ops }\n}');
    });

    it('offers to import a declaration that another workspace file holds', async () => {
        const files = {
            'shared/people.journey': 'persona dana "Dana"\nteam ops "Ops"',
            'maps/main.journey': '// Main map\n\njourney j {\n  for dana\n  stage a { touchpoint web emotion 1 }\n}',
        };
        const { actions, apply } = await fixesFor(files, 'maps/main.journey', 'unresolved-reference');
        expect(actions.map(a => a.title)).toEqual(["Import 'dana' from \"../shared/people.journey\"", "Declare persona 'dana'"]);
        expect(actions[0].isPreferred).toBe(true);
        const fixed = apply(actions[0]);
        expect(fixed).toBe('// Main map\n\nimport "../shared/people.journey"\n\njourney j {\n  for dana\n  stage a { touchpoint web emotion 1 }\n}');
        expect(await codesAfter({ ...files, 'maps/main.journey': fixed }, 'maps/main.journey')).not.toContain('unresolved-reference');
    });

    it('adds the import after the existing imports', async () => {
        const files = {
            'people.journey': 'persona dana "Dana"',
            'teams.journey': 'team ops "Ops"',
            'main.journey': 'import "people.journey"\n\njourney j {\n  for dana\n  stage a { touchpoint web emotion 1 frontstage "f" owner ops }\n}',
        };
        const { actions, apply } = await fixesFor(files, 'main.journey', 'unresolved-reference');
        expect(apply(actions[0])).toBe('import "people.journey"\nimport "teams.journey"\n\njourney j {\n  for dana\n  stage a { touchpoint web emotion 1 frontstage "f" owner ops }\n}');
    });

    it('works for clients that drop the diagnostic data', async () => {
        const { services: s, documents } = await buildFiles({
            'main.journey': 'persona dana\npersona sam\njourney j {\n  for dana, sam\n  stage a {\n    touchpoint kiosk\n    emotion 1 for sam\n  }\n}',
        });
        const document = documents['main.journey'];
        const diagnostics = (document.diagnostics ?? []).filter(d => d.code === 'unresolved-reference' || d.code === 'missing-emotion').map(d => ({ ...d, data: undefined }));
        const actions = await s.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics },
        }) as CodeAction[];
        expect(actions.map(a => a.title).sort()).toEqual(["Add an emotion for 'dana'", "Declare channel 'kiosk'"]);
    });

    it('offers nothing for an unknown step or barrier', async () => {
        const { actions, diagnostics } = await fixesFor({ 'main.journey': 'journey j { stage a { touchpoint web emotion 1 next nowhere } }' }, 'main.journey', 'unresolved-reference');
        expect(diagnostics).toHaveLength(1);
        expect(actions).toEqual([]);
    });
});
