/**
 * Text without its UTF-8 byte order mark. Editors hide the BOM, so lines and columns must not
 * count it: a file saved with one would otherwise be reported one column off on its first line.
 */
export function withoutBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
