import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { JourneyClient } from './client.js';
import { registerCommands } from './commands.js';
import { journeyMarkdownIt } from './markdown/markdown-it-journey.js';
import { PreviewManager } from './preview/preview-manager.js';

let client: JourneyClient | undefined;

/**
 * The extension: the language client (the server starts when a .journey file opens), the
 * live preview and its commands, and fenced ```journey blocks in the Markdown preview.
 */
export function activate(context: vscode.ExtensionContext): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
    const output = vscode.window.createOutputChannel('Journey Maps', { log: true });
    client = new JourneyClient(context, output);
    const previews = new PreviewManager(context.extensionUri, client);
    context.subscriptions.push(output, client, previews, registerCommands(previews));
    return { extendMarkdownIt: md => md.use(journeyMarkdownIt) };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
