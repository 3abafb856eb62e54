/**
 * Ids made from free text (Mermaid task names, map names): ASCII letters, digits and hyphens,
 * starting with a letter, unique within a set. The contract's ID is `[A-Za-z][A-Za-z0-9_-]*`.
 */

/** `"Make tea!"` -> `make-tea`; `"Été 2024"` -> `ete-2024`; text with no usable letters -> `''`. */
export function slugify(text: string): string {
    return text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}

/** Hands out ids that are unique within one scope, made from text with a fallback prefix. */
export class IdAllocator {
    private readonly used = new Set<string>();

    constructor(private readonly fallback: string) {}

    /** A new id for `text`: its slug (prefixed with the fallback when it does not start with a letter), made unique with -2, -3, ... */
    next(text: string): string {
        let base = slugify(text);
        if (base === '') base = this.fallback;
        else if (!/^[a-z]/.test(base)) base = `${this.fallback}-${base}`;
        let id = base;
        for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
        this.used.add(id);
        return id;
    }
}

/** A string literal of the language: double quotes, with `\"` and `\\` escaped, on one line. */
export function quote(text: string): string {
    return `"${text.replace(/[\r\n\t]+/g, ' ').replace(/[\\"]/g, ch => `\\${ch}`)}"`;
}
