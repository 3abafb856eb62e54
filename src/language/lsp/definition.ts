import type { LeafCstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';
import { isBuiltinUri } from '../builtins.js';

/**
 * Go to definition. A built-in channel is declared in a virtual document (`journey-builtin:`)
 * that no editor can open, so it has no definition to go to.
 */
export class JourneyDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: LeafCstNode): GoToLink[] {
        return super.findLinks(source).filter(link => !isBuiltinUri(link.targetDocument.uri));
    }
}
