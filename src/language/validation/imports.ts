import type { LangiumDocuments, ValidationAcceptor } from 'langium';
import type { Import } from '../generated/ast.js';
import { resolveImport } from '../imports.js';

export function checkImportFound(imp: Import, documents: LangiumDocuments, accept: ValidationAcceptor): void {
    const from = imp.$container.$document?.uri;
    // An `import` without its path is already a syntax error; "Cannot import 'undefined'" would add nothing.
    if (imp.path === undefined) return;
    if (!from || resolveImport(imp, from, documents)) return;
    accept('error', `Cannot import '${imp.path}': no readable .journey file at that path (relative to this file).`,
        { node: imp, property: 'path', code: 'import-not-found' });
}
