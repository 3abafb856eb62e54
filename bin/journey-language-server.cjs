#!/usr/bin/env node
// Serves LSP on the transport given on the command line: --stdio (default), --node-ipc or --socket=PORT.
if (!process.argv.slice(2).some(arg => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
    process.argv.push('--stdio');
}
require('../out/language-server.cjs');
