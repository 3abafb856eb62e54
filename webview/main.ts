/**
 * The preview page: receives map models from the extension host, draws them with the shared
 * renderer, keeps editor and picture in step, and runs the toolbar. Browser code only.
 */
import type { PersistedPreviewState, UpdateMessage } from '../src/protocol/webview.js';
import { defaultViewState } from '../src/protocol/webview.js';
import { asHostMessage } from '../src/protocol/webview-guards.js';
import { buildExport } from './exporter.js';
import { MapView } from './map-view.js';
import { Toolbar } from './toolbar.js';
import { hostApi } from './vscode-api.js';
import { updateDecision } from './update-decision.js';
import { traceNow } from '../src/protocol/trace.js';
import { applyJsonChanges } from '../src/protocol/json-patch.js';
import type { MapModel } from '../src/model/types.js';

const ZOOM_STEP = 1.25;

const host = hostApi();
const root = document.getElementById('journey-map')!;
const scroller = document.getElementById('journey-scroll')!;
const banner = document.getElementById('journey-banner')!;

const initial: PersistedPreviewState = { ...defaultViewState, resource: '', ...readDataState(), ...host.getState() };
let persisted: PersistedPreviewState = initial;
let shownVersion = -1;
/** The newest model state received (shown, or held back under syntax errors): patches apply to it. */
let latest: { seq: number; model: MapModel | null } | undefined;
/** The map shown was drawn while its document had syntax errors (no good map has been drawn since). */
let shownIsPartial = false;
/** The map shown is the one of the document the preview showed before it turned to this one. */
let shownIsOther = false;
/** Set when the preview turned to another document: its first picture starts at the top left. */
let scrollHome = false;
let restoreScroll = initial.scrollX !== undefined || initial.scrollY !== undefined;

const view = new MapView(root, scroller, root.dataset.nonce ?? '', initial);
const toolbar = new Toolbar(document.getElementById('journey-toolbar')!, {
    zoomIn: () => zoom(view.viewState.zoom * ZOOM_STEP),
    zoomOut: () => zoom(view.viewState.zoom / ZOOM_STEP),
    zoomFit: () => zoom(view.fitZoom()),
    zoomReset: () => zoom(1),
    export: format => {
        const model = view.current;
        if (!model) {
            showBanner('There is no map to export: the file holds no journey, or has not parsed yet.', 'warning');
            return;
        }
        buildExport(model, view.renderOptions(), format, model.journey.id || 'journey-map')
            .then(message => host.postMessage(message))
            .catch((err: unknown) => showBanner(`Export failed: ${err instanceof Error ? err.message : String(err)}`, 'error'));
    },
    filtersChanged: filters => {
        view.setFilters(filters);
        save(filters);
    },
}, initial);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = asHostMessage(event.data);
    if (!message) {
        console.warn(`[journey-preview] ignored a message it does not understand: ${describe(event.data)}`);
        return;
    }
    switch (message.type) {
        case 'update': onUpdate(message); break;
        case 'document': onDocument(message.resource, message.locked); break;
        case 'highlight':
            if (message.line === null) view.forgetCursor();
            else view.highlightLine(message.line, message.reveal);
            break;
        case 'notice':
            view.showMessage(message.text);
            shownIsPartial = false;
            shownIsOther = false;
            root.removeAttribute('aria-busy');
            break;
        case 'exportResult':
            if (message.error) showBanner(`Export failed: ${message.error}`, 'error');
            break;
    }
});

// A click on a card, a step, a stage, a persona or a curve point selects its source in the editor;
// a click on a fix arrow selects the opportunity it comes from.
root.addEventListener('click', event => {
    const clicked = event.target as Element | null;
    const target = clicked?.closest('[data-id][data-line]') ?? fixLinkOrigin(clicked);
    if (!target) return;
    const key = target.getAttribute('data-id') ?? '';
    const line = Number(target.getAttribute('data-line'));
    if (!Number.isInteger(line) || line < 1) return;
    view.highlightKeys([key], false);
    const location = view.sourceIndex?.locationOf(key);
    host.postMessage({
        type: 'revealSource', line,
        ...(location ? { range: location.range } : {}),
        ...(location?.uri ? { uri: location.uri } : {}),
    });
});

/** The opportunity card a clicked fix arrow (`data-from`) starts at, if it is drawn. */
function fixLinkOrigin(clicked: Element | null): Element | null {
    const from = clicked?.closest('.jm-fix[data-from]')?.getAttribute('data-from');
    return from ? root.querySelector(`[data-id="${CSS.escape(from)}"][data-line]`) : null;
}

// Find in the page (Ctrl+F / Cmd+F opens VS Code's find widget on the preview) must see the
// whole map: nothing is culled until the user is back at the map.
document.addEventListener('keydown', event => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') view.showEverythingForFind();
});
root.addEventListener('pointerdown', () => view.resumeCulling());
// The page's find selects the text it found but does not scroll SVG text into view: do it here.
document.addEventListener('selectionchange', () => {
    const node = document.getSelection()?.focusNode;
    const element = node instanceof Element ? node : node?.parentElement;
    if (element && root.contains(element)) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
scroller.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => save({ scrollX: scroller.scrollLeft, scrollY: scroller.scrollTop }), 200);
});

// Stored at once, not only on the first change: the serializer restores the panel from this state.
save({});
host.postMessage({ type: 'ready' });

/** The host says which document this preview shows (it follows the editor unless locked). */
function onDocument(resource: string, locked: boolean): void {
    if (resource !== persisted.resource) {
        // Another document: its versions and model states start afresh; the map shown stays until its first update.
        shownVersion = -1;
        latest = undefined;
        scrollHome = true;
        shownIsOther = true;
        view.forgetCursor();
        // A choice of personas is a choice among one map's personas: the other file's map shows all of
        // its own (carried over, the choice hid every curve of a map whose personas it did not name).
        if (view.viewState.personas !== null) view.setFilters({ hiddenLanes: view.viewState.hiddenLanes, personas: null });
        save({ resource, locked, personas: null });
        return;
    }
    save({ resource, locked });
}

function onUpdate(update: UpdateMessage): void {
    // Still in flight from the document shown before.
    if (update.resource !== persisted.resource) return;
    const received = performance.now();
    const trace = update.trace ? { ...update.trace, 'webview.received': traceNow() } : undefined;
    const model = modelOf(update);
    if (model === undefined) {
        // A patch for a state this page does not hold: ask for the whole model.
        host.postMessage({ type: 'resync' });
        return;
    }
    latest = update.seq === undefined ? undefined : { seq: update.seq, model };
    const message = { ...update, model };
    // The map of the document shown before is no map of this one: it is never kept for it.
    const decision = updateDecision(message, shownVersion, view.current !== undefined && !shownIsOther, shownIsPartial);
    if (decision.action === 'ignore') return;
    shownVersion = message.version;
    if (decision.banner) showBanner(decision.banner, 'warning');
    else hideBanner();
    if (decision.action === 'message') {
        view.showMessage(decision.text);
        shownIsPartial = false;
        shownIsOther = false;
    } else if (decision.action === 'render' && message.model) {
        if (!draw(message.model)) return;
        shownIsPartial = message.syntaxErrorCount > 0;
        shownIsOther = false;
        if (scrollHome) {
            scrollHome = false;
            scroller.scrollLeft = 0;
            scroller.scrollTop = 0;
        }
        if (restoreScroll) {
            restoreScroll = false;
            scroller.scrollLeft = initial.scrollX ?? 0;
            scroller.scrollTop = initial.scrollY ?? 0;
        }
    }
    root.removeAttribute('aria-busy');
    root.dataset.version = String(message.version);
    // Logged once the frame with the new picture is painted: end-to-end tests wait for this line.
    requestAnimationFrame(() => setTimeout(() => {
        const ms = Math.round(performance.now() - received);
        root.dataset.renderMs = String(ms);
        if (trace) {
            if (decision.action === 'render') Object.assign(trace, { 'webview.rendered': view.lastRender.rendered, 'webview.patched': view.lastRender.patched });
            root.dataset.trace = JSON.stringify({ ...trace, 'webview.painted': traceNow() });
        }
        console.log(`[journey-preview] updated version=${message.version} kept=${decision.action === 'keep'} ms=${ms}`);
    }, 0));
}

/**
 * Draws a model; if that fails (a model the renderer cannot draw), keeps the picture shown and
 * says so in the banner instead of leaving an exception in the message listener.
 */
function draw(model: MapModel): boolean {
    try {
        view.show(model);
        toolbar.setPersonas(model.personas.map(p => ({ id: p.id, label: p.label })), view.viewState.personas);
        return true;
    } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        console.error(`[journey-preview] the map could not be drawn: ${reason}`);
        showBanner(`The map could not be drawn (${reason}); showing the last map drawn.`, 'error');
        root.removeAttribute('aria-busy');
        return false;
    }
}

/** The whole model an update brings: its own, or the held one patched; undefined if it cannot be had. */
function modelOf(update: UpdateMessage): MapModel | null | undefined {
    if (!update.patch) return update.model ?? null;
    if (!latest || latest.seq !== update.patch.base) return undefined;
    try {
        return applyJsonChanges(latest.model, update.patch.changes);
    } catch {
        return undefined;
    }
}

function zoom(value: number): void {
    view.setZoom(value);
    toolbar.setZoom(view.viewState.zoom);
    save({ zoom: view.viewState.zoom });
}

function save(change: Partial<PersistedPreviewState>): void {
    persisted = { ...persisted, ...change };
    host.setState(persisted);
}

function showBanner(text: string, kind: 'warning' | 'error'): void {
    banner.textContent = text;
    banner.className = `journey-banner-${kind}`;
    banner.hidden = false;
}

function hideBanner(): void {
    banner.hidden = true;
    banner.textContent = '';
}

/** A short description of an unexpected message, for the console. */
function describe(data: unknown): string {
    const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? `"${type.slice(0, 40)}" with missing or malformed fields` : typeof data;
}

function readDataState(): Partial<PersistedPreviewState> {
    try {
        return JSON.parse(root.dataset.state ?? '{}') as Partial<PersistedPreviewState>;
    } catch {
        return {};
    }
}
