/** Starts the Debian Chromium for browser tests (playwright-core drives it; no browser download). */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Launches Chromium, or fails with a message that says how to install it (the tests never skip). */
export async function launchChromium(executablePath = chromiumPath): Promise<Browser> {
    if (!fs.existsSync(executablePath)) {
        throw new Error(`Chromium not found at ${executablePath}. Install it (Debian: apt-get install -y chromium) `
            + 'or set CHROMIUM_PATH to its path. The browser tests need a real browser and do not skip.');
    }
    return chromium.launch({ executablePath, args, timeout: 120_000 });
}
