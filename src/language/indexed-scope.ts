import type { AstNodeDescription, Scope, Stream } from 'langium';
import { stream } from 'langium';

/**
 * A scope over a fixed list of descriptions, indexed by name once. Langium's StreamScope searches
 * its (lazy) stream on every lookup and builds a description per element each time, which makes
 * linking a journey with n steps and n `next`/`fixes` references O(n²). Like StreamScope, the
 * first element with a name wins and every element is listed (duplicates too, for completion).
 */
export class IndexedScope implements Scope {
    private readonly byName = new Map<string, AstNodeDescription[]>();

    constructor(private readonly elements: readonly AstNodeDescription[]) {
        for (const element of elements) {
            const same = this.byName.get(element.name);
            if (same) same.push(element);
            else this.byName.set(element.name, [element]);
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.byName.get(name) ?? []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.elements);
    }
}
