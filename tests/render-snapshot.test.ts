/**
 * Snapshots of small maps. The SVG files under __snapshots__/render can be opened in a browser
 * to see the picture; a change to the renderer shows up here as a reviewable diff.
 */
import { describe, expect, test } from 'vitest';
import { renderSvg } from '../src/render/index.js';
import { everyLane, modelOf } from './render-support.js';

const small = `
persona riya "Riya"
journey coffee "Morning coffee" {
  for riya
  stage order "Order" {
    step app "Orders in the app" {
      action "Opens the app"
      touchpoint app "Order screen"
      emotion 1 "organised"
      barrier slow "The app is slow to start" severity medium
    }
  }
  stage pickup "Pick up" {
    touchpoint store "Counter"
    emotion -1 "rushed"
  }
}
`;

const scripts = `
journey world "\u05DE\u05E1\u05E2 \u05DC\u05E7\u05D5\u05D7 \u00B7 \u987E\u5BA2\u65C5\u7A0B \uD83D\uDE80" {
  stage a "\u05D4\u05EA\u05D7\u05DC\u05D4" {
    step b "\u987E\u5BA2\u6CE8\u518C" {
      action "\u0627\u0644\u0639\u0645\u064A\u0644 \u064A\u0641\u062A\u062D \u0627\u0644\u062A\u0637\u0628\u064A\u0642"
      thought "\u8FD9\u4E2A\u8868\u5355\u592A\u957F\u4E86\uFF0C\u6211\u4E0D\u60F3\u586B\u5199\u8FD9\u4E48\u591A\u4FE1\u606F\uFF0C\u80FD\u4E0D\u80FD\u7B80\u5355\u4E00\u70B9\uFF1F"
      question "\uD83D\uDC69\u200D\uD83D\uDCBB \uD83C\uDDEB\uD83C\uDDF7 \uD83D\uDC4D\uD83C\uDFFD ok?"
      emotion 0
    }
  }
}
`;

describe('renderer snapshots', () => {
    test('a small map', async () => {
        await expect(renderSvg(await modelOf(small), { standalone: true })).toMatchFileSnapshot('__snapshots__/render/small.svg');
    });

    test('a map using every lane', async () => {
        await expect(renderSvg(await modelOf(everyLane), { standalone: true })).toMatchFileSnapshot('__snapshots__/render/every-lane.svg');
    });

    test('right-to-left, CJK and emoji text', async () => {
        await expect(renderSvg(await modelOf(scripts), { standalone: true })).toMatchFileSnapshot('__snapshots__/render/scripts.svg');
    });

    test('a diff view with highlights and fixed colours', async () => {
        const svg = renderSvg(await modelOf(everyLane), {
            colors: 'fixed', personas: ['ana'], hiddenLanes: ['evidence'],
            highlight: { added: ['find/browse/barrier:too-many'], changed: ['find/pay/emotion:ana'], removed: ['use/use/thought#0'] },
        });
        await expect(svg).toMatchFileSnapshot('__snapshots__/render/highlight.svg');
    });
});
