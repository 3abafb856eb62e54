import type { AstNode, Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import type {
    Barrier, Channel, Emotion, Journey, Metric, Next, Opportunity, Persona, Stage, Step, Team, Touchpoint,
} from '../generated/ast.js';
import { isBuiltin } from './describe.js';

/** The token type of each kind of declaration, used for its id and for every reference to it. */
const TYPES: Record<string, string> = {
    Persona: SemanticTokenTypes.class,
    Channel: SemanticTokenTypes.interface,
    Team: SemanticTokenTypes.namespace,
    Journey: SemanticTokenTypes.namespace,
    Stage: SemanticTokenTypes.struct,
    Step: SemanticTokenTypes.function,
    Barrier: SemanticTokenTypes.enumMember,
    Opportunity: SemanticTokenTypes.event,
};

/**
 * Semantic highlighting: ids and references by kind, scores and metric values as numbers.
 * Keywords may be ids (`stage need`, `owner support`); a TextMate grammar cannot tell, but
 * these tokens can, so the editor colours such ids as ids.
 */
export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const declare = (type: string) => acceptor({ node, property: 'name' as never, type, modifier: SemanticTokenModifiers.declaration });
        // A reference knows its own token: no search through the syntax tree (thousands of them on a large map).
        const reference = (ref: Reference | undefined, type: string, modifier?: string) => {
            if (ref?.$refNode) acceptor({ cst: ref.$refNode, type, modifier });
        };
        switch (node.$type) {
            case 'Persona': case 'Channel': case 'Team': case 'Journey': case 'Stage': case 'Step':
                if ((node as Persona | Channel | Team | Journey | Stage | Step).name) declare(TYPES[node.$type]);
                if (node.$type === 'Journey') {
                    (node as Journey).personas.forEach(persona => reference(persona, TYPES.Persona));
                }
                return node.$type === 'Persona' || node.$type === 'Channel' || node.$type === 'Team' ? 'prune' : undefined;
            case 'Barrier':
                if ((node as Barrier).name) declare(TYPES.Barrier);
                return 'prune';
            case 'Opportunity': {
                const opportunity = node as Opportunity;
                if (opportunity.name) declare(TYPES.Opportunity);
                opportunity.fixes.forEach(barrier => reference(barrier, TYPES.Barrier));
                reference(opportunity.owner, TYPES.Team);
                return 'prune';
            }
            case 'Touchpoint': {
                const channel = (node as Touchpoint).channel;
                const builtin = channel.ref !== undefined && isBuiltin(channel.ref);
                reference(channel, TYPES.Channel, builtin ? SemanticTokenModifiers.defaultLibrary : undefined);
                return 'prune';
            }
            case 'Emotion': {
                const emotion = node as Emotion;
                acceptor({ node, property: 'score' as never, type: SemanticTokenTypes.number });
                reference(emotion.persona, TYPES.Persona);
                return 'prune';
            }
            case 'Frontstage': case 'Backstage': case 'Support':
                reference((node as { owner?: Reference }).owner, TYPES.Team);
                return 'prune';
            case 'Metric': {
                const metric = node as Metric;
                acceptor({ node, property: 'name' as never, type: SemanticTokenTypes.property });
                acceptor({ node, property: 'value' as never, type: SemanticTokenTypes.number });
                if (metric.target !== undefined) acceptor({ node, property: 'target' as never, type: SemanticTokenTypes.number });
                return 'prune';
            }
            case 'Next':
                reference((node as Next).step, TYPES.Step);
                return 'prune';
            default:
                return undefined;
        }
    }
}
