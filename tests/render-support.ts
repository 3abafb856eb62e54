/** Helpers for the model, renderer and export tests: map text -> map model. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFiles } from './helpers.js';
import { mapModelOfDocument } from '../src/model/from-document.js';
import type { MapModel } from '../src/model/types.js';

/** The model of `main.journey` (with other in-memory files it may import). */
export async function modelOf(text: string, extraFiles: Record<string, string> = {}): Promise<MapModel> {
    const { documents, services } = await buildFiles({ ...extraFiles, 'main.journey': text });
    const model = mapModelOfDocument(documents['main.journey'], services.shared.workspace.LangiumDocuments);
    if (!model) throw new Error('no journey in main.journey');
    return model;
}

export const examplesDir = path.resolve(__dirname, '..', 'examples');

/** Every example that holds a journey, by file name, with all examples loaded so imports resolve. */
export async function exampleModels(): Promise<Record<string, MapModel>> {
    const files = Object.fromEntries(fs.readdirSync(examplesDir).filter(f => f.endsWith('.journey')).sort()
        .map(f => [f, fs.readFileSync(path.join(examplesDir, f), 'utf8')]));
    const { documents, services } = await buildFiles(files);
    const result: Record<string, MapModel> = {};
    for (const name of Object.keys(files)) {
        const model = mapModelOfDocument(documents[name], services.shared.workspace.LangiumDocuments);
        if (model) result[name] = model;
    }
    return result;
}

/** A small map that uses every lane, two personas and a `next` link. */
export const everyLane = `
persona ana "Ana, buyer" { role "Buys for a small team" }
persona ben "Ben, approver"
team ops "Operations"
channel portal "Customer portal"

journey shop "Buying a plan" {
  for ana, ben
  state future
  goal "Buy without calling sales"
  description "The journey we want by next year."

  stage find "Find" {
    step browse "Browses plans" {
      action "Opens the pricing page"
      touchpoint web "Pricing page"
      thought "Which plan fits us?"
      emotion 1 "curious" for ana
      emotion -1 "wary"
      barrier too-many "Too many plans" severity high
      opportunity fewer "Three plans only" fixes too-many impact high effort medium owner ops
      question "Is there a trial?"
      frontstage "Chat offers help" owner ops
      backstage "Plan catalogue syncs" owner ops
      support "Billing system"
      metric conversion 0.031 target 0.05
      evidence "Analytics, May"
    }
    step pay "Pays" {
      touchpoint portal
      emotion 2 "relieved"
      next browse
    }
  }

  stage use "Use" {
    touchpoint app "Dashboard"
    emotion 0
  }
}
`;
