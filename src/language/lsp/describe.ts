import { AstUtils, type AstNode } from 'langium';
import type { Barrier, Channel, Emotion, Opportunity, Persona, Stage, Step, Team } from '../generated/ast.js';
import { isBuiltinUri } from '../builtins.js';

/** Words for the emotion scores, from -2 to +2. */
export const EMOTION_WORDS: ReadonlyMap<number, string> = new Map([
    [-2, 'very negative'],
    [-1, 'negative'],
    [0, 'neutral'],
    [1, 'positive'],
    [2, 'very positive'],
]);

export function signedScore(score: number): string {
    return score > 0 ? `+${score}` : String(score);
}

/** Markdown that explains an emotion score, valid or not. */
export function describeScore(score: number): string {
    const word = EMOTION_WORDS.get(score);
    if (word !== undefined && Number.isInteger(score)) {
        return `Emotion **${signedScore(score)}**: ${word} (the scale runs from -2, very negative, to +2, very positive).`;
    }
    return `Emotion **${score}** is out of range: use an integer from -2 (very negative) to +2 (very positive).`;
}

export function describeEmotion(emotion: Emotion): string {
    const lines = [describeScore(emotion.score)];
    if (emotion.label) lines.push(`Feeling: ${emotion.label}`);
    const persona = emotion.persona?.ref;
    lines.push(persona ? `For persona \`${persona.name}\` (${labelOf(persona)}).` : emotion.persona
        ? `For persona \`${emotion.persona.$refText}\`.`
        : 'For every persona of the journey that has no emotion of its own on this step.');
    return lines.join('\n\n');
}

function labelOf(node: { name: string; label?: string }): string {
    return node.label ?? node.name;
}

function quoteList(title: string, items: string[]): string[] {
    if (items.length === 0) return [];
    if (items.length === 1) return [`*${title}:* ${items[0]}`];
    return [`*${title}:*`, ...items.map(item => `- ${item}`)];
}

/** Markdown describing a declaration (persona, channel, team, barrier, step, stage, opportunity), or undefined. */
export function describeDeclaration(node: AstNode): string | undefined {
    switch (node.$type) {
        case 'Persona': return describePersona(node as Persona);
        case 'Channel': return describeChannel(node as Channel);
        case 'Team': {
            const team = node as Team;
            return `**team** \`${team.name}\`: ${labelOf(team)}${origin(team)}`;
        }
        case 'Barrier': {
            const barrier = node as Barrier;
            const severity = barrier.severity ? `severity **${barrier.severity}**` : 'no severity given';
            return [`**barrier** ${barrier.name ? `\`${barrier.name}\`` : ''}`.trimEnd(), barrier.text, `${severity}${whereInJourney(barrier)}`].join('\n\n');
        }
        case 'Opportunity': {
            const opportunity = node as Opportunity;
            const facts = [
                opportunity.impact ? `impact **${opportunity.impact}**` : undefined,
                opportunity.effort ? `effort **${opportunity.effort}**` : undefined,
                opportunity.owner ? `owner \`${opportunity.owner.$refText}\`` : undefined,
            ].filter(Boolean).join(', ');
            return [`**opportunity** ${opportunity.name ? `\`${opportunity.name}\`` : ''}`.trimEnd(), opportunity.text, facts].filter(Boolean).join('\n\n');
        }
        case 'Step': {
            const step = node as Step;
            const stage = step.$container;
            return `**step** \`${step.name}\`: ${labelOf(step)}\n\nin stage \`${stage.name}\` (${labelOf(stage)})`;
        }
        case 'Stage': {
            const stage = node as Stage;
            const count = stage.steps.length;
            return `**stage** \`${stage.name}\`: ${labelOf(stage)}\n\n${count === 0 ? 'no steps (the stage holds its facts itself)' : `${count} step${count === 1 ? '' : 's'}`}`;
        }
        default: return undefined;
    }
}

function describePersona(persona: Persona): string {
    const facts = (kind: string) => persona.facts.filter(f => f.kind === kind).map(f => f.text);
    return [
        `**persona** \`${persona.name}\`: ${labelOf(persona)}${origin(persona)}`,
        ...quoteList('Role', facts('role')),
        ...quoteList('Goals', facts('goal')),
        ...quoteList('Needs', facts('need')),
        ...quoteList('Motivations', facts('motivation')),
        ...quoteList('Frustrations', facts('frustration')),
        ...facts('quote').map(q => `> ${q}`),
    ].join('\n\n');
}

function describeChannel(channel: Channel): string {
    return `**channel** \`${channel.name}\`: ${labelOf(channel)}${isBuiltin(channel) ? '\n\nbuilt-in channel' : origin(channel)}`;
}

export function isBuiltin(node: AstNode): boolean {
    const document = AstUtils.getDocument(node);
    return isBuiltinUri(document.uri);
}

/** Where a top-level declaration comes from, as ` (declared in people.journey)`, for declarations of other files. */
function origin(node: AstNode): string {
    const document = AstUtils.findRootNode(node).$document;
    if (!document) return '';
    const path = document.uri.path;
    return `\n\ndeclared in \`${path.slice(path.lastIndexOf('/') + 1)}\``;
}

function whereInJourney(node: AstNode): string {
    const holder = node.$container as Stage | Step | undefined;
    if (!holder) return '';
    return ` · on ${holder.$type.toLowerCase()} \`${holder.name}\``;
}
