import type { LangiumDocument, LocalSymbols } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import type { AstNodeDescription } from 'langium';

/**
 * Exports the top-level personas, channels, teams and journeys (Langium's default), and no
 * local symbols: the scope provider finds barriers and steps in their journey directly, which
 * keeps large maps fast.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<unknown, AstNodeDescription>() as unknown as LocalSymbols;
    }
}
