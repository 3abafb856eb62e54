import type { LangiumCoreServices, LangiumDocument, ReferenceInfo } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { allNodes, forEachReferenceOf } from './ast-walk.js';

/** How many nodes are linked between two checks for cancellation (and chances for other work to run). */
const NODES_PER_CHECK = 512;

/**
 * Langium's linker, walking the AST with plain loops: the default one awaits once per node and
 * streams every property of every node, which cost more than resolving the references themselves.
 * References are linked in the same order, so unresolved-reference errors come out in the same order.
 */
export class JourneyLinker extends DefaultLinker {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = allNodes(document.parseResult.value);
        const link = (info: ReferenceInfo) => this.doLink(info, document);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReferenceOf(nodes[i], this.reflection, link);
        }
    }
}
