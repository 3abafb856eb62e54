// Where e2e artifacts go and which scratch files the global setup adds to the workspace.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots, console logs and the code-server log of failed tests (gitignored). */
export const artifactsDir = path.join(repoRoot, 'test-results', 'e2e');
/** Each test that edits gets a file of its own, so that edits never meet (name -> copied from). */
export const scratchFiles: Record<string, string> = {
    'diagnostics.journey': 'examples/phone-switch.journey',
    'completion.journey': 'examples/phone-switch.journey',
    'preview.journey': 'examples/phone-switch.journey',
};
