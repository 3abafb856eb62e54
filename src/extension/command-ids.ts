/** Command ids, as contributed in package.json (tests hold the manifest to these). */
export const Commands = {
    openPreview: 'journey.preview.open',
    openPreviewToSide: 'journey.preview.openToSide',
    showSource: 'journey.preview.showSource',
    toggleLock: 'journey.preview.toggleLock',
    newFromTemplate: 'journey.newFromTemplate',
} as const;
