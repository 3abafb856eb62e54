import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Barrier, Fact, Journey, Opportunity, Stage, Step } from './generated/ast.js';

/** Every step of a journey, in the order written. */
export function journeySteps(journey: Journey): Step[] {
    return journey.stages.flatMap(stage => stage.steps);
}

/** The holders of facts: every step, and every stage that has no steps, in the order written. */
export function factHolders(journey: Journey): Array<Stage | Step> {
    return journey.stages.flatMap((stage): Array<Stage | Step> => (stage.steps.length > 0 ? stage.steps : [stage]));
}

export function journeyFacts(journey: Journey): Fact[] {
    return journey.stages.flatMap(stage => [...stage.facts, ...stage.steps.flatMap(step => step.facts)]);
}

export function journeyBarriers(journey: Journey): Barrier[] {
    return journeyFacts(journey).filter((f): f is Barrier => f.$type === 'Barrier');
}

export function journeyOpportunities(journey: Journey): Opportunity[] {
    return journeyFacts(journey).filter((f): f is Opportunity => f.$type === 'Opportunity');
}

/**
 * The CST nodes of a keyword used as a keyword by this node (not inside an id, since keywords
 * may be ids), e.g. to find modifiers written twice.
 */
export function keywordNodes(node: AstNode, keyword: string): CstNode[] {
    return GrammarUtils.findNodesForKeyword(node.$cstNode, keyword).filter(cst => {
        const rule = AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isParserRule);
        return rule?.name !== 'Name';
    });
}
