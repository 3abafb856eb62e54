/**
 * The echo guard of editor <-> preview sync. A click in the preview moves the editor's
 * selection; that selection change must not come back as "scroll the preview to the cursor",
 * which would jump the picture the user just clicked. The host marks the line it revealed,
 * and the next selection change on that line is treated as the echo (highlight, no scroll).
 */
export class SyncEchoGuard {
    private expected: { line: number; until: number } | undefined;

    constructor(private readonly windowMs = 500, private readonly now: () => number = () => Date.now()) {}

    /** The host is about to move the editor to `line` because of the preview. */
    expectEcho(line: number): void {
        this.expected = { line, until: this.now() + this.windowMs };
    }

    /**
     * True when a selection change on `line` is the echo of the preview's own reveal. A change
     * on another line (showing the editor may first report its old cursor) leaves the echo
     * still expected until the window closes.
     */
    isEcho(line: number): boolean {
        const expected = this.expected;
        if (expected === undefined || this.now() > expected.until) {
            this.expected = undefined;
            return false;
        }
        if (expected.line !== line) return false;
        this.expected = undefined;
        return true;
    }
}
