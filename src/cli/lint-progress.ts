import type { CliIO } from './command.js';
import type { LoadPhase } from './workspace.js';

/** Below this many files, linting is quick enough that a progress line would only flicker. */
export const PROGRESS_MIN_FILES = 20;
const REDRAW_MS = 100;

/**
 * A one-line progress indicator on stderr (`Checking 120/1000 files`), redrawn in place with `\r`
 * at most every 100 ms. Only used when stderr is a terminal; `done()` erases the line.
 */
export function terminalProgress(io: Pick<CliIO, 'stderr'>, now: () => number = Date.now) {
    let lastDraw = -Infinity;
    let drawn = false;
    const label: Record<LoadPhase, string> = { reading: 'Reading', checking: 'Checking' };
    return {
        update(done: number, total: number, phase: LoadPhase): void {
            if (total < PROGRESS_MIN_FILES) return;
            const t = now();
            if (done < total && t - lastDraw < REDRAW_MS) return;
            lastDraw = t;
            drawn = true;
            io.stderr(`\r\u001b[K${label[phase]} ${done}/${total} files`);
        },
        done(): void {
            if (drawn) io.stderr('\r\u001b[K');
        },
    };
}
