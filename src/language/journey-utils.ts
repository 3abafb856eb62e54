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

/** Every fact of a journey, in the order written (plain loops: this runs on every validation of large maps). */
export function journeyFacts(journey: Journey): Fact[] {
    const result: Fact[] = [];
    for (const stage of journey.stages) {
        for (const fact of stage.facts) result.push(fact);
        for (const step of stage.steps) {
            for (const fact of step.facts) result.push(fact);
        }
    }
    return result;
}

export function journeyBarriers(journey: Journey): Barrier[] {
    return factsOfType<Barrier>(journey, 'Barrier');
}

export function journeyOpportunities(journey: Journey): Opportunity[] {
    return factsOfType<Opportunity>(journey, 'Opportunity');
}

function factsOfType<T extends Fact>(journey: Journey, type: T['$type']): T[] {
    const result: T[] = [];
    for (const stage of journey.stages) {
        for (const fact of stage.facts) if (fact.$type === type) result.push(fact as T);
        for (const step of stage.steps) {
            for (const fact of step.facts) if (fact.$type === type) result.push(fact as T);
        }
    }
    return result;
}

/**
 * The CST nodes of a keyword used as a keyword by this node (not inside an id, since keywords
 * may be ids), e.g. to find modifiers written twice.
 */
export function keywordNodes(node: AstNode, keyword: string): CstNode[] {
    return GrammarUtils.findNodesForKeyword(node.$cstNode, keyword).filter(cst => {
        const rule = AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isParserRule);
        return !isIdRule(rule?.name);
    });
}

/** The grammar rules that read an id; keywords inside them are ids, not keywords. */
export function isIdRule(ruleName: string | undefined): boolean {
    return ruleName === 'Name' || ruleName === 'KeywordName';
}
