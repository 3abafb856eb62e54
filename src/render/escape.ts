/**
 * Escaping of user text for SVG/XML. Characters XML cannot hold (controls, lone surrogates,
 * U+FFFE/U+FFFF) become U+FFFD so the output always parses; surrogate pairs are kept.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>]/g;
const ATTR_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text with nothing to escape, the common case: returned as is without allocating. */
// eslint-disable-next-line no-control-regex
const NOTHING_SPECIAL = /^[^&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/;

function clean(text: string): string {
    return text.replace(INVALID_XML, '\uFFFD');
}

/** Escapes text content. */
export function escapeText(text: string): string {
    if (NOTHING_SPECIAL.test(text)) return text;
    return clean(text).replace(TEXT_SPECIAL, c => ENTITIES[c]);
}

/** Escapes a double- or single-quoted attribute value (newlines and tabs kept as character references). */
export function escapeAttr(text: string): string {
    if (NOTHING_SPECIAL.test(text)) return text;
    return clean(text).replace(ATTR_SPECIAL, c => ENTITIES[c]).replace(/[\n\r\t]/g, c => `&#${c.charCodeAt(0)};`);
}
