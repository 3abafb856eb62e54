/**
 * Pins the map model byte for byte: for every example, every fixture with a journey, two
 * generated benchmark maps and a few edge cases, the model's JSON must equal the reference stored
 * in tests/fixtures/model-reference/. The references were made by the model builder before it was
 * rewritten for speed; the renderer, exports, diff, snapshots and the preview's JSON patches all
 * depend on the exact output (objects, key order, values).
 *
 * To regenerate after an intended change of the model: MODEL_REFERENCE_UPDATE=1 npx vitest run tests/model-equivalence.test.ts
 */
import { describe, expect, test } from 'vitest';
import { AstUtils } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFiles } from './helpers.js';
import { everyLane } from './render-support.js';
import { mapModelOfDocument } from '../src/model/from-document.js';
import { generateMap } from '../scripts/bench/generate-map.js';

const referenceDir = path.resolve(__dirname, 'fixtures', 'model-reference');
const update = process.env.MODEL_REFERENCE_UPDATE === '1';

/** JSON that also shows keys and array slots holding undefined (plain JSON would drop them). */
function pinned(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v), 1);
}

/** Every `.journey` file under a folder, by path relative to it ('/'-separated). */
function journeyFiles(dir: string, prefix = ''): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) Object.assign(files, journeyFiles(full, `${prefix}${entry.name}/`));
        else if (entry.name.endsWith('.journey')) files[`${prefix}${entry.name}`] = fs.readFileSync(full, 'utf8');
    }
    return files;
}

/** The model (or the error it throws) of every file of a set loaded together, keyed by `set/file`. */
async function modelsOf(set: string, files: Record<string, string>, rangesAsked = false): Promise<Array<[string, string]>> {
    const { documents, services } = await buildFiles(files);
    // Langium caches a composite node's range once asked; the model must not depend on that.
    if (rangesAsked) {
        for (const document of Object.values(documents)) for (const node of AstUtils.streamAst(document.parseResult.value)) void node.$cstNode?.range;
    }
    const result: Array<[string, string]> = [];
    for (const name of Object.keys(files)) {
        let json: string;
        try {
            const model = mapModelOfDocument(documents[name], services.shared.workspace.LangiumDocuments);
            if (model === undefined) continue;
            json = pinned(model);
        } catch (error) {
            json = pinned({ thrown: String(error) });
        }
        result.push([`${set}/${name}`, json]);
    }
    return result;
}

/** Edge cases the examples do not cover: emotions without personas, personas not followed, broken text. */
const edgeCases: Record<string, string> = {
    'every-lane.journey': everyLane,
    'no-personas.journey': `
team ops
journey solo {
  stage a {
    emotion 1 "fine"
    emotion -2 for ghost
    touchpoint email
    touchpoint email "again"
    frontstage "x"
  }
  stage b "B" {
    emotion 3 for stranger
    touchpoint phone
    step s1 { emotion 0 }
    step s2 "Two" { backstage "y" owner ops support "z" owner nobody }
  }
}`,
    'personas.journey': `
persona ana "Ana" { role "one" role "two" goal "g1" need "n" motivation "m" frustration "f" quote "q" goal "g2" }
persona ana "Second Ana"
persona bo
channel web "Our own web"
team ops "Ops"
team ops "Ops again"
journey p "P" {
  for bo, ana, bo, nobody
  state future
  stage s {
    emotion 2 for ana
    emotion -1 for ana
    emotion 1 for zed
    emotion 0
    emotion 4 for bo
    step t { emotion 1 "only general" }
    step u { emotion -3 "only ana" for ana next t next t opportunity o "O" fixes a, b owner ops }
  }
}`,
    'broken.journey': `
persona ana
journey broken "Broken" {
  for ana
  stage s {
    step a "A" {
      action
      emotion "x"
      barrier b1 "B" severity
      opportunity "no id" impact
      opportunity o "O" fixes
      metric m
      frontstage "x" owner
    }
    step b {
      thought "t"
      emotion 1 for
`,
    // Half-typed references: the recovered facts are left out of the model.
    'broken-touchpoint.journey': 'journey j { stage s { touchpoint } }',
    'broken-next.journey': 'journey j { stage s { step a { next } } }',
};

function referenceFile(name: string): string {
    return path.join(referenceDir, `${name.replace(/\.journey$/, '')}.json`);
}

describe('the map model is pinned to its reference output', async () => {
    const cases: Array<[string, string]> = [
        ...await modelsOf('examples', journeyFiles(path.resolve(__dirname, '..', 'examples'))),
        ...await modelsOf('fixtures', journeyFiles(path.resolve(__dirname, 'fixtures'))),
        ...await modelsOf('generated', { 'map-30.journey': generateMap(30), 'map-30-variant-1.journey': generateMap(30, 1) }),
        ...await modelsOf('edge', edgeCases),
    ];

    test('every set has models to compare', () => {
        const sets = new Set(cases.map(([name]) => name.split('/')[0]));
        expect([...sets].sort()).toEqual(['edge', 'examples', 'fixtures', 'generated']);
        expect(cases.length).toBeGreaterThanOrEqual(15);
    });

    test.each(cases)('%s', (name, json) => {
        const file = referenceFile(name);
        if (update) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, `${json}\n`);
        }
        expect(fs.existsSync(file), `no reference ${path.relative(process.cwd(), file)}`).toBe(true);
        // Compared as text: key order and undefined-valued keys count.
        expect(json).toBe(fs.readFileSync(file, 'utf8').replace(/\n$/, ''));
    });

    test('the same when Langium has already cached the source ranges', async () => {
        const asked = [
            ...await modelsOf('fixtures', journeyFiles(path.resolve(__dirname, 'fixtures')), true),
            ...await modelsOf('edge', edgeCases, true),
        ];
        expect(asked.length).toBeGreaterThan(5);
        for (const [name, json] of asked) expect(json, name).toBe(fs.readFileSync(referenceFile(name), 'utf8').replace(/\n$/, ''));
    });
});
