import { describe, expect, it } from 'vitest';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { createTestServices } from './helpers.js';

const { Journey } = createTestServices();
const highlight = highlightHelper(Journey);

describe('semantic tokens', () => {
    it('colours ids and references by kind, even ids that are keywords', async () => {
        const tokens = await highlight(`persona <|dana|> "Dana"
team <|support|> "Support"
journey <|j|> {
  for <|dana|>
  stage <|need|> {
    step <|s|> {
      touchpoint <|web|>
      emotion <|-2|> for <|dana|>
      barrier <|slow|> "Slow"
      opportunity o "Fix" fixes <|slow|> owner <|support|>
      metric <|NPS|> <|40|> target <|50|>
      next <|s|>
    }
  }
}`);
        const expected = [
            SemanticTokenTypes.class, SemanticTokenTypes.namespace, SemanticTokenTypes.namespace, SemanticTokenTypes.class,
            SemanticTokenTypes.struct, SemanticTokenTypes.function, SemanticTokenTypes.interface, SemanticTokenTypes.number,
            SemanticTokenTypes.class, SemanticTokenTypes.enumMember, SemanticTokenTypes.enumMember, SemanticTokenTypes.namespace,
            SemanticTokenTypes.property, SemanticTokenTypes.number, SemanticTokenTypes.number, SemanticTokenTypes.function,
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });

    it('marks built-in channels as default library', async () => {
        const tokens = await highlight('channel kiosk\njourney j { stage a { touchpoint <|web|> touchpoint <|kiosk|> } }');
        const [web, kiosk] = tokens.ranges.map(([start]) => tokens.tokens.find(t => t.offset === start)!);
        const defaultLibrary = Journey.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.defaultLibrary];
        expect(web.tokenModifiers & defaultLibrary).toBe(defaultLibrary);
        expect(kiosk.tokenModifiers & defaultLibrary).toBe(0);
    });
});
