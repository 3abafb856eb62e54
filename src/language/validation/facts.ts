import type { ValidationAcceptor } from 'langium';
import type { Journey, Opportunity, Stage, Step } from '../generated/ast.js';
import { journeyBarriers, journeyOpportunities } from '../journey-utils.js';
import { headerRange } from './ranges.js';
import type { JourneyParts } from './journey-parts.js';

export function checkMissingTouchpoint(holder: Stage | Step, accept: ValidationAcceptor): void {
    if (!holder.facts.some(f => f.$type === 'Touchpoint')) {
        accept('warning', `The ${holder.$type.toLowerCase()} '${holder.name ?? '?'}' has no touchpoint: where does the customer meet the business?`,
            { node: holder, range: headerRange(holder), code: 'missing-touchpoint' });
    }
}

export function checkMissingEvidence(holder: Stage | Step, accept: ValidationAcceptor): void {
    if (!holder.facts.some(f => f.$type === 'Evidence')) {
        accept('warning', `The ${holder.$type.toLowerCase()} '${holder.name ?? '?'}' cites no evidence.`,
            { node: holder, range: headerRange(holder), code: 'missing-evidence' });
    }
}

export function checkUnaddressedBarriers(journey: Journey, accept: ValidationAcceptor, parts?: JourneyParts): void {
    const fixed = new Set<string>();
    for (const opportunity of parts?.opportunities ?? journeyOpportunities(journey)) {
        for (const ref of opportunity.fixes) fixed.add(ref.$refText);
    }
    for (const barrier of parts?.barriers ?? journeyBarriers(journey)) {
        if (barrier.name && fixed.has(barrier.name)) continue;
        const what = barrier.name ? `The barrier '${barrier.name}'` : 'This barrier';
        accept('info', `${what} is not addressed: no opportunity fixes it.`,
            { node: barrier, code: 'unaddressed-barrier', data: { code: 'unaddressed-barrier', barrier: barrier.name } });
    }
}

export function checkOpportunityOwner(opportunity: Opportunity, accept: ValidationAcceptor): void {
    if (!opportunity.owner) {
        const what = opportunity.name ? `The opportunity '${opportunity.name}'` : 'This opportunity';
        accept('info', `${what} has no owner: add \`owner TEAM\`.`, { node: opportunity, code: 'opportunity-without-owner' });
    }
}
