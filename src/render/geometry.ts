/** Sizes of the grid, in pixels. One place so layout and drawing agree. */
export const G = {
    margin: 16,
    gutter: 148,          // the lane-label column
    column: 212,          // one step
    cardMargin: 7,        // between a card and its column edge
    cardPad: 7,           // inside a card
    cardGap: 6,           // between the cards of one lane
    lanePad: 8,           // above and below the cards of a lane
    font: 12,
    line: 15,
    smallFont: 10.5,
    smallLine: 13,
    stageRow: 30,
    stepRow: 50,
    emotionStep: 26,      // pixels per emotion point
    emotionPad: 26,       // room for point labels above +2 and below -2
    maxTextLines: 6,
    /** Bold text (the title, stage labels) is this much wider than the width table's regular text. */
    bold: 1.15,
} as const;

export const cardTextWidth = (extraInset = 0) => G.column - 2 * G.cardMargin - 2 * G.cardPad - extraInset;
