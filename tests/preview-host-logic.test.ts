import { describe, expect, test } from 'vitest';
import { SyncEchoGuard } from '../src/extension/preview/sync-guard.js';
import { UpdateScheduler, VersionGuard, type Clock } from '../src/extension/preview/update-scheduler.js';
import { makeNonce, previewHtml } from '../src/extension/preview/html.js';
import { safeFileName } from '../src/extension/preview/file-name.js';
import { Disposable, toDisposable } from '../src/extension/disposable.js';
import { chooseSidePreview, followers, inPlacePreview, previewTitle } from '../src/extension/preview/follow.js';

/** A clock the test moves by hand. */
class FakeClock implements Clock {
    time = 1000;
    private timers: Array<{ at: number; callback: () => void; id: number }> = [];
    private nextId = 1;
    now(): number { return this.time; }
    setTimeout(callback: () => void, ms: number): unknown {
        const id = this.nextId++;
        this.timers.push({ at: this.time + ms, callback, id });
        return id;
    }
    clearTimeout(handle: unknown): void {
        this.timers = this.timers.filter(t => t.id !== handle);
    }
    async advance(ms: number): Promise<void> {
        this.time += ms;
        const due = this.timers.filter(t => t.at <= this.time);
        this.timers = this.timers.filter(t => t.at > this.time);
        for (const t of due) t.callback();
        await flushPromises();
    }
    get pending(): number { return this.timers.length; }
}

const flushPromises = () => new Promise<void>(resolve => setImmediate(resolve));

describe('UpdateScheduler', () => {
    test('the first update runs at once, a burst within the interval becomes one trailing update', async () => {
        const clock = new FakeClock();
        let runs = 0;
        const scheduler = new UpdateScheduler(() => { runs++; }, 60, clock);
        scheduler.request();
        await flushPromises();
        expect(runs).toBe(1);
        for (let i = 0; i < 5; i++) { scheduler.request(); await clock.advance(5); }
        expect(runs).toBe(1);
        await clock.advance(60);
        expect(runs).toBe(2);
        await clock.advance(500);
        expect(runs).toBe(2);
        scheduler.request();
        await flushPromises();
        expect(runs).toBe(3);
    });

    test('never runs two updates at once; a request during a run is served after it', async () => {
        const clock = new FakeClock();
        let active = 0;
        let maxActive = 0;
        let runs = 0;
        const releases: Array<() => void> = [];
        const scheduler = new UpdateScheduler(() => new Promise<void>(resolve => {
            active++; runs++; maxActive = Math.max(maxActive, active);
            releases.push(() => { active--; resolve(); });
        }), 10, clock);
        scheduler.request();
        await flushPromises();
        scheduler.request();
        await clock.advance(100);
        expect(runs).toBe(1);
        releases.shift()!();
        await flushPromises();
        await clock.advance(10);
        expect(runs).toBe(2);
        releases.shift()!();
        await flushPromises();
        expect(maxActive).toBe(1);
    });

    test('a failing update does not stop later ones; dispose cancels the pending one', async () => {
        const clock = new FakeClock();
        let runs = 0;
        const scheduler = new UpdateScheduler(() => { runs++; throw new Error('boom'); }, 50, clock);
        const original = console.error;
        console.error = () => undefined;
        try {
            scheduler.request();
            await flushPromises();
            scheduler.request();
            await clock.advance(50);
            expect(runs).toBe(2);
            scheduler.request();
            expect(clock.pending).toBe(1);
            scheduler.dispose();
            expect(clock.pending).toBe(0);
            await clock.advance(100);
            expect(runs).toBe(2);
        } finally {
            console.error = original;
        }
    });
});

describe('VersionGuard', () => {
    test('drops answers older than the version shown, accepts the same version again', () => {
        const guard = new VersionGuard();
        expect(guard.shownVersion).toBeUndefined();
        expect(guard.accept(3)).toBe(true);
        expect(guard.accept(2)).toBe(false);
        expect(guard.accept(3)).toBe(true);
        expect(guard.accept(7)).toBe(true);
        expect(guard.shownVersion).toBe(7);
        guard.reset();
        expect(guard.accept(1)).toBe(true);
    });
});

describe('SyncEchoGuard', () => {
    test('the selection change caused by a click in the preview is recognised once', () => {
        let now = 0;
        const guard = new SyncEchoGuard(500, () => now);
        expect(guard.isEcho(4)).toBe(false);
        guard.expectEcho(4);
        expect(guard.isEcho(4)).toBe(true);
        expect(guard.isEcho(4)).toBe(false);
        // Another line first (the editor's old cursor, reported as it is shown): the echo still comes.
        guard.expectEcho(4);
        expect(guard.isEcho(5)).toBe(false);
        expect(guard.isEcho(4)).toBe(true);
        guard.expectEcho(9);
        now = 600;
        expect(guard.isEcho(9)).toBe(false);
    });
});

describe('preview page', () => {
    const input = {
        cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/media/dist/webview.js',
        styleUri: 'https://webview.example/media/preview.css', codiconsUri: 'https://webview.example/media/dist/codicons/codicon.css',
        state: { resource: 'file:///maps/a "quoted" <map>.journey', zoom: 1, hiddenLanes: [], personas: null }, title: 'Preview <x>',
    };

    test('has a strict CSP: nothing by default, scripts only with the nonce, no inline or remote code', () => {
        const html = previewHtml(input);
        const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1].replace(/&#39;|&apos;/g, "'");
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-abc123'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toMatch(/https?:\/\/(?!webview\.example)/);
        const scripts = html.match(/<script[^>]*>/g)!;
        expect(scripts).toHaveLength(1);
        expect(scripts[0]).toContain('nonce="abc123"');
        expect(html).not.toMatch(/\son[a-z]+=/i);
    });

    test('carries the initial state in a data attribute, escaped, and stable selectors for tests', () => {
        const html = previewHtml(input);
        const attr = /data-state="([^"]*)"/.exec(html)![1];
        const decoded = attr.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(JSON.parse(decoded)).toEqual(input.state);
        expect(html).toContain('id="journey-map"');
        expect(html).toContain('<title>Preview &lt;x&gt;</title>');
    });

    test('nonces are 32 letters or digits and differ each time', () => {
        const a = makeNonce();
        expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
        expect(makeNonce()).not.toBe(a);
    });

    test('export file names are plain names with the format extension', () => {
        expect(safeFileName('phone-switch.svg', 'svg')).toBe('phone-switch.svg');
        expect(safeFileName('../../etc/passwd', 'png')).toBe('etc-passwd.png');
        expect(safeFileName('', 'html')).toBe('journey-map.html');
    });
});

describe('Disposable', () => {
    test('disposes what it registered, newest first, once; late registrations are disposed at once', () => {
        const order: string[] = [];
        class Owner extends Disposable {
            add(name: string) { return this._register(toDisposable(() => order.push(name))); }
        }
        const owner = new Owner();
        owner.add('a');
        owner.add('b');
        owner.dispose();
        owner.dispose();
        expect(order).toEqual(['b', 'a']);
        owner.add('late');
        expect(order).toEqual(['b', 'a', 'late']);
    });
});

describe('which preview follows the editor (like the Markdown preview)', () => {
    const A = 'file:///maps/a.journey';
    const B = 'file:///maps/b.journey';
    const C = 'file:///maps/c.journey';
    const slot = (previewed: string, locked: boolean, viewColumn: number | undefined) => ({ previewed, locked, viewColumn });

    test('titles say "Preview" when following and "[Preview]" when locked', () => {
        expect(previewTitle('/maps/a.journey', false)).toBe('Preview a.journey');
        expect(previewTitle('/maps/a.journey', true)).toBe('[Preview] a.journey');
    });

    test('unlocked previews of another document follow the editor that becomes active; locked ones stay', () => {
        const following = slot(A, false, 2);
        const locked = slot(A, true, 3);
        const already = slot(B, false, 2);
        expect(followers([following, locked, already], B)).toEqual([following]);
        expect(followers([locked], B)).toEqual([]);
    });

    test('a preview does not follow to the file it opened itself to show a declaration', () => {
        const showing = { ...slot(A, false, 2), openedForDeclaration: B };
        expect(followers([showing], B)).toEqual([]);
        expect(followers([showing], C)).toEqual([showing]);
    });

    test('"to the side" brings forward a preview of the document in another group, else turns a following one, else makes one', () => {
        const lockedA = slot(A, true, 2);
        const followingB = slot(B, false, 2);
        expect(chooseSidePreview([followingB, lockedA], A, 1)).toEqual({ action: 'reveal', preview: lockedA });
        expect(chooseSidePreview([followingB], A, 1)).toEqual({ action: 'retarget', preview: followingB });
        expect(chooseSidePreview([slot(B, true, 2)], A, 1)).toEqual({ action: 'create' });
        // A preview in the editor's own group is not "to the side".
        expect(chooseSidePreview([slot(A, false, 1)], A, 1)).toEqual({ action: 'create' });
    });

    test('"Open Preview" reuses only a preview of the document in the same group', () => {
        const side = slot(A, false, 2);
        const here = slot(A, false, 1);
        expect(inPlacePreview([side], A, 1)).toBeUndefined();
        expect(inPlacePreview([side, here], A, 1)).toBe(here);
    });
});
