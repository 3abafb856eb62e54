// postinstall: make `node_modules/.bin/langium` (and so `npx langium generate`) work on Node 20
// by pointing it at scripts/langium-cli.mjs, which loads the polyfill before langium-cli.
// Only a symlinked bin is replaced; on platforms with .cmd shims nothing changes.
import * as fs from 'node:fs';
import * as path from 'node:path';

const bin = path.join('node_modules', '.bin', 'langium');
try {
    if (fs.lstatSync(bin).isSymbolicLink()) {
        fs.unlinkSync(bin);
        fs.symlinkSync(path.relative(path.dirname(bin), path.join('scripts', 'langium-cli.mjs')), bin);
    }
} catch (err) {
    if (err.code !== 'ENOENT') console.warn(`journey-maps: could not wrap ${bin}: ${err.message}`);
}
