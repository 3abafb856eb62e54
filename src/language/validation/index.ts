import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { JourneyAstType, Journey, Model, Stage } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { factHolders } from '../journey-utils.js';
import { checkDuplicateEmotions, checkEmotionCliffs, checkEmotionRange, checkMissingEmotion, journeyPersonaNames } from './emotions.js';
import { checkMissingEvidence, checkMissingTouchpoint, checkOpportunityOwner, checkUnaddressedBarriers } from './facts.js';
import { checkDeclarationIds, checkJourneyIds } from './ids.js';
import { checkImportFound } from './imports.js';
import { checkMultipleJourneys, checkNoPersona, checkRepeatedModifiers, checkStageContents } from './structure.js';
import { checkUnusedDeclarations } from './unused.js';
import { followImportsOnUpdate } from './import-updates.js';
import { UsedDeclarations } from './used-declarations.js';

/** Holds nothing itself: the checks are small functions, registered here by AST type. */
export class JourneyValidator {}

export function registerValidationChecks(services: JourneyServices): void {
    const documents = services.shared.workspace.LangiumDocuments;
    const usedDeclarations = new UsedDeclarations(services.shared);
    const repeatedModifiers = (node: AstNode, accept: ValidationAcceptor) => checkRepeatedModifiers(node, accept);
    const checks: ValidationChecks<JourneyAstType> = {
        Model: (model: Model, accept) => {
            checkMultipleJourneys(model, accept);
            const duplicates = checkDeclarationIds(model, documents, accept);
            checkUnusedDeclarations(model, usedDeclarations, duplicates, accept);
        },
        Import: (imp, accept) => checkImportFound(imp, documents, accept),
        Journey: (journey: Journey, accept) => {
            checkNoPersona(journey, accept);
            checkJourneyIds(journey, accept);
            checkEmotionCliffs(journey, accept);
            checkUnaddressedBarriers(journey, accept);
            checkHolders(journey, accept);
            repeatedModifiers(journey, accept);
        },
        Stage: (stage: Stage, accept) => checkStageContents(stage, accept),
        Emotion: [checkEmotionRange, repeatedModifiers],
        Opportunity: [checkOpportunityOwner, repeatedModifiers],
        Barrier: repeatedModifiers,
        Frontstage: repeatedModifiers,
        Backstage: repeatedModifiers,
        Support: repeatedModifiers,
        Metric: repeatedModifiers,
    };
    services.validation.ValidationRegistry.register(checks, services.journey.Validator);
    followImportsOnUpdate(services.shared);
}

/** Checks of each step, and of each stage that holds facts instead of steps. */
function checkHolders(journey: Journey, accept: ValidationAcceptor): void {
    const personas = journeyPersonaNames(journey);
    for (const holder of factHolders(journey)) {
        if (holder.$type === 'Stage' && holder.facts.length === 0) continue; // empty-stage only
        checkDuplicateEmotions(holder, accept);
        checkMissingEmotion(holder, personas, accept);
        checkMissingTouchpoint(holder, accept);
        checkMissingEvidence(holder, accept);
    }
}
