import type { MarkdownIt, RendererRule } from 'markdown-it';
import { escapeAttr, escapeText } from '../../render/escape.js';
import { renderSvg } from '../../render/index.js';
import { parseFence } from './parse-fence.js';

/**
 * markdown-it plugin: a fenced ```journey block becomes the map, drawn by the same renderer
 * as the preview and the CLI. A block that does not parse shows its errors and its source.
 * VS Code's Markdown preview picks it up through `extendMarkdownIt`. Errors are reported at their
 * line and column in the Markdown file, as the user sees it in the editor.
 */
export function journeyMarkdownIt(md: MarkdownIt): void {
    // The page's source, for the columns of blocks indented or quoted (`> ```journey`).
    md.core.ruler.push('journey_source', state => {
        if (typeof state.env === 'object' && state.env !== null) sources.set(state.env, state.src);
    });
    const fallback: RendererRule = md.renderer.rules.fence ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const token = tokens[idx];
        const language = token.info.trim().split(/\s+/)[0]?.toLowerCase();
        if (language !== 'journey') return fallback(tokens, idx, options, env, self);
        token.attrJoin('class', 'journey-fence');
        const attrs = self.renderAttrs(token);
        // The Markdown preview re-renders the whole page on every keystroke: unchanged blocks come from the cache.
        const firstLine = token.map ? token.map[0] + 1 : 0;
        const key = `${idx}\u0000${firstLine}\u0000${attrs}\u0000${token.content}`;
        const cached = cache.get(key);
        if (cached !== undefined) return cached;
        const source = typeof env === 'object' && env !== null ? sources.get(env) : undefined;
        const html = renderFence(token.content, attrs, idx, { firstLine, pageLines: source?.split(/\r?\n/) });
        cache.set(key, html);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
        return html;
    };
}

const CACHE_SIZE = 32;
const cache = new Map<string, string>();
const sources = new WeakMap<object, string>();

/** Where a block sits in the page: the 0-based page line of its first line, and the page's lines when known. */
interface BlockPlace { firstLine: number; pageLines: string[] | undefined }

/** The HTML of one fenced block: the map, or its errors and its source. */
function renderFence(content: string, attrs: string, idx: number, place: BlockPlace): string {
    let parsed;
    try {
        parsed = parseFence(content);
    } catch (err) {
        parsed = { model: undefined, problems: [{ line: 1, column: 1, message: `could not read the block: ${String(err)}` }] };
    }
    if (parsed.model) {
        // Ids of shared definitions must not clash when a page holds several maps.
        return `<div${attrs}>${renderSvg(parsed.model, { idPrefix: `jm-fence-${idx}` })}</div>\n`;
    }
    const blockLines = content.split(/\r?\n/);
    const problems = parsed.problems.map(p => {
        const { line, column } = onPage(p, place, blockLines);
        return `<li>line ${line}, column ${column}: ${escapeText(p.message)}</li>`;
    }).join('');
    return `<div${attrs} data-journey-error="${escapeAttr(String(parsed.problems.length))}">`
        + `<p><strong>This journey map has errors:</strong></p><ul>${problems}</ul>`
        + `<pre><code class="language-journey">${escapeText(content)}</code></pre></div>\n`;
}

/**
 * A block's line and column (1-based) on the page. markdown-it strips a block's indentation and
 * quote markers from its lines: the column moves by what was stripped from that page line.
 */
function onPage(p: { line: number; column: number }, place: BlockPlace, blockLines: string[]): { line: number; column: number } {
    const line = place.firstLine + p.line;
    const pageLine = place.pageLines?.[line - 1];
    const blockLine = blockLines[p.line - 1];
    const stripped = pageLine !== undefined && blockLine !== undefined && pageLine.endsWith(blockLine) ? pageLine.length - blockLine.length : 0;
    return { line, column: p.column + stripped };
}
