import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../cli/exit-codes.js';

/**
 * Writes a file atomically: to a temporary file in the same folder, then renamed over the target,
 * so a reader never sees half a file and a failure leaves the old file as it was.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
    const dir = path.dirname(path.resolve(file));
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        fs.writeFileSync(temp, data);
        fs.renameSync(temp, file);
    } catch (err) {
        try { fs.rmSync(temp, { force: true }); } catch { /* the temporary file may not exist */ }
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(`Cannot write ${file}${code ? ` (${code})` : ''}`);
    }
}
