import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { journeyMarkdownIt } from '../src/extension/markdown/markdown-it-journey.js';

const map = `channel demo "Sales demo"
journey onboarding "Onboarding" {
  stage sign-up "Sign up" {
    step form "Fills the form" {
      touchpoint web "Sign-up page"
      emotion 1 "hopeful"
    }
    step demo-call "Joins a demo" {
      touchpoint demo
      emotion -1
    }
  }
}`;

function render(markdown: string): string {
    return new MarkdownIt().use(journeyMarkdownIt).render(markdown);
}

describe('```journey blocks in Markdown', () => {
    test('a journey block becomes the rendered map, other blocks stay code', () => {
        const html = render(`# Title\n\n\`\`\`journey\n${map}\n\`\`\`\n\n\`\`\`js\nconst x = "<b>";\n\`\`\`\n`);
        expect(html).toContain('<div class="journey-fence"><svg');
        expect(html).toContain('data-id="sign-up/form"');
        expect(html).toContain('data-id="sign-up/demo-call/touchpoint#0"');
        // The block's own channel declaration gives the label.
        expect(html).toContain('Sales demo');
        expect(html).toContain('<pre><code class="language-js">const x = &quot;&lt;b&gt;&quot;;');
        expect(html).not.toContain('<script');
    });

    test('two maps on one page get distinct ids for their shared definitions', () => {
        const html = render(`\`\`\`journey\n${map}\n\`\`\`\n\ntext\n\n\`\`\`journey\n${map}\n\`\`\`\n`);
        const markerIds = [...html.matchAll(/<marker id="([^"]+)"/g)].map(m => m[1]);
        expect(markerIds.length).toBeGreaterThanOrEqual(4);
        expect(new Set(markerIds).size).toBe(markerIds.length);
    });

    test('a block with syntax errors shows the errors with their lines and the escaped source', () => {
        const html = render('```journey\njourney j "J" {\n  stage s {\n    step t "<img src=x onerror=alert(1)>" {\n      emotion\n  }\n}\n```\n');
        expect(html).toContain('data-journey-error=');
        expect(html).toMatch(/line \d+, column \d+/);
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<svg');
    });

    test('hostile labels are escaped in the picture', () => {
        const hostile = 'journey j "\\"><script>alert(1)</script>" {\n  stage s "<img src=x onerror=alert(1)>" {\n    action "javascript:alert(1)"\n  }\n}';
        const html = render(`\`\`\`journey\n${hostile}\n\`\`\`\n`);
        expect(html).toContain('<svg');
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<img');
        expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    });

    test('a block with only declarations says it holds no journey', () => {
        const html = render('```journey\npersona dana "Dana"\n```\n');
        expect(html).toContain('The block holds no journey.');
    });

    test('keeps the attributes other plugins put on the fence (VS Code adds data-line for scroll sync)', () => {
        const md = new MarkdownIt().use(journeyMarkdownIt);
        md.core.ruler.push('line-numbers', state => {
            for (const token of state.tokens) if (token.map) token.attrSet('data-line', String(token.map[0]));
        });
        const html = md.render(`para\n\n\`\`\`journey\n${map}\n\`\`\`\n`);
        expect(html).toMatch(/<div data-line="2" class="journey-fence">/);
    });

    test('junk in a block gives errors, never an exception; the same page renders the same twice', () => {
        const junk = '```journey\n\u0000\u0001 {{{ "unterminated\n\uFFFF journey {\n```\n';
        const first = render(junk);
        expect(first).toContain('data-journey-error=');
        expect(render(junk)).toBe(first);
        const many = Array.from({ length: 300 }, (_, i) => `    step s${i} { emotion 1 touchpoint web }`).join('\n');
        expect(render(`\`\`\`journey\njourney j {\n  stage s {\n${many}\n  }\n}\n\`\`\`\n`)).toContain('data-id="s/s299"');
    });

    test('a block with two journeys is an error at the second one (multiple-journeys), not a silent map of the first', () => {
        const html = render('```journey\njourney a "First" {\n  stage s { action "x" }\n}\njourney b "Second" {\n  stage t { action "y" }\n}\n```\n');
        expect(html).toContain('data-journey-error="1"');
        expect(html).toMatch(/line 5, column 1: [^<]*at most one journey[^<]*multiple-journeys/);
        expect(html).not.toContain('<svg');
    });

    test('errors are placed at their line and column in the Markdown file, also in indented and quoted blocks', () => {
        const page = [
            '# Notes', '', 'Some text.', '',
            '```journey', 'journey j "J" {', '  stage s "S" {', '    step t "T" { emotion }', '  }', '}', '```', '',
            '- a list item', '', '   ```journey', '   journey k "K" {', '     stage s "S" {', '       step t "T" { emotion }', '     }', '   }', '   ```', '',
            '> ```journey', '> journey q "Q" {', '>   stage s "S" {', '>     step t "T" { emotion }', '>   }', '> }', '> ```', '',
        ].join('\n');
        const html = render(page);
        const errors = [...html.matchAll(/<li>line (\d+), column (\d+):/g)].map(m => `${m[1]}:${m[2]}`);
        // `emotion` without a score: the error is at the `}` after it, page column 29, 32 and 31.
        const column = (line: string) => line.indexOf('emotion }') + 'emotion '.length + 1;
        expect(errors).toEqual([
            `8:${column('    step t "T" { emotion }')}`,
            `18:${column('       step t "T" { emotion }')}`,
            `26:${column('>     step t "T" { emotion }')}`,
        ]);
    });

    test('a block that ends too early reports the error on its last line, never at line -1', () => {
        const html = render('```journey\njourney j "J" {\n  stage s "S" {\n    action "a"\n```\n');
        expect(html).toContain('data-journey-error=');
        expect(html).not.toMatch(/line -|column -|line 0\b|column 0\b|NaN/);
        expect(html).toMatch(/line 4, column \d+: [^<]*ends/);
    });
});
