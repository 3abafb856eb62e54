import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces a file's content atomically: the text goes to a temporary file in the same folder
 * (same file system, so the rename is atomic), which takes the original's mode and then replaces
 * it. Readers see the old file or the new one, never half of one; a failure leaves the original.
 * A symbolic link is followed, so the link stays a link.
 */
export function writeFileAtomic(file: string, text: string): void {
    const target = fs.realpathSync(file);
    const mode = fs.statSync(target).mode & 0o7777;
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    try {
        fs.writeFileSync(temp, text, { encoding: 'utf8', mode, flag: 'wx' });
        fs.chmodSync(temp, mode); // the umask may have narrowed the mode given to open
        fs.renameSync(temp, target);
    } catch (err) {
        fs.rmSync(temp, { force: true });
        throw err;
    }
}
