import { isIdRule } from '../journey-utils.js';
import type { CstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode } from 'langium';

/**
 * Keywords are not reserved, so a fact whose id or channel is missing takes the keyword on the
 * next line as its id: `touchpoint` + newline + `emotion 1` reads `emotion` as the channel.
 * These hints say so, instead of leaving the user with an error at the `1`.
 */

/** The hint for a syntax error at `offset`, when the token before it is such a misread keyword. */
export function keywordReadAsIdHint(root: CstNode, offset: number): string | undefined {
    let leaf: CstNode | undefined = CstUtils.findLeafNodeBeforeOffset(root, Math.max(0, offset - 1));
    if (leaf?.hidden) leaf = CstUtils.getPreviousNode(leaf, false);
    if (!leaf || leaf.offset >= offset) return undefined;
    return misreadKeywordHint(leaf);
}

/** The hint for an id node (a reference or a name) that is a keyword on a later line than its fact's keyword. */
export function misreadKeywordHint(idNode: CstNode): string | undefined {
    const leaf = CstUtils.streamCst(idNode).find(node => isLeafCstNode(node)) ?? idNode;
    if (!isKeywordReadAsId(leaf)) return undefined;
    const owner = leaf.astNode.$cstNode;
    if (!owner || owner.range.start.line >= leaf.range.start.line) return undefined;
    const ownerKeyword = owner.text.split(/\s/, 1)[0];
    const line = owner.range.start.line + 1;
    if (leaf.astNode.$type === 'Touchpoint') {
        return `The \`touchpoint\` on line ${line} has no channel, so '${leaf.text}' was read as its channel: write \`touchpoint CHANNEL "text"\` (e.g. \`touchpoint web\`).`;
    }
    return `The \`${ownerKeyword}\` on line ${line} seems to miss its id, so '${leaf.text}' on the next line was read as it.`;
}

/** A keyword token consumed by the `Name` rule, i.e. used as an id. */
function isKeywordReadAsId(node: CstNode): boolean {
    const source = node.grammarSource;
    if (!source || !GrammarAST.isKeyword(source)) return false;
    return isIdRule(AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name);
}
