#!/usr/bin/env node
// The `langium` command of langium-cli, with the Node 20 polyfill loaded first (Chevrotain 13
// calls Object.groupBy). `npm install` points node_modules/.bin/langium here (see link-langium-cli.mjs).
import './polyfill.mjs';
import '../node_modules/langium-cli/bin/langium.js';
