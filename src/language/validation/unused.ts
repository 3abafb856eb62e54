import type { AstNode, ValidationAcceptor } from 'langium';
import type { Model } from '../generated/ast.js';
import type { UsedDeclarations } from './used-declarations.js';
import { propertyRangeOnKeywordLine } from './ranges.js';

/**
 * A persona, channel or team that no reference in any loaded document names: a library's
 * declarations used by a map that imports it count as used. Declarations in `duplicates`
 * (already a `duplicate-id` error, so references go to the other one) are not reported again.
 */
export function checkUnusedDeclarations(model: Model, usedDeclarations: UsedDeclarations, duplicates: ReadonlySet<AstNode>, accept: ValidationAcceptor): void {
    for (const decl of model.declarations) {
        if (!decl.name || duplicates.has(decl)) continue;
        if (!usedDeclarations.isUsed(decl)) {
            accept('info', `The ${decl.$type.toLowerCase()} '${decl.name}' is declared but never used.`,
                { node: decl, property: 'name', range: propertyRangeOnKeywordLine(decl, 'name'), code: 'unused-declaration' });
        }
    }
}
