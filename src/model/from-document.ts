import { AstUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { isBuiltinUri } from '../language/builtins.js';
import { visibleDeclarations } from '../language/imports.js';
import { buildMapModel } from './build-model.js';
import type { MapModel } from './types.js';

/** The map model of a built document, with the personas, channels and teams it can see. */
export function mapModelOfDocument(document: LangiumDocument, documents: LangiumDocuments): MapModel | undefined {
    const model = document.parseResult.value as Model;
    const visible = visibleDeclarations(model, documents);
    return buildMapModel(model, {
        personas: visible.personas,
        // Built-in channels are known to the model builder already; only declared ones are passed.
        channels: visible.channels.filter(c => !isBuiltinUri(AstUtils.getDocument(c).uri))
            .map(c => ({ name: c.name, label: c.label })),
        teams: visible.teams.map(t => ({ name: t.name, label: t.label })),
    });
}
