// The changes that carry a map model edit from the server to the preview (src/protocol/json-patch.ts).
import { describe, expect, test } from 'vitest';
import { applyJsonChanges, diffJson } from '../src/protocol/json-patch.js';
import { ModelFeed } from '../src/extension/preview/model-feed.js';
import type { MapModel } from '../src/model/types.js';
import type { MapModelPush } from '../src/protocol/lsp.js';

const before = {
    journey: { id: 'j', title: 'T', goal: 'g' },
    stages: [
        { id: 's1', steps: [{ id: 'a', label: 'A', actions: ['x'] }, { id: 'b', label: 'B', actions: [] }] },
        { id: 's2', steps: [{ id: 'c', label: 'C', actions: ['y', 'z'] }] },
    ],
};

describe('diffJson / applyJsonChanges', () => {
    test('an edited label is one change at its path, and applying it gives the new value', () => {
        const after = structuredClone(before);
        after.stages[1].steps[0].label = 'C2';
        const changes = diffJson(before, after)!;
        expect(changes).toEqual([{ path: ['stages', 1, 'steps', 0, 'label'], value: 'C2' }]);
        expect(applyJsonChanges(before, changes)).toEqual(after);
    });

    test('arrays whose length changed are replaced whole; removed keys are deleted; undefined counts as absent', () => {
        const after = structuredClone(before) as Omit<typeof before, 'journey'> & { journey: { id: string; title: string; goal?: string; state?: string } };
        after.stages[0].steps[1].actions.push('new');
        delete after.journey.goal;
        after.journey.state = undefined;
        const changes = diffJson(before, after)!;
        expect(changes).toEqual([
            { path: ['journey', 'goal'], delete: true },
            { path: ['stages', 0, 'steps', 1, 'actions'], value: ['new'] },
        ]);
        const applied = applyJsonChanges(before, changes);
        expect(applied).toEqual(JSON.parse(JSON.stringify(after)));
        expect('goal' in applied.journey).toBe(false);
    });

    test('equal values give no changes; a different kind of value is replaced', () => {
        expect(diffJson(before, structuredClone(before))).toEqual([]);
        expect(diffJson(null, before)).toEqual([{ path: [], value: before }]);
        expect(applyJsonChanges(null, [{ path: [], value: before }])).toBe(before);
        expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: ['a'], value: { 0: 1 } }]);
    });

    test('never changes its input: only the objects on a changed path are copied, the rest is shared', () => {
        const frozen = structuredClone(before);
        const applied = applyJsonChanges(before, [{ path: ['stages', 0, 'steps', 0, 'label'], value: 'A2' }, { path: ['stages', 0, 'id'], value: 's1b' }]);
        expect(before).toEqual(frozen);
        expect(applied.stages[0]).toMatchObject({ id: 's1b', steps: [{ label: 'A2' }, { label: 'B' }] });
        expect(applied.stages[1]).toBe(before.stages[1]);
        expect(applied.stages[0].steps[1]).toBe(before.stages[0].steps[1]);
    });

    test('gives up past the limit, and a path that is not there is an error', () => {
        const after = structuredClone(before);
        after.journey.title = 'T2';
        after.journey.goal = 'g2';
        expect(diffJson(before, after, 1)).toBeUndefined();
        expect(diffJson(before, after, 2)).toHaveLength(2);
        expect(() => applyJsonChanges(before, [{ path: ['missing', 'deep'], value: 1 }])).toThrow(/not in the model/);
    });
});

describe('ModelFeed (what the extension host holds and what the page needs)', () => {
    const model = before as unknown as MapModel;
    const push = (seq: number, extra: Partial<MapModelPush>): MapModelPush =>
        ({ uri: 'file:///m.journey', version: seq, seq, errorCount: 0, syntaxErrorCount: 0, dependencies: [], ...extra });

    test('the page gets the whole model first, then the changes since what it was sent, folded', () => {
        const feed = new ModelFeed('file:///m.journey');
        expect(feed.takeUpdate()).toBeUndefined();
        expect(feed.receive(push(1, { model }))).toBe(true);
        expect(feed.takeUpdate()).toMatchObject({ seq: 1, model });
        expect(feed.takeUpdate()).toBeUndefined();
        feed.receive(push(2, { patch: { base: 1, changes: [{ path: ['journey', 'title'], value: 'A' }] } }));
        feed.receive(push(3, { patch: { base: 2, changes: [{ path: ['journey', 'title'], value: 'AB' }] } }));
        const update = feed.takeUpdate()!;
        expect(update).toMatchObject({ seq: 3, version: 3, patch: { base: 1 } });
        expect(applyJsonChanges(model, update.patch!.changes).journey.title).toBe('AB');
        feed.resetPage();
        expect(feed.takeUpdate()).toMatchObject({ seq: 3, model: { journey: { title: 'AB' } } });
    });

    test('refuses a patch for a state it does not hold', () => {
        const feed = new ModelFeed('file:///m.journey');
        expect(feed.receive(push(2, { patch: { base: 1, changes: [] } }))).toBe(false);
        feed.receive(push(1, { model }));
        expect(feed.receive(push(3, { patch: { base: 2, changes: [] } }))).toBe(false);
        expect(feed.receive(push(4, { patch: { base: 1, changes: [{ path: ['nothing', 'here'], value: 1 } ] } }))).toBe(false);
    });
});
