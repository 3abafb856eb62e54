import { describe, expect, it } from 'vitest';
import { expectFoldings, expectSymbols } from 'langium/test';
import type { DocumentSymbol } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import { createTestServices } from './helpers.js';

const { Journey } = createTestServices();
const symbols = expectSymbols(Journey);
const foldings = expectFoldings(Journey);

const text = `import "people.journey"
import "more.journey"

persona dana "Dana" {
  role "Ops"
}
channel demo "Demo"
team sales "Sales"

journey switch "Switching" {
  for dana

  stage need "Need" {
    step missed "Notices missed calls" {
      touchpoint phone
      emotion -2
      barrier slow "Slow"
    }
    step search "Searches" {
      emotion 0
    }
  }

  stage advocate "Advocacy" {
    emotion 2
  }
}`;

function outline(list: DocumentSymbol[], depth = 0): string[] {
    return list.flatMap(symbol => [`${'  '.repeat(depth)}${symbol.name} (${symbol.detail})`, ...outline(symbol.children ?? [], depth + 1)]);
}

describe('document symbols', () => {
    it('outlines declarations, then journey > stages > steps', async () => {
        await symbols({
            text,
            disposeAfterCheck: true,
            assert: list => {
                expect(outline(list)).toEqual([
                    'dana (persona · Dana)',
                    'demo (channel · Demo)',
                    'sales (team · Sales)',
                    'switch (Switching)',
                    '  need (Need)',
                    '    missed (Notices missed calls)',
                    '    search (Searches)',
                    '  advocate (Advocacy)',
                ]);
                const journey = list[3];
                expect(journey.selectionRange.start).toEqual({ line: 9, character: 8 });
                expect(journey.range.start).toEqual({ line: 9, character: 0 });
                expect(journey.range.end.line).toBe(26);
            },
        });
    });

    it('survives a broken file', async () => {
        await symbols({
            text: 'journey j {\n  stage a {\n    step s { emotion }\n  stage b {',
            disposeAfterCheck: true,
            assert: list => {
                expect(list[0].name).toBe('j');
                expect((list[0].children ?? []).map(c => c.name)).toContain('a');
            },
        });
    });
});

describe('folding', () => {
    it('folds imports, blocks and comments', async () => {
        await foldings({
            text: `import "a.journey"
import "b.journey"
import "c.journey"
/* a block comment
   over three
   lines */
// one
// two
persona p {
  role "r"
  goal "g"
}
journey j {
  stage a {
    step s {
      emotion 1
      touchpoint web
    }
  }
}`,
            disposeAfterCheck: true,
            assert: found => {
                const summary = found.map(f => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`).sort();
                expect(summary).toEqual([
                    '0-2 imports',
                    '12-18',
                    '13-17',
                    '14-16',
                    '3-4 comment',
                    '6-7 comment',
                    '8-10',
                ].sort());
                expect(found.find(f => f.kind === FoldingRangeKind.Imports)).toBeDefined();
            },
        });
    });
});
