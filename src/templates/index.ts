/**
 * Starter maps for `journey new NAME --template ID` and VS Code's `Journey: New Map from Template`:
 * the four kinds of journey map the field uses. Each lints without errors and is in canonical
 * format (tests/templates.test.ts holds them to it).
 */
import { currentState } from './current-state.js';
import { futureState } from './future-state.js';
import { dayInTheLife } from './day-in-the-life.js';
import { serviceBlueprint } from './service-blueprint.js';

export interface Template {
    id: string;
    label: string;
    description: string;
    /** The map's text; `name` becomes the journey's title and (slugified) its id. */
    text(name: string): string;
}

export const templates: Template[] = [currentState, futureState, dayInTheLife, serviceBlueprint];

export { journeyHeader } from './header.js';

export const defaultTemplateId = 'current-state';

export function findTemplate(id: string): Template | undefined {
    return templates.find(t => t.id === id);
}
