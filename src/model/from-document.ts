import { AstUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isChannel, isPersona, isTeam, type Model } from '../language/generated/ast.js';
import { isBuiltinUri } from '../language/builtins.js';
import { visibleDeclarations } from '../language/imports.js';
import { buildMapModel } from './build-model.js';
import { channelInfos, personaInfos, teamInfos } from './declared-infos.js';
import type { FileDeclarations, MapModel } from './types.js';

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

/** The personas, channels and teams the document declares itself, in the order written. */
export function declarationsOfDocument(document: LangiumDocument): FileDeclarations {
    const declarations = (document.parseResult.value as Model).declarations ?? [];
    const personas = declarations.filter(isPersona).filter(p => p.name);
    const channels = declarations.filter(isChannel).filter(c => c.name);
    const teams = declarations.filter(isTeam).filter(t => t.name);
    return {
        personas: personaInfos(new Set(personas.map(p => p.name)), personas),
        channels: channelInfos(new Set(channels.map(c => c.name)), channels),
        teams: teamInfos(new Set(teams.map(t => t.name)), teams),
    };
}
