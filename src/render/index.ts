/**
 * The renderer: map model -> SVG string. Pure (no Node, no DOM, no vscode, no Langium) so the
 * CLI, the exports and the preview webview all draw the same picture with the same code.
 */
export { renderSvg } from './svg.js';
export type { RenderOptions, Highlight, LaneId } from './options.js';
export { LANES } from './options.js';
export { stageKey, stepKey, factKey, emotionKey, parentKeys } from './keys.js';
