import { URI } from 'langium';

/** Channels every map may use without declaring them, with the label shown in hover and completion. */
export const builtinChannels: ReadonlyArray<{ id: string; label: string }> = [
    { id: 'web', label: 'Website' },
    { id: 'app', label: 'Mobile or desktop app' },
    { id: 'email', label: 'Email' },
    { id: 'phone', label: 'Phone call' },
    { id: 'chat', label: 'Chat' },
    { id: 'sms', label: 'Text message' },
    { id: 'social', label: 'Social media' },
    { id: 'ads', label: 'Advertising' },
    { id: 'search', label: 'Search engine' },
    { id: 'review', label: 'Review site' },
    { id: 'store', label: 'Physical store' },
    { id: 'mail', label: 'Postal mail' },
    { id: 'event', label: 'Event' },
    { id: 'partner', label: 'Partner' },
    { id: 'survey', label: 'Survey' },
];

export const builtinChannelIds: ReadonlySet<string> = new Set(builtinChannels.map(c => c.id));

/** The built-in channels live in a virtual document so that touchpoints link to real AST nodes. */
export const BUILTIN_URI = URI.parse('journey-builtin:///builtin-channels.journey');

export function builtinDocumentText(): string {
    return builtinChannels.map(c => `channel ${c.id} ${JSON.stringify(c.label)}`).join('\n') + '\n';
}

export function isBuiltinUri(uri: URI | string): boolean {
    return uri.toString() === BUILTIN_URI.toString();
}
