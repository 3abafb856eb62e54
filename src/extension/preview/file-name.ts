import type { ExportFormat } from '../../protocol/webview.js';

/** A plain file name with the format's extension: no folders, no odd characters. */
export function safeFileName(name: string, format: ExportFormat): string {
    const base = name.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'journey-map';
    return `${base}.${format}`;
}
