import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { expectFormatting } from 'langium/test';
import { createTestServices } from './helpers.js';
import { formatJourneyText } from '../src/language/lsp/format-text.js';

const { Journey } = createTestServices();

function format(text: string): string {
    const result = formatJourneyText(Journey, text);
    if (!result.ok) throw new Error(`syntax errors: ${JSON.stringify(result.errors)}`);
    return result.text;
}

/** What a map means: its tokens in order (comments and whitespace aside). */
function tokens(text: string): string[] {
    return Journey.parser.Lexer.tokenize(text).tokens.map(t => t.image);
}

function comments(text: string): string[] {
    return Journey.parser.Lexer.tokenize(text).hidden.map(t => t.image.trimEnd());
}

function expectCanonical(text: string): string {
    const once = format(text);
    expect(format(once)).toBe(once);
    expect(tokens(once)).toEqual(tokens(text));
    expect(comments(once)).toEqual(comments(text));
    return once;
}

const examples = fs.readdirSync('examples').filter(name => name.endsWith('.journey'));

const messy = `import "people.journey"    import "more.journey"   // shared declarations
/* a block
   comment */ persona p "P" {role "r" goal "g"} channel   c "C" team t1 team t2 "Two"
journey j "J" { for p , q state current // why current
goal "find the gaps" stage a { step s1 "One" { action "x" touchpoint // before the channel
 web "w" emotion +1 "ok" for p barrier b1 "slow" severity high opportunity o1 "faster" fixes b1, b2 impact high effort low owner t1 } // after step



 // on its own line
step s2 { } } stage b { emotion 0 metric NPS -20 target 10 next s1 } }
// the end`;

describe('formatter: canonical form', () => {
    it('lays out a messy map: two-space indent, one fact per line, blank lines between stages and top-level declarations', () => {
        expect(format(messy)).toBe(`import "people.journey"
import "more.journey" // shared declarations

/* a block
   comment */
persona p "P" {
  role "r"
  goal "g"
}

channel c "C"

team t1
team t2 "Two"

journey j "J" {
  for p, q
  state current // why current
  goal "find the gaps"

  stage a {
    step s1 "One" {
      action "x"
      touchpoint // before the channel
        web "w"
      emotion +1 "ok" for p
      barrier b1 "slow" severity high
      opportunity o1 "faster" fixes b1, b2 impact high effort low owner t1
    } // after step

    // on its own line
    step s2 {}
  }

  stage b {
    emotion 0
    metric NPS -20 target 10
    next s1
  }
}
// the end
`);
    });

    it('is idempotent and keeps tokens and comments on the messy map', () => {
        expectCanonical(messy);
    });

    it.each(examples)('leaves the example %s unchanged (already canonical)', name => {
        const text = fs.readFileSync(`examples/${name}`, 'utf8');
        expect(expectCanonical(text)).toBe(text);
    });

    it.each(examples)('formats %s squeezed onto one line back to the same canonical text', name => {
        const text = fs.readFileSync(`examples/${name}`, 'utf8');
        // Line comments become block comments so that the whole file fits on one line.
        const oneLine = text.replace(/\/\/([^\n]*)/g, '/*$1*/').replace(/\s+/g, ' ');
        const formatted = expectCanonical(oneLine);
        expect(tokens(formatted)).toEqual(tokens(text));
    });

    it.each(examples)('formats %s with random spacing idempotently', name => {
        const text = fs.readFileSync(`examples/${name}`, 'utf8');
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        // Rebuild the text from its tokens and comments with random whitespace between them.
        const { tokens: words, hidden } = Journey.parser.Lexer.tokenize(text);
        const pieces = [...words, ...hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => t.image);
        const spaced = pieces.map(piece => {
            const gap = random() < 0.2 ? '\n\n  ' : ' '.repeat(1 + Math.floor(random() * 4));
            return piece.startsWith('//') ? piece + '\n' + gap : piece + gap;
        }).join('');
        const formatted = expectCanonical(spaced);
        expect(tokens(formatted)).toEqual(tokens(text));
    });

    it('formats every fixture that parses idempotently, keeping tokens and comments', () => {
        const fixtures: string[] = [];
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
                else if (entry.name.endsWith('.journey')) fixtures.push(`${dir}/${entry.name}`);
            }
        };
        walk('tests/fixtures');
        let formatted = 0;
        for (const file of fixtures) {
            const text = fs.readFileSync(file, 'utf8');
            if (!formatJourneyText(Journey, text).ok) continue;
            expectCanonical(text);
            formatted++;
        }
        expect(formatted).toBeGreaterThan(0);
    });

    it.each(examples)('formats %s with comments sprinkled between tokens idempotently, keeping them all', name => {
        const text = fs.readFileSync(`examples/${name}`, 'utf8');
        let seed = 11;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const { tokens: words } = Journey.parser.Lexer.tokenize(text);
        let result = '';
        let offset = 0;
        words.forEach((token, i) => {
            const end = token.startOffset + token.image.length;
            result += text.slice(offset, end);
            offset = end;
            const r = random();
            if (r < 0.08) result += ` // line ${i}\n`;
            else if (r < 0.16) result += ` /* block ${i} */ `;
            else if (r < 0.2) result += `\n\n/* own\n   lines ${i} */\n`;
            else if (r < 0.24) result += `\n// own ${i}\n`;
        });
        result += text.slice(offset);
        const formatted = expectCanonical(result);
        expect(tokens(formatted)).toEqual(tokens(text));
    });

    it('keeps comments everywhere: between tokens, before closing braces, at the start and the end', () => {
        const text = `// head

// second head
persona /* id next */ p /* label next */ "P" { // open
  // inside before fact
  role "r" /* after fact */
  // before close
} // after close
/* tail */ // tail 2`;
        const formatted = expectCanonical(text);
        expect(formatted).toBe(`// head

// second head
persona /* id next */ p /* label next */ "P" { // open
  // inside before fact
  role "r" /* after fact */
  // before close
} // after close
/* tail */ // tail 2
`);
    });

    it('keeps a suppression comment on the line above the fact it silences', () => {
        const text = `journey j { stage a { step s {
// journey-lint-disable-next-line missing-touchpoint
emotion 1 } } }`;
        expect(format(text)).toContain('      // journey-lint-disable-next-line missing-touchpoint\n      emotion 1\n');
    });

    it('groups one-line declarations of one kind, and separates kinds and blocks by one blank line', () => {
        expect(format('team a team b channel c channel d persona p persona q persona r { role "x" } persona s'))
            .toBe('team a\nteam b\n\nchannel c\nchannel d\n\npersona p\npersona q\n\npersona r {\n  role "x"\n}\n\npersona s\n');
    });

    it('keeps Windows line ends', () => {
        expect(format('team a\r\n\r\n\r\nteam b\r\n')).toBe('team a\r\nteam b\r\n');
    });

    it('formats an empty file to an empty file and a comment-only file to itself', () => {
        expect(format('')).toBe('');
        expect(format('  // only a comment   \n\n')).toBe('// only a comment\n');
    });

    it('refuses a file with syntax errors, naming line and column', () => {
        const result = formatJourneyText(Journey, 'journey j {\n  stage a {\n    step s { emotion }\n');
        expect(result.ok).toBe(false);
        if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            expect(result.errors[0].line).toBe(3);
            expect(result.errors[0].column).toBeGreaterThan(1);
        }
        const lexing = formatJourneyText(Journey, 'team a "unterminated\n');
        expect(lexing.ok).toBe(false);
    });
});

describe('formatter: LSP', () => {
    const expectFormat = expectFormatting(Journey);

    it('formats a document through the language server', async () => {
        await expectFormat({
            before: 'journey j "J" { for p\nstage a { step s { action "x"   emotion 1 } } }',
            after: 'journey j "J" {\n  for p\n\n  stage a {\n    step s {\n      action "x"\n      emotion 1\n    }\n  }\n}\n',
        });
    });

    it('uses two spaces whatever the editor tab size is', async () => {
        await expectFormat({
            before: 'persona p { role "r" }',
            after: 'persona p {\n  role "r"\n}\n',
            options: { insertSpaces: false, tabSize: 8 },
        });
    });

    it('formats only the requested range', async () => {
        await expectFormat({
            before: 'team a   "A"\nteam b   "B"\n',
            after: 'team a   "A"\nteam b "B"\n',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } },
        });
    });

    it('leaves a document with syntax errors alone', async () => {
        const before = 'journey j {   stage a { step s { touchpoint } }';
        await expectFormat({ before, after: before });
    });
});
