import type { AstNode, AstNodeDescription, LangiumCoreServices, LangiumDocuments, ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, EMPTY_SCOPE, MapScope, WorkspaceCache } from 'langium';
import { Barrier, Channel, Persona, Step, Team, type Journey, type Model } from './generated/ast.js';
import { visibleDeclarations, type VisibleDeclarations } from './imports.js';
import { IndexedScope } from './indexed-scope.js';
import { journeyBarriers, journeySteps } from './journey-utils.js';

/**
 * Scopes of the journey language:
 * - personas, channels and teams: the file's own declarations, those of its imports
 *   (transitively) and, for channels, the built-in ones; nothing else in the workspace;
 * - barriers and steps: those of the enclosing journey.
 */
export class JourneyScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;
    private readonly scopes: WorkspaceCache<AstNode, Map<string, Scope>>;
    private readonly visible: WorkspaceCache<Model, VisibleDeclarations>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.scopes = new WorkspaceCache(services.shared);
        this.visible = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const type = this.reflection.getReferenceType(context);
        if (type === Barrier.$type || type === Step.$type) {
            const journey = containerOfType<Journey>(context.container, 'Journey');
            return journey ? this.journeyScope(journey, type) : EMPTY_SCOPE;
        }
        if (type === Persona.$type || type === Channel.$type || type === Team.$type) {
            const model = containerOfType<Model>(context.container, 'Model');
            return model ? this.declarationScope(model, type) : EMPTY_SCOPE;
        }
        return EMPTY_SCOPE;
    }

    private journeyScope(journey: Journey, type: string): Scope {
        return this.cached(journey, type, () =>
            this.mapScope(type === Step.$type ? journeySteps(journey) : journeyBarriers(journey)));
    }

    private declarationScope(model: Model, type: string): Scope {
        return this.cached(model, type, () => {
            // One import closure per model for its three kinds of declarations.
            const visible = this.visible.get(model, () => visibleDeclarations(model, this.documents));
            const nodes = type === Persona.$type ? visible.personas : type === Channel.$type ? visible.channels : visible.teams;
            return this.mapScope(nodes);
        });
    }

    /** Describes each node once and indexes the descriptions by name (see IndexedScope). */
    protected override createScopeForNodes(elements: Iterable<AstNode>): Scope {
        const descriptions = [];
        for (const node of elements) {
            const name = this.nameProvider.getName(node);
            if (name) descriptions.push(this.descriptions.createDescription(node, name));
        }
        return new IndexedScope(descriptions);
    }

    /**
     * A scope with a map from name to element, built once: Langium's default scope searches a
     * lazy stream and describes every element again on each lookup, quadratic on large maps.
     * The first of several elements with one name wins (the others are `duplicate-id` errors).
     */
    private mapScope(nodes: AstNode[]): Scope {
        const seen = new Set<string>();
        const descriptions: AstNodeDescription[] = [];
        for (const node of nodes) {
            const name = this.nameProvider.getName(node);
            if (!name || seen.has(name)) continue;
            seen.add(name);
            descriptions.push(this.descriptions.createDescription(node, name));
        }
        return new MapScope(descriptions);
    }

    /** Scopes are computed once per node and kind, and dropped whenever any document changes. */
    private cached(node: AstNode, type: string, compute: () => Scope): Scope {
        const byType = this.scopes.get(node, () => new Map<string, Scope>());
        let scope = byType.get(type);
        if (!scope) {
            scope = compute();
            byType.set(type, scope);
        }
        return scope;
    }
}

/** The node itself or its nearest container of exactly this type: a plain `$type` test, cheaper than the reflection's. */
function containerOfType<T extends AstNode>(node: AstNode | undefined, type: T['$type']): T | undefined {
    for (let current = node; current; current = current.$container) {
        if (current.$type === type) return current as T;
    }
    return undefined;
}
