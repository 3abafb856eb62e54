import { IdAllocator, quote } from '../import/ids.js';

/** The journey's id and quoted title for a map name (`Cloud phones` -> `cloud-phones`, `"Cloud phones"`). */
export function journeyHeader(name: string): { id: string; title: string } {
    const title = name.trim() || 'New journey';
    return { id: new IdAllocator('journey').next(title), title: quote(title) };
}
