import type { MapModel, StageModel, StepModel } from '../model/types.js';

/**
 * A Markdown page of a map for wikis: a header, then per stage a table with a column per step
 * and a row per lane the stage uses (lanes in the renderer's order). Cells hold several facts
 * separated by `<br>`. User text is escaped for Markdown tables (`|`) and inline HTML.
 */
export function toMarkdown(model: MapModel): string {
    const j = model.journey;
    const out: string[] = [`# ${md(j.title)}`, ''];
    const facts = [`**State:** ${j.state}`];
    if (j.goal) facts.push(`**Goal:** ${md(j.goal)}`);
    out.push(facts.join(' · '), '');
    if (j.description) out.push(md(j.description), '');
    if (model.personas.length > 0) {
        out.push('**Personas:**', '');
        for (const p of model.personas) out.push(`- ${md(p.label)}${p.role ? ` — ${md(p.role)}` : ''}`);
        out.push('');
    }
    for (const stage of model.stages) out.push(...stageTable(model, stage), '');
    return out.join('\n').replace(/\n+$/, '\n');
}

type Row = [label: string, cell: (step: StepModel) => string[]];

function rows(model: MapModel): Row[] {
    const channel = (id: string) => model.channels.find(c => c.id === id)?.label ?? id;
    const team = (id: string) => model.teams.find(t => t.id === id)?.label ?? id;
    const persona = (id: string | null) => (id === null ? '' : `${model.personas.find(p => p.id === id)?.label ?? id}: `);
    const owned = (items: Array<{ text: string; owner?: string }>) =>
        items.map(i => `${md(i.text)}${i.owner ? ` _(owner: ${md(team(i.owner))})_` : ''}`);
    const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
    return [
        ['Actions', s => s.actions.map(md)],
        ['Touchpoints', s => s.touchpoints.map(t => `**${md(channel(t.channel))}**${t.text ? `: ${md(t.text)}` : ''}`)],
        ['Thoughts', s => s.thoughts.map(t => `_“${md(t)}”_`)],
        ['Emotions', s => s.emotions.map(e => `${md(persona(e.persona))}${signed(e.score)}${e.label ? ` ${md(e.label)}` : ''}`)],
        ['Barriers', s => s.barriers.map(b => `${b.severity ? `**${b.severity}**: ` : ''}${md(b.text)}${b.id ? ` \`${b.id}\`` : ''}`)],
        ['Opportunities', s => s.opportunities.map(o => {
            const meta = [o.impact && `impact ${o.impact}`, o.effort && `effort ${o.effort}`, o.owner && `owner ${md(team(o.owner))}`,
                o.fixes.length > 0 && `fixes ${o.fixes.map(f => `\`${f}\``).join(', ')}`].filter(Boolean);
            return `${md(o.text)}${o.id ? ` \`${o.id}\`` : ''}${meta.length > 0 ? ` _(${meta.join('; ')})_` : ''}`;
        })],
        ['Questions', s => s.questions.map(md)],
        ['Frontstage', s => owned(s.frontstage)],
        ['Backstage', s => owned(s.backstage)],
        ['Support', s => owned(s.support)],
        ['Metrics', s => s.metrics.map(m => `${md(m.name)} ${m.value}${m.target !== undefined ? ` (target ${m.target})` : ''}`)],
        ['Evidence', s => s.evidence.map(md)],
        ['Next', s => s.next.map(id => `\`${id}\``)],
    ];
}

function stageTable(model: MapModel, stage: StageModel): string[] {
    const used = rows(model).map(([label, cell]) => [label, stage.steps.map(cell)] as const)
        .filter(([, cells]) => cells.some(c => c.length > 0));
    const header = stage.steps.map(s => md(s.implicit ? stage.label : s.label));
    const lines = [`## ${md(stage.label)}`, ''];
    lines.push(`| | ${header.join(' | ')} |`, `|---|${stage.steps.map(() => '---').join('|')}|`);
    for (const [label, cells] of used) lines.push(`| **${label}** | ${cells.map(c => c.join('<br>')).join(' | ')} |`);
    if (used.length === 0) lines.push(`| | ${stage.steps.map(() => ' ').join(' | ')} |`);
    return lines;
}

/** Escapes text for a Markdown table cell: HTML specials as entities, Markdown specials with a backslash. */
export function md(text: string): string {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}
