/**
 * Which preview shows what, as VS Code's Markdown preview does it: a preview follows the
 * journey editor that becomes active, unless it is locked to its document. Plain data here
 * (no `vscode`), so the rules are tested on their own.
 */

/** What the rules need to know of a preview. */
export interface PreviewSlot {
    /** The previewed document's URI, as a string. */
    previewed: string;
    locked: boolean;
    /** The editor group the preview is in (undefined while it is being created). */
    viewColumn: number | undefined;
    /**
     * A file the preview has just opened itself, to show a declaration a click on the map asked
     * for (an imported persona): its editor becoming active is not followed, or the preview
     * would turn away from the map the user is working with.
     */
    openedForDeclaration?: string;
}

/** The panel title: "Preview x.journey", or "[Preview] x.journey" when locked to its document. */
export function previewTitle(resourcePath: string, locked: boolean): string {
    const name = resourcePath.split('/').pop() || resourcePath;
    return locked ? `[Preview] ${name}` : `Preview ${name}`;
}

/** The previews that should switch to `resource` because its editor became active. */
export function followers<T extends PreviewSlot>(previews: Iterable<T>, resource: string): T[] {
    return [...previews].filter(p => !p.locked && p.previewed !== resource && p.openedForDeclaration !== resource);
}

export type SideChoice<T> =
    | { action: 'reveal'; preview: T }
    | { action: 'retarget'; preview: T }
    | { action: 'create' };

/**
 * "Open Preview to the Side" from an editor in group `editorColumn`: bring forward a preview
 * of `resource` in another group; else turn a following preview in another group to it; else
 * make a new one.
 */
export function chooseSidePreview<T extends PreviewSlot>(previews: Iterable<T>, resource: string, editorColumn: number | undefined): SideChoice<T> {
    const elsewhere = [...previews].filter(p => p.viewColumn === undefined || editorColumn === undefined || p.viewColumn !== editorColumn);
    const showing = elsewhere.find(p => p.previewed === resource);
    if (showing) return { action: 'reveal', preview: showing };
    const following = elsewhere.find(p => !p.locked);
    if (following) return { action: 'retarget', preview: following };
    return { action: 'create' };
}

/** "Open Preview" in group `column`: the preview of `resource` already in that group, if any. */
export function inPlacePreview<T extends PreviewSlot>(previews: Iterable<T>, resource: string, column: number | undefined): T | undefined {
    return [...previews].find(p => p.previewed === resource && (column === undefined || p.viewColumn === column));
}
