import type { MarkdownIt, RendererRule } from 'markdown-it';
import { escapeAttr, escapeText } from '../../render/escape.js';
import { renderSvg } from '../../render/index.js';
import { parseFence } from './parse-fence.js';

/**
 * markdown-it plugin: a fenced ```journey block becomes the map, drawn by the same renderer
 * as the preview and the CLI. A block that does not parse shows its errors and its source.
 * VS Code's Markdown preview picks it up through `extendMarkdownIt`.
 */
export function journeyMarkdownIt(md: MarkdownIt): void {
    const fallback: RendererRule = md.renderer.rules.fence ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const token = tokens[idx];
        const language = token.info.trim().split(/\s+/)[0]?.toLowerCase();
        if (language !== 'journey') return fallback(tokens, idx, options, env, self);
        token.attrJoin('class', 'journey-fence');
        const attrs = self.renderAttrs(token);
        // The Markdown preview re-renders the whole page on every keystroke: unchanged blocks come from the cache.
        const key = `${idx}\u0000${attrs}\u0000${token.content}`;
        const cached = cache.get(key);
        if (cached !== undefined) return cached;
        const html = renderFence(token.content, attrs, idx);
        cache.set(key, html);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
        return html;
    };
}

const CACHE_SIZE = 32;
const cache = new Map<string, string>();

/** The HTML of one fenced block: the map, or its errors and its source. */
function renderFence(content: string, attrs: string, idx: number): string {
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
    const problems = parsed.problems
        .map(p => `<li>line ${p.line}, column ${p.column}: ${escapeText(p.message)}</li>`).join('');
    return `<div${attrs} data-journey-error="${escapeAttr(String(parsed.problems.length))}">`
        + `<p><strong>This journey map has errors:</strong></p><ul>${problems}</ul>`
        + `<pre><code class="language-journey">${escapeText(content)}</code></pre></div>\n`;
}
