import { DefaultDefinitionProvider } from 'langium/lsp';

export class JourneyDefinitionProvider extends DefaultDefinitionProvider {}
