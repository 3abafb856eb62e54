import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'langium';
import type { JourneyServices } from './journey-module.js';
import { CONFIG_FILE_NAME } from './lint-config.js';

/**
 * Re-validates every document when the lint configuration changes: the editor setting
 * `journey.lint.rules` or a `journey.config.json` on disk. Broken config files are logged.
 */
export function watchLintConfig(connection: Connection, shared: LangiumSharedServices, journey: JourneyServices): void {
    const lintConfig = journey.journey.LintConfig;
    lintConfig.onConfigError = error => connection.console.error(error.message);
    const revalidateAll = () => {
        lintConfig.clearCache();
        const uris = shared.workspace.LangiumDocuments.all
            .filter(doc => doc.uri.scheme === 'file')
            .map(doc => doc.uri)
            .toArray();
        void shared.workspace.DocumentBuilder.update(uris, []);
    };
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'journey') revalidateAll();
    });
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (params.changes.some(change => URI.parse(change.uri).path.endsWith(`/${CONFIG_FILE_NAME}`))) revalidateAll();
    });
}
