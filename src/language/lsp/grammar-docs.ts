import { AstUtils, GrammarAST, isJSDoc, parseJSDoc } from 'langium';

/**
 * The doc comment of the grammar rule a keyword belongs to, as Markdown. The generated grammar
 * keeps each rule's `/** ... *\/` comment in `$comment`; keywords have none of their own.
 */
export function keywordDocumentation(keyword: GrammarAST.Keyword): string | undefined {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    const comment = (rule as { $comment?: string } | undefined)?.$comment;
    if (!comment || !isJSDoc(comment)) return undefined;
    return parseJSDoc(comment).toMarkdown() || undefined;
}
