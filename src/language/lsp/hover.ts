import { MultilineCommentHoverProvider } from 'langium/lsp';

export class JourneyHoverProvider extends MultilineCommentHoverProvider {}
