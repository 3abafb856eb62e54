// Global setup of both test projects: the browser and end-to-end tests drive Debian's Chromium.
// On a fresh Debian machine `npm test` installs it when run as root (as `.ci/run` does); otherwise
// the first browser test fails with the command to run. The tests never skip for want of it.
import * as fs from 'node:fs';
import { ensureDebianPackages, isDebian } from '../../scripts/debian-packages.mjs';
import { chromiumPath } from './chromium.js';

export default function setup(): void {
    if (fs.existsSync(chromiumPath) || process.env.CHROMIUM_PATH !== undefined || !isDebian()) return;
    // DejaVu: the fonts of screenshots and of PNG exports.
    ensureDebianPackages(['chromium', 'fonts-dejavu-core'], 'Running the browser tests', message => console.log(`[browser] ${message}`));
}
