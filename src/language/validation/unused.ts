import type { AstNodeLocator, IndexManager, ValidationAcceptor } from 'langium';
import type { Model } from '../generated/ast.js';

/** A persona, channel or team that no reference in any loaded document names. */
export function checkUnusedDeclarations(model: Model, index: IndexManager, locator: AstNodeLocator, accept: ValidationAcceptor): void {
    for (const decl of model.declarations) {
        if (!decl.name) continue;
        const used = index.findAllReferences(decl, locator.getAstNodePath(decl)).head() !== undefined;
        if (!used) {
            accept('info', `The ${decl.$type.toLowerCase()} '${decl.name}' is declared but never used.`,
                { node: decl, property: 'name', code: 'unused-declaration' });
        }
    }
}
