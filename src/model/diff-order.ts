/**
 * Which of the elements two lists share changed their relative order. The longest run that kept
 * its order (a longest increasing subsequence of old positions) stays put; the others moved.
 * This names the one step dragged elsewhere, not every step it shifted.
 */
export function reorderedIds(before: readonly string[], after: readonly string[]): Set<string> {
    const oldIndex = new Map(before.map((id, i) => [id, i]));
    const common = after.filter(id => oldIndex.has(id));
    const positions = common.map(id => oldIndex.get(id)!);
    const kept = longestIncreasing(positions);
    const moved = new Set<string>();
    common.forEach((id, i) => { if (!kept.has(i)) moved.add(id); });
    return moved;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence; O(n log n). */
function longestIncreasing(values: readonly number[]): Set<number> {
    const tails: number[] = []; // tails[k]: index of the smallest tail of a run of length k+1
    const previous: number[] = new Array(values.length).fill(-1);
    for (let i = 0; i < values.length; i++) {
        let lo = 0;
        let hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (values[tails[mid]] < values[i]) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0) previous[i] = tails[lo - 1];
        tails[lo] = i;
    }
    const result = new Set<number>();
    for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.add(i);
    return result;
}
