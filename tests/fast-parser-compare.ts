/**
 * Compares two parse results in depth: the AST (property order, values, containers, references)
 * and the CST (node classes, own fields in order, grammar sources by identity, positions, links
 * between the trees). Returns the first difference found, or undefined when they are the same.
 * Used to check that the fast parser builds exactly what Langium's parser builds.
 */
import { isAstNode, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';

type Obj = Record<string, unknown>;

export function compareParseResults(fast: ParseResult, langium: ParseResult): string | undefined {
    const keys = (o: object) => Object.keys(o).join(',');
    if (keys(fast) !== keys(langium)) return `result keys: ${keys(fast)} vs ${keys(langium)}`;
    const errors = (r: ParseResult) => JSON.stringify([r.lexerErrors.map(e => [e.message, e.offset, e.length]),
        r.parserErrors.map(e => [e.message, e.token.startOffset, e.token.image]), r.lexerReport]);
    if (errors(fast) !== errors(langium)) return `errors: ${errors(fast)} vs ${errors(langium)}`;
    return new TreeComparison().run(fast.value, langium.value);
}

class TreeComparison {
    /** Node of the first tree -> node of the second (AST and CST nodes). */
    private readonly pairs = new Map<unknown, unknown>();
    /** Links checked once both trees are walked: a (first tree) must pair with b (second tree). */
    private readonly links: Array<[unknown, unknown, string]> = [];

    run(a: AstNode, b: AstNode): string | undefined {
        const root = (n: AstNode) => n.$cstNode?.root;
        try {
            if (!root(a) || !root(b)) throw new Error('no CST root');
            this.cst(root(a)!, root(b)!, 'cst');
            this.ast(a, b, 'ast');
            for (const [x, y, path] of this.links) {
                if (x === undefined && y === undefined) continue;
                if (!this.pairs.has(x)) throw new Error(`${path}: links to a node outside the tree`);
                if (this.pairs.get(x) !== y) throw new Error(`${path}: links to a different node`);
            }
            return undefined;
        } catch (error) {
            return (error as Error).message;
        }
    }

    private pair(a: unknown, b: unknown, path: string): void {
        if (this.pairs.has(a)) throw new Error(`${path}: visited twice`);
        this.pairs.set(a, b);
    }

    private sameKeys(a: object, b: object, path: string): string[] {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        if (ka.join(',') !== kb.join(',')) throw new Error(`${path}: keys ${ka.join(',')} vs ${kb.join(',')}`);
        if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) throw new Error(`${path}: different classes`);
        return ka;
    }

    private cst(a: CstNode, b: CstNode, path: string): void {
        this.pair(a, b, path);
        for (const key of this.sameKeys(a, b, path)) {
            const x = (a as unknown as Obj)[key];
            const y = (b as unknown as Obj)[key];
            const at = `${path}.${key}`;
            if (key === 'content') {
                const xs = x as CstNode[];
                const ys = y as CstNode[];
                if (!Array.isArray(xs) || !Array.isArray(ys) || xs.length !== ys.length) throw new Error(`${at}: ${xs.length} vs ${ys.length} children (${a.text.slice(0, 40)})`);
                xs.forEach((child, i) => this.cst(child, ys[i], `${at}[${i}]`));
            } else if (key === 'container' || key === '_astNode') {
                this.links.push([x, y, at]);
            } else if (!Object.is(x, y)) {
                // grammarSource and _tokenType by identity, positions and flags by value.
                throw new Error(`${at}: ${describe(x)} vs ${describe(y)} at offset ${a.offset} (${JSON.stringify(a.text.slice(0, 30))})`);
            }
        }
    }

    private ast(a: AstNode, b: AstNode, path: string): void {
        this.pair(a, b, path);
        for (const key of this.sameKeys(a, b, path)) {
            this.value((a as unknown as Obj)[key], (b as unknown as Obj)[key], `${path}.${key}`, key);
        }
    }

    private value(x: unknown, y: unknown, at: string, key: string): void {
        if (key === '$cstNode' || key === '$container' || key === '$refNode' || isCstNode(x)) {
            this.links.push([x, y, at]);
        } else if (Array.isArray(x)) {
            if (!Array.isArray(y) || x.length !== y.length) throw new Error(`${at}: arrays differ in length`);
            if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) throw new Error(`${at}: different array classes`);
            x.forEach((item, i) => this.value(item, y[i], `${at}[${i}]`, String(i)));
        } else if (isAstNode(x)) {
            if (!isAstNode(y)) throw new Error(`${at}: an AST node vs ${describe(y)}`);
            this.ast(x, y, at);
        } else if (isReference(x)) {
            if (!isReference(y)) throw new Error(`${at}: a reference vs ${describe(y)}`);
            for (const k of this.sameKeys(x, y, at)) {
                const vx = (x as unknown as Obj)[k];
                const vy = (y as unknown as Obj)[k];
                if (isAstNode(vx)) this.links.push([vx, vy, `${at}.${k}`]);
                else this.value(vx, vy, `${at}.${k}`, k);
            }
            // The getters the linker reads.
            this.value(x.$refText, y.$refText, `${at}.$refText`, '$refText');
            this.links.push([x.$refNode, y.$refNode, `${at}.$refNode`]);
        } else if (!Object.is(x, y)) {
            throw new Error(`${at}: ${describe(x)} vs ${describe(y)}`);
        }
    }
}

function isCstNode(value: unknown): boolean {
    return typeof value === 'object' && value !== null && 'grammarSource' in value && 'container' in value;
}

function describe(value: unknown): string {
    if (value && typeof value === 'object') return `${value.constructor?.name ?? 'object'} ${JSON.stringify((value as Obj).$type ?? (value as Obj).value ?? '')}`;
    return JSON.stringify(value) ?? String(value);
}
