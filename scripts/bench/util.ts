/** Shared helpers for the benchmarks: timing, medians and a budget line. */
import { performance } from 'node:perf_hooks';

export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>, warmup = 2): Promise<number> {
    for (let i = 0; i < warmup; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const mid = Math.floor(times.length / 2);
    return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** Prints one figure against its budget; returns whether it is within budget. */
export function report(name: string, ms: number, budgetMs?: number): boolean {
    const within = budgetMs === undefined || ms <= budgetMs;
    const budget = budgetMs === undefined ? '' : `  (budget ${budgetMs} ms: ${within ? 'ok' : 'OVER'})`;
    console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${budget}`);
    return within;
}
