/**
 * A reader for Mermaid `journey` diagrams (https://mermaid.js.org/syntax/userJourney.html):
 *
 *     journey
 *       title My working day
 *       accTitle: ...            accDescr: ...   or   accDescr { several lines }
 *       section Go to work
 *         Make tea: 5: Me
 *         Go upstairs: 3: Me, Cat
 *         Do work: 1
 *
 * Also: `%%` comments, `%%{init}%%` directives and a `---` front-matter block (skipped; a
 * front-matter `title:` is used when there is no `title` line), `<br>` in names (read as a space),
 * and Mermaid's entity codes (`#59;`, `#quot;`). Problems name their line.
 */

export interface MermaidTask {
    name: string;
    /** The score as written, a finite number (the caller clamps it). */
    score: number;
    actors: string[];
    line: number;
    /** 1-based column of the score, for warnings about it. */
    scoreColumn: number;
}

export interface MermaidSection {
    name: string;
    line: number;
    tasks: MermaidTask[];
}

export interface MermaidJourney {
    title?: string;
    accTitle?: string;
    accDescr?: string;
    sections: MermaidSection[];
}

export interface MermaidProblem {
    line: number;
    column: number;
    message: string;
}

export type MermaidParseResult =
    | { ok: true; diagram: MermaidJourney }
    | { ok: false; errors: MermaidProblem[] };

const namedEntities: Record<string, string> = {
    quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ', colon: ':', semi: ';', num: '#', hash: '#',
};

/** Mermaid's entity codes: `#59;` (decimal), `#x3B;` (hex), `#quot;` (named); unknown names stay as written. */
export function decodeEntities(text: string): string {
    return text.replace(/#(x[0-9a-fA-F]+|[0-9]+|[A-Za-z]+);/g, (whole, code: string) => {
        if (/^x/i.test(code)) return safeCodePoint(parseInt(code.slice(1), 16)) ?? whole;
        if (/^[0-9]/.test(code)) return safeCodePoint(parseInt(code, 10)) ?? whole;
        return namedEntities[code.toLowerCase()] ?? whole;
    });
}

function safeCodePoint(n: number): string | undefined {
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** A name as a map label: `<br>` becomes a space, entities are decoded, blanks are collapsed. */
function cleanName(raw: string): string {
    return decodeEntities(raw.replace(/<br\s*\/?>/gi, ' ')).replace(/\s+/g, ' ').trim();
}

export function parseMermaidJourney(source: string): MermaidParseResult {
    const lines = source.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
    const errors: MermaidProblem[] = [];
    const diagram: MermaidJourney = { sections: [] };
    let index = 0;
    let frontTitle: string | undefined;
    // Front matter: --- ... --- before the diagram.
    while (index < lines.length && lines[index].trim() === '') index++;
    if (lines[index]?.trim() === '---') {
        const start = index;
        for (index++; index < lines.length && lines[index].trim() !== '---'; index++) {
            const title = /^title:\s*(.*)$/.exec(lines[index].trim());
            if (title) frontTitle = title[1].replace(/^(["'])(.*)\1$/, '$2');
        }
        if (index >= lines.length) return fail(start + 1, 1, 'the front matter that starts here is not closed with ---');
        index++;
    }
    let sawHeader = false;
    for (; index < lines.length; index++) {
        const lineNo = index + 1;
        const raw = lines[index];
        const text = raw.trim();
        if (text === '' || text.startsWith('%%')) continue; // comments and %%{init}%% directives
        const column = raw.indexOf(text) + 1;
        if (!sawHeader) {
            if (!/^journey\b/.test(text)) {
                return fail(lineNo, column, `not a Mermaid journey diagram: expected 'journey' first, found '${text.slice(0, 40)}'`);
            }
            sawHeader = true;
            continue;
        }
        let m: RegExpExecArray | null;
        if ((m = /^title(?:\s+(.*))?$/.exec(text))) {
            diagram.title = cleanName(m[1] ?? '');
        } else if ((m = /^accTitle\s*:\s*(.*)$/.exec(text))) {
            diagram.accTitle = cleanName(m[1]);
        } else if ((m = /^accDescr\s*:\s*(.*)$/.exec(text))) {
            diagram.accDescr = cleanName(m[1]);
        } else if ((m = /^accDescr\s*\{(.*)$/.exec(text))) {
            // A block: everything up to the closing brace, possibly on the same line.
            const parts: string[] = [];
            let rest = m[1];
            const open = lineNo;
            for (;;) {
                const close = rest.indexOf('}');
                if (close >= 0) {
                    parts.push(rest.slice(0, close));
                    break;
                }
                parts.push(rest);
                index++;
                if (index >= lines.length) return fail(open, column, "the accDescr block that starts here is not closed with '}'");
                rest = lines[index];
            }
            diagram.accDescr = cleanName(parts.join(' '));
        } else if ((m = /^section(?:\s+(.*))?$/.exec(text))) {
            diagram.sections.push({ name: cleanName(m[1] ?? ''), line: lineNo, tasks: [] });
        } else if (text.includes(':')) {
            const task = parseTask(text, lineNo, column, errors);
            if (!task) continue;
            if (diagram.sections.length === 0) diagram.sections.push({ name: '', line: lineNo, tasks: [] });
            diagram.sections[diagram.sections.length - 1].tasks.push(task);
        } else {
            errors.push({ line: lineNo, column, message: `cannot read '${text.slice(0, 40)}': expected 'section NAME' or a task 'Name: score: actor, actor'` });
        }
    }
    if (!sawHeader && errors.length === 0) return fail(1, 1, "not a Mermaid journey diagram: it has no 'journey' line");
    if (errors.length > 0) return { ok: false, errors };
    if (diagram.title === undefined && frontTitle !== undefined) diagram.title = cleanName(frontTitle);
    return { ok: true, diagram };
}

/** `Name: score: actor, actor` (actors optional). */
function parseTask(text: string, line: number, column: number, errors: MermaidProblem[]): MermaidTask | undefined {
    const [rawName, rawScore, ...rest] = text.split(':');
    const name = cleanName(rawName);
    if (name === '') {
        errors.push({ line, column, message: 'a task needs a name before its score: Name: score: actors' });
        return undefined;
    }
    const scoreText = (rawScore ?? '').trim();
    const score = scoreText === '' ? NaN : Number(scoreText);
    const scoreColumn = column + rawName.length + 1 + ((rawScore ?? '').length - (rawScore ?? '').trimStart().length);
    if (!Number.isFinite(score)) {
        errors.push({ line, column: scoreColumn, message: `the score of task '${name}' must be a number from 1 to 5, found '${scoreText}'` });
        return undefined;
    }
    // Actors are everything after the second colon (a colon in an actor's name stays part of it).
    const actors = rest.join(':').split(',').map(cleanName).filter(a => a !== '');
    return { name, score, actors, line, scoreColumn };
}

function fail(line: number, column: number, message: string): MermaidParseResult {
    return { ok: false, errors: [{ line, column, message }] };
}
