import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt } from './build-support.js';
import { tempFolder } from './cli-lint-support.js';
import { fileUri, startServer, type ServerSession } from './server-support.js';

// A step with no emotion (missing-emotion@5) and a barrier nothing fixes (unaddressed-barrier@7).
const map = `persona p
journey j {
  for p
  stage s {
    step a {
      touchpoint web "Home"
      barrier b "Slow"
    }
  }
}
`;

const broken = '{\n  "rules": {\n    "missing-emotion": "off",\n  }\n}\n';

describe('the language server and a broken journey.config.json', () => {
    let server: ServerSession;
    let dir: string;
    let configUri: string;
    let mapUri: string;
    const messages: string[] = [];

    beforeAll(async () => {
        ensureBuilt('out/language-server.cjs');
        dir = tempFolder({ 'journey.config.json': broken, 'map.journey': map });
        configUri = fileUri(path.join(dir, 'journey.config.json'));
        mapUri = fileUri(path.join(dir, 'map.journey'));
        server = await startServer(dir);
        server.connection.onNotification('window/showMessage', (params: { message: string }) => { messages.push(params.message); });
    }, 120_000);

    afterAll(async () => {
        if (server && server.process.exitCode === null) await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reports the config file once, where its JSON breaks, and checks the map with the defaults', async () => {
        server.open(mapUri, map);
        const config = await server.diagnosticsFor(configUri, p => p.diagnostics.length > 0);
        expect(config.diagnostics).toHaveLength(1);
        expect(config.diagnostics[0].code).toBe('config-error');
        expect(config.diagnostics[0].range.start).toEqual({ line: 3, character: 2 });
        expect(config.diagnostics[0].message).toMatch(/invalid JSON/);
        const { diagnostics } = await server.diagnosticsFor(mapUri, p => p.diagnostics.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('missing-emotion');
        expect(diagnostics.map(d => d.code)).not.toContain('config-error');
        await expect.poll(() => messages.join('\n')).toMatch(/journey\.config\.json: invalid JSON/);
        expect(server.process.exitCode).toBeNull();
    });

    it('clears the report and applies the config once the file is fixed', async () => {
        fs.writeFileSync(path.join(dir, 'journey.config.json'), '{ "rules": { "missing-emotion": "off" } }\n');
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
        await server.diagnosticsFor(configUri, p => p.diagnostics.length === 0);
        const { diagnostics } = await server.diagnosticsFor(mapUri, p => p.diagnostics.length > 0 && !p.diagnostics.some(d => d.code === 'missing-emotion'));
        expect(diagnostics.map(d => d.code)).toEqual(['unaddressed-barrier']);
    });
});
