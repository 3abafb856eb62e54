import type { AstNode, ValidationAcceptor } from 'langium';
import type { Import, Journey, JourneyAstType, Model, Stage } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { checkDuplicateEmotions, checkEmotionCliffs, checkEmotionRange, checkMissingEmotion } from './emotions.js';
import { checkMissingEvidence, checkMissingTouchpoint, checkOpportunityOwner, checkUnaddressedBarriers } from './facts.js';
import { checkDeclarationIds, checkJourneyIds } from './ids.js';
import { checkImportFound } from './imports.js';
import { checkMultipleJourneys, checkNoPersona, checkRepeatedModifiers, checkStageContents } from './structure.js';
import { checkUnusedDeclarations } from './unused.js';
import { followImportsOnUpdate } from './import-updates.js';
import { UsedDeclarations } from './used-declarations.js';
import { journeyParts, type JourneyParts } from './journey-parts.js';

/** A check of one AST node; it reports through `accept` and returns nothing. */
export type JourneyCheck<T extends AstNode = AstNode> = (node: T, accept: ValidationAcceptor) => void;

/**
 * The journey checks, by AST type. They are not in Langium's ValidationRegistry: the
 * JourneyDocumentValidator runs them in one synchronous pass over the AST (as category `fast`),
 * where Langium's registry would wrap each in an async function and stream the checks of each node.
 */
export class JourneyValidator {
    private readonly checks = new Map<string, JourneyCheck[]>();

    register<K extends keyof JourneyAstType>(type: K, ...checks: Array<JourneyCheck<JourneyAstType[K]>>): void {
        const list = this.checks.get(type) ?? [];
        list.push(...(checks as JourneyCheck[]));
        this.checks.set(type, list);
    }

    /** The checks of nodes of exactly this type (none for types without checks). */
    checksFor(type: string): readonly JourneyCheck[] | undefined {
        return this.checks.get(type);
    }
}

export function registerValidationChecks(services: JourneyServices): void {
    const documents = services.shared.workspace.LangiumDocuments;
    const usedDeclarations = new UsedDeclarations(services.shared);
    const validator = services.journey.Validator;
    validator.register('Model', (model: Model, accept) => {
        checkMultipleJourneys(model, accept);
        const duplicates = checkDeclarationIds(model, documents, accept);
        checkUnusedDeclarations(model, usedDeclarations, duplicates, accept);
    });
    validator.register('Import', (imp: Import, accept) => checkImportFound(imp, documents, accept));
    validator.register('Journey', (journey: Journey, accept) => {
        const parts = journeyParts(journey);
        checkNoPersona(journey, accept);
        checkJourneyIds(journey, accept, parts);
        checkEmotionCliffs(journey, accept, parts);
        checkUnaddressedBarriers(journey, accept, parts);
        checkHolders(parts, accept);
        checkRepeatedModifiers(journey, accept);
    });
    validator.register('Stage', (stage: Stage, accept) => checkStageContents(stage, accept));
    validator.register('Emotion', checkEmotionRange, checkRepeatedModifiers);
    validator.register('Opportunity', checkOpportunityOwner, checkRepeatedModifiers);
    for (const type of ['Barrier', 'Frontstage', 'Backstage', 'Support', 'Metric'] as const) {
        validator.register(type, checkRepeatedModifiers);
    }
    followImportsOnUpdate(services.shared);
}

/** Checks of each step, and of each stage that holds facts instead of steps (an empty stage is `empty-stage` only). */
function checkHolders(parts: JourneyParts, accept: ValidationAcceptor): void {
    for (let i = 0; i < parts.holders.length; i++) {
        const holder = parts.holders[i];
        checkDuplicateEmotions(holder, accept);
        checkMissingEmotion(holder, parts.personas, accept, parts.effectiveEmotions(i));
        checkMissingTouchpoint(holder, accept);
        checkMissingEvidence(holder, accept);
    }
}
