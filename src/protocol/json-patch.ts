/**
 * Changes between two versions of a plain JSON value (the map model), so that an edit of one
 * label travels as a few hundred bytes instead of the whole model (hundreds of KB for a
 * 200-step map) from the language server through the extension host to the preview.
 * Dependency-free: the server, the extension host and the webview all use it.
 */

export type JsonPath = Array<string | number>;

/** Set the value at `path` (the whole value when `path` is empty), or delete that key. */
export type JsonChange = { path: JsonPath; value: unknown } | { path: JsonPath; delete: true };

/**
 * The changes that turn `before` into `after`: objects are compared key by key, arrays of the
 * same length item by item; an array whose length changed, or a value of another kind, is
 * replaced whole. A key holding `undefined` counts as absent (JSON drops it).
 * Stops early and returns undefined once more than `limit` changes are found.
 */
export function diffJson(before: unknown, after: unknown, limit = Number.POSITIVE_INFINITY): JsonChange[] | undefined {
    const changes: JsonChange[] = [];
    return walk(before, after, [], changes, limit) ? changes : undefined;
}

function walk(a: unknown, b: unknown, path: JsonPath, out: JsonChange[], limit: number): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
        for (let i = 0; i < a.length; i++) {
            if (a[i] === b[i]) continue;
            path.push(i);
            const ok = walk(a[i], b[i], path, out, limit);
            path.pop();
            if (!ok) return false;
        }
        return true;
    }
    if (isRecord(a) && isRecord(b)) {
        // for-in rather than Object.keys: no key arrays for the thousands of objects of a map.
        for (const key in b) {
            const bv = b[key];
            const av = a[key];
            if (av === bv) continue;
            path.push(key);
            const ok = bv === undefined ? remove(path, out, limit) : walk(av, bv, path, out, limit);
            path.pop();
            if (!ok) return false;
        }
        for (const key in a) {
            if (a[key] === undefined || hasOwn.call(b, key)) continue;
            path.push(key);
            const ok = remove(path, out, limit);
            path.pop();
            if (!ok) return false;
        }
        return true;
    }
    if (a === undefined && b === undefined) return true;
    out.push({ path: [...path], value: b });
    return out.length <= limit;
}

function remove(path: JsonPath, out: JsonChange[], limit: number): boolean {
    out.push({ path: [...path], delete: true });
    return out.length <= limit;
}

const hasOwn = Object.prototype.hasOwnProperty;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies `changes` to `root` without touching it: the objects and arrays on the changed paths
 * are copied, everything else is shared with `root`. Throws if a path does not exist.
 */
export function applyJsonChanges<T>(root: T, changes: readonly JsonChange[]): T {
    let result: unknown = root;
    const fresh = new Set<unknown>();
    const writable = (value: unknown): Record<string | number, unknown> => {
        if (fresh.has(value)) return value as Record<string | number, unknown>;
        if (typeof value !== 'object' || value === null) throw new Error('a change names a path that is not in the model');
        const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
        fresh.add(copy);
        return copy;
    };
    for (const change of changes) {
        if (change.path.length === 0) {
            if ('delete' in change) throw new Error('the root cannot be deleted');
            result = change.value;
            fresh.clear();
            continue;
        }
        result = writable(result);
        let parent = result as Record<string | number, unknown>;
        for (let i = 0; i < change.path.length - 1; i++) {
            const key = change.path[i];
            const child = writable(parent[key]);
            parent[key] = child;
            parent = child;
        }
        const last = change.path[change.path.length - 1];
        if ('delete' in change) delete parent[last];
        else parent[last] = change.value;
    }
    return result as T;
}
