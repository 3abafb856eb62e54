import type { LangiumDocument, Module } from 'langium';
import { inject, type DeepPartial, type LangiumSharedCoreServices } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { JourneyGeneratedSharedModule, JourneyMapsGeneratedModule } from './generated/module.js';
import { BUILTIN_URI, builtinDocumentText } from './builtins.js';
import { LintConfigProvider } from './lint-config.js';
import { JourneyScopeProvider } from './scope-provider.js';
import { JourneyScopeComputation } from './scope-computation.js';
import { JourneyLinker } from './linker.js';
import { JourneyAstNodeDescriptionProvider } from './node-descriptions.js';
import { JourneyReferenceDescriptionProvider } from './references-index.js';
import { JourneyDocumentValidator } from './validation/document-validator.js';
import { registerValidationChecks, JourneyValidator } from './validation/index.js';
import { JourneyCompletionProvider } from './lsp/completion.js';
import { JourneyHoverProvider } from './lsp/hover.js';
import { JourneyCodeActionProvider } from './lsp/code-actions.js';
import { JourneyFormatter } from './lsp/formatter.js';
import { JourneyDefinitionProvider } from './lsp/definition.js';
import { JourneyReferencesProvider } from './lsp/references.js';
import { JourneyRenameProvider } from './lsp/rename.js';
import { JourneyDocumentSymbolProvider } from './lsp/document-symbols.js';
import { JourneyFoldingRangeProvider } from './lsp/folding.js';
import { JourneySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { ClientSupport } from './lsp/client-support.js';
import { JourneyDocumentUpdateHandler } from './lsp/document-update-handler.js';
import { JourneyWorkspaceSymbolProvider } from './lsp/workspace-symbols.js';
import { JourneyExecuteCommandHandler } from './lsp/apply-edit-command.js';
import { JourneyWorkspaceManager } from './lsp/workspace-manager.js';
import { JourneyDocumentBuilder } from './lsp/document-builder.js';
import { JourneyTokenBuilder } from './parser/token-builder.js';
import { JourneyLexerErrorMessageProvider, JourneyParserErrorMessageProvider } from './parser-messages.js';
import { createJourneyParser } from './parser/journey-parser.js';

/** Services the journey language adds to Langium's. */
export interface JourneyAddedServices {
    journey: {
        LintConfig: LintConfigProvider;
        Validator: JourneyValidator;
        /** What the LSP client said it understands (snippets, Markdown, links, symbol trees). */
        ClientSupport: ClientSupport;
    };
}

export type JourneyServices = LangiumServices & JourneyAddedServices;

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    journey: {
        LintConfig: services => new LintConfigProvider(services.shared),
        Validator: () => new JourneyValidator(),
        ClientSupport: services => new ClientSupport(services.shared),
    },
    parser: {
        ParserConfig: () => ({ maxLookahead: 3 }),
        TokenBuilder: () => new JourneyTokenBuilder(),
        // A hand-written fast path for texts without errors; Langium's parser for the rest (src/language/parser/).
        LangiumParser: services => createJourneyParser(services),
        ParserErrorMessageProvider: () => new JourneyParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider(),
    },
    references: {
        ScopeProvider: services => new JourneyScopeProvider(services),
        ScopeComputation: services => new JourneyScopeComputation(services),
        Linker: services => new JourneyLinker(services),
    },
    workspace: {
        AstNodeDescriptionProvider: services => new JourneyAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new JourneyReferenceDescriptionProvider(services),
    },
    validation: {
        DocumentValidator: services => new JourneyDocumentValidator(services),
    },
    lsp: {
        CompletionProvider: services => new JourneyCompletionProvider(services),
        HoverProvider: services => new JourneyHoverProvider(services),
        CodeActionProvider: services => new JourneyCodeActionProvider(services),
        Formatter: services => new JourneyFormatter(services),
        DefinitionProvider: services => new JourneyDefinitionProvider(services),
        ReferencesProvider: services => new JourneyReferencesProvider(services),
        RenameProvider: services => new JourneyRenameProvider(services),
        DocumentSymbolProvider: services => new JourneyDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new JourneyFoldingRangeProvider(services),
        SemanticTokenProvider: services => new JourneySemanticTokenProvider(services),
    },
};

/** Shared services the journey language replaces. */
export const JourneySharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        WorkspaceManager: shared => new JourneyWorkspaceManager(shared),
        DocumentBuilder: shared => new JourneyDocumentBuilder(shared),
    },
    lsp: {
        DocumentUpdateHandler: shared => new JourneyDocumentUpdateHandler(shared),
        WorkspaceSymbolProvider: shared => new JourneyWorkspaceSymbolProvider(shared),
        ExecuteCommandHandler: shared => new JourneyExecuteCommandHandler(shared),
    },
};

/**
 * The one composition root: the language server, the CLI and the tests all build their
 * services here. Without an LSP connection (CLI, tests) the configuration is ready at once.
 */
export function createJourneyServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Journey: JourneyServices;
} {
    const shared = inject(createDefaultSharedModule(context), JourneyGeneratedSharedModule, JourneySharedModule);
    const Journey = inject(createDefaultModule({ shared }), JourneyMapsGeneratedModule, JourneyModule);
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    addBuiltinDocument(shared);
    if (!context.connection) {
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}

function addBuiltinDocument(shared: LangiumSharedCoreServices): LangiumDocument {
    const document = shared.workspace.LangiumDocumentFactory.fromString(builtinDocumentText(), BUILTIN_URI);
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
}
