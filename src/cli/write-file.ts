import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file atomically: the data goes to a temporary file in the target's folder (same file
 * system, so the rename is atomic), which then replaces the target. Readers see the old file or
 * the new one, never half of one; a failure leaves the old file as it was and no temporary file.
 * An existing file keeps its mode, and a symbolic link is followed, so the link stays a link.
 * Errors are thrown as they are; callers add the command's wording.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
    const existing = fs.existsSync(file);
    const target = existing ? fs.realpathSync(file) : path.resolve(file);
    const mode = existing ? fs.statSync(target).mode & 0o7777 : undefined;
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    try {
        fs.writeFileSync(temp, data, { flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
        if (mode !== undefined) fs.chmodSync(temp, mode); // the umask may have narrowed the mode given to open
        fs.renameSync(temp, target);
    } catch (err) {
        fs.rmSync(temp, { force: true });
        throw err;
    }
}
