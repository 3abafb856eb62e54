/**
 * Strict UTF-8 decoding for commands that write text back (`journey fmt --write`): Node's lenient
 * decoding turns invalid bytes (a Latin-1 `é`) into U+FFFD, and writing that back would destroy them.
 */

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; column: number; byte: number };

/** The text, or the 1-based line and column (UTF-16 units, as in diagnostics) of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
    try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
    } catch {
        const at = firstInvalidByte(bytes);
        const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at));
        const lines = before.split(/\r\n|\r|\n/);
        return { ok: false, line: lines.length, column: lines[lines.length - 1].length + 1, byte: bytes[at] };
    }
}

/** Index of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        const more = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
        if (more === 0) return i;
        // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
        const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
        const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
        for (let k = 1; k <= more; k++) {
            const next = bytes[i + k];
            if (next === undefined) return i;
            if (k === 1 ? next < low || next > high : (next & 0xc0) !== 0x80) return i;
        }
        i += more + 1;
    }
    return bytes.length;
}
