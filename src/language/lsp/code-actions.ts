import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { JourneyServices } from '../journey-module.js';

export class JourneyCodeActionProvider implements CodeActionProvider {
    constructor(_services: JourneyServices) {}
    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        return [];
    }
}
