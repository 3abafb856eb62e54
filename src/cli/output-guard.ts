import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './exit-codes.js';

/** True when both paths name one existing file (same device and inode: links and `..` included). */
function sameFile(a: string, b: string): boolean {
    try {
        const x = fs.statSync(a);
        const y = fs.statSync(b);
        return x.dev === y.dev && x.ino === y.ino;
    } catch {
        return false; // one of them does not exist: nothing to overwrite
    }
}

/**
 * Refuses an output path that is one of the command's inputs (`-o map.journey` on the map
 * itself, or on a file it imports): writing there would destroy the source.
 */
export function checkOutputIsNotInput(command: string, output: string, inputs: Iterable<string>): void {
    for (const input of inputs) {
        if (sameFile(output, input)) {
            throw new UsageError(`journey ${command}: -o ${output} would overwrite the input ${input}; choose another output file.`);
        }
    }
}

/** Checks that the folder an output goes into exists, so the error names it rather than a temporary file. */
export function checkOutputFolder(command: string, output: string): void {
    const folder = path.dirname(path.resolve(output));
    let stat: fs.Stats;
    try {
        stat = fs.statSync(folder);
    } catch {
        throw new UsageError(`journey ${command}: Cannot write ${output} (ENOENT): no such folder ${path.dirname(output)}`);
    }
    if (!stat.isDirectory()) throw new UsageError(`journey ${command}: Cannot write ${output} (ENOTDIR): ${path.dirname(output)} is not a folder`);
    if (fs.existsSync(output) && fs.statSync(output).isDirectory()) {
        throw new UsageError(`journey ${command}: Cannot write ${output} (EISDIR): it is a folder`);
    }
}
