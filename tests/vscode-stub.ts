// The plain parts of the `vscode` module that the preview's host code uses, for tests that mock
// `vscode` (each test adds its own `workspace` and `window`). Behaves as VS Code's own where the
// host relies on it: URIs print as `scheme://path` (`untitled:path`), joinPath joins POSIX paths.

export class EventEmitter<T> {
    private listeners: Array<(e: T) => void> = [];
    event = (listener: (e: T) => void) => {
        this.listeners.push(listener);
        return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
    };
    fire(e: T) { for (const l of [...this.listeners]) l(e); }
    dispose() { this.listeners = []; }
}

export class Uri {
    constructor(readonly scheme: string, readonly path: string) {}
    get fsPath() { return this.path; }
    toString() { return this.scheme === 'untitled' ? `untitled:${this.path}` : `${this.scheme}://${this.path}`; }
    static parse(s: string) {
        if (s.startsWith('untitled:')) return new Uri('untitled', s.slice('untitled:'.length));
        const [scheme, rest] = s.split('://');
        return new Uri(scheme, rest);
    }
    // As VS Code's: the path joined as a POSIX path, also when it is relative (untitled).
    static joinPath(base: Uri, ...parts: string[]) {
        const segments = base.path.split('/');
        for (const p of parts) { if (p === '..') segments.pop(); else segments.push(p); }
        return new Uri(base.scheme, segments.join('/') || '.');
    }
}

export class Position {
    constructor(readonly line: number, readonly character: number) {}
    translate(_line: number, character: number) { return new Position(this.line, this.character + character); }
}

export class Selection {
    constructor(readonly anchor: Position, readonly active: Position) {}
}

/** A text document of `lines`, with what `sourceSelection` reads. */
export function stubDocument(uri: Uri, lines: () => string[]) {
    return {
        uri,
        get lineCount() { return lines().length; },
        lineAt: (line: number) => {
            const text = lines()[line];
            return { range: { start: new Position(line, 0), end: new Position(line, text.length) }, firstNonWhitespaceCharacterIndex: text.length - text.trimStart().length };
        },
        validatePosition: (p: Position) => p,
    };
}

export const enums = {
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
};

/** `workspace.getConfiguration` over full setting names (`journey.preview.x`) and their values. */
export function stubGetConfiguration(values: () => Record<string, unknown>) {
    return (section: string) => ({ get: <T>(key: string, fallback: T): T => (values()[`${section}.${key}`] as T | undefined) ?? fallback });
}
