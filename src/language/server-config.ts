import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { URI } from 'langium';
import type { JourneyServices } from './journey-module.js';
import { CONFIG_FILE_NAME, type LintConfigError } from './lint-config.js';

/** The code of the diagnostic a broken `journey.config.json` gets (on that file, not on the maps). */
export const CONFIG_ERROR_CODE = 'config-error';

/**
 * Re-validates every document when the lint configuration changes: the editor setting
 * `journey.lint.rules` or a `journey.config.json` on disk. A broken config file is reported
 * once, as ESLint does: a diagnostic on the config file itself, a warning message and a log
 * line; the maps it covers are checked with the default severities meanwhile.
 */
export function watchLintConfig(connection: Connection, shared: LangiumSharedServices, journey: JourneyServices): void {
    const lintConfig = journey.journey.LintConfig;
    const reported = new Set<string>();
    lintConfig.onConfigError = error => {
        const uri = URI.file(error.file).toString();
        reported.add(uri);
        connection.console.error(error.message);
        void connection.sendDiagnostics({ uri, diagnostics: [configDiagnostic(error)] });
        // A notification, not a request: a client that cannot answer requests must not make the server fail.
        void connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `Journey: ${error.message} Default rule severities are used until it is fixed.`,
        });
    };
    const revalidateAll = () => {
        // Diagnostics of config files that were broken are cleared; loading them again re-reports any still broken.
        for (const uri of reported) void connection.sendDiagnostics({ uri, diagnostics: [] });
        reported.clear();
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

function configDiagnostic(error: LintConfigError): Diagnostic {
    const start = error.position ?? { line: 0, character: 0 };
    return {
        range: { start, end: { line: start.line, character: start.character + 1 } },
        severity: DiagnosticSeverity.Error,
        message: `${error.detail} (the default rule severities are used meanwhile)`,
        code: CONFIG_ERROR_CODE,
        source: 'journey',
    };
}
