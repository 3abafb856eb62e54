import type { LangiumDocument, LeafCstNode } from 'langium';
import { DefaultReferencesProvider } from 'langium/lsp';
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { isBuiltinUri } from '../builtins.js';

/** Find references, across every file that links to the declaration; never into the built-in channels' virtual document. */
export class JourneyReferencesProvider extends DefaultReferencesProvider {
    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams, document: LangiumDocument): Location[] {
        return super.getReferences(selectedNode, params, document).filter(location => !isBuiltinUri(location.uri));
    }
}
