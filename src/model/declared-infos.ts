import { AstUtils } from 'langium';
import type { Persona } from '../language/generated/ast.js';
import { builtinChannels } from '../language/builtins.js';
import { sourceOf } from './source-range.js';
import type { ChannelInfo, PersonaInfo, TeamInfo } from './types.js';

/**
 * The persona, channel and team entries of the map model: one per id the journey mentions, in
 * that order, described by the first declaration of that name (or by the id alone).
 */

export function personaInfos(ids: Iterable<string>, declared: Persona[], home?: string): PersonaInfo[] {
    const byName = firstByName(declared);
    const result: PersonaInfo[] = [];
    for (const id of ids) {
        const persona = byName.get(id);
        const roles: string[] = [], goals: string[] = [], needs: string[] = [], motivations: string[] = [];
        const frustrations: string[] = [], quotes: string[] = [];
        if (persona) {
            for (const fact of persona.facts) {
                switch (fact.kind) {
                    case 'role': roles.push(fact.text); break;
                    case 'goal': goals.push(fact.text); break;
                    case 'need': needs.push(fact.text); break;
                    case 'motivation': motivations.push(fact.text); break;
                    case 'frustration': frustrations.push(fact.text); break;
                    case 'quote': quotes.push(fact.text); break;
                }
            }
        }
        // Built key by key: `role` and `source` are left out, not set to undefined, when absent.
        const info = { id, label: persona?.label ?? id } as PersonaInfo;
        if (roles.length > 0) info.role = roles.join('; ');
        info.goals = goals;
        info.needs = needs;
        info.motivations = motivations;
        info.frustrations = frustrations;
        info.quotes = quotes;
        if (persona) {
            info.source = sourceOf(persona);
            const file = AstUtils.findRootNode(persona).$document?.uri.toString();
            if (home !== undefined && file !== undefined && file !== home) info.uri = file;
        }
        result.push(info);
    }
    return result;
}

export function channelInfos(ids: Iterable<string>, declared: ReadonlyArray<{ name: string; label?: string }>): ChannelInfo[] {
    const own = firstByName(declared);
    const result: ChannelInfo[] = [];
    for (const id of ids) {
        const mine = own.get(id);
        const builtin = builtinChannels.find(c => c.id === id);
        result.push({ id, label: mine?.label ?? builtin?.label ?? id, builtin: !mine && builtin !== undefined });
    }
    return result;
}

export function teamInfos(ids: Iterable<string>, declared: ReadonlyArray<{ name: string; label?: string }>): TeamInfo[] {
    const byName = firstByName(declared);
    const result: TeamInfo[] = [];
    for (const id of ids) result.push({ id, label: byName.get(id)?.label ?? id });
    return result;
}

/** Declarations by name; the first of a repeated name wins (as `Array.find` would pick it). */
function firstByName<T extends { name: string }>(declared: ReadonlyArray<T>): Map<string, T> {
    const byName = new Map<string, T>();
    for (const decl of declared) if (!byName.has(decl.name)) byName.set(decl.name, decl);
    return byName;
}
