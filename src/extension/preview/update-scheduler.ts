import { Disposable, toDisposable } from '../disposable.js';

/** Timer functions, injectable so the scheduling logic is tested without real time. */
export interface Clock {
    now(): number;
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Leading-and-trailing throttle for preview updates: the first request runs at once, requests
 * within `intervalMs` of the last run are folded into one run at the end of the interval, and
 * a run never overlaps the previous one (an async update finishes before the next starts).
 */
export class UpdateScheduler extends Disposable {
    private lastRun = Number.NEGATIVE_INFINITY;
    private timer: unknown;
    private running = false;
    private pending = false;

    constructor(
        private readonly run: () => Promise<void> | void,
        private readonly intervalMs: number,
        private readonly clock: Clock = systemClock,
    ) {
        super();
        this._register(toDisposable(() => this.cancelTimer()));
    }

    /** Asks for an update: now if the last one was long enough ago, else at the end of the interval. */
    request(): void {
        if (this.isDisposed) return;
        this.pending = true;
        if (this.running || this.timer !== undefined) return;
        const wait = this.lastRun + this.intervalMs - this.clock.now();
        if (wait <= 0) void this.flush();
        else this.timer = this.clock.setTimeout(() => {
            this.timer = undefined;
            void this.flush();
        }, wait);
    }

    private async flush(): Promise<void> {
        if (!this.pending || this.isDisposed) return;
        this.pending = false;
        this.running = true;
        this.lastRun = this.clock.now();
        try {
            await this.run();
        } catch (err) {
            console.error('[journey] preview update failed', err);
        } finally {
            this.running = false;
        }
        if (this.pending) this.request();
    }

    private cancelTimer(): void {
        if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
        this.timer = undefined;
    }
}

/**
 * Keeps a preview from going back in time: answers can arrive out of order, and an answer
 * for an older document version than the one shown is dropped. The same version may show
 * again (an imported file changed, the document did not).
 */
export class VersionGuard {
    private shown = Number.NEGATIVE_INFINITY;

    get shownVersion(): number | undefined {
        return Number.isFinite(this.shown) ? this.shown : undefined;
    }

    /** True when a result for `version` may be shown; records it as shown. */
    accept(version: number): boolean {
        if (version < this.shown) return false;
        this.shown = version;
        return true;
    }

    reset(): void {
        this.shown = Number.NEGATIVE_INFINITY;
    }
}
