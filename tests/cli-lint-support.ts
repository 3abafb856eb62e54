// Shared by the CLI lint tests: temporary folders of maps (and, re-exported, the in-process CLI runner).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export { journey, type CliRun } from './helpers.js';

/** Writes files (relative name -> text) into a new temporary folder and returns its path. */
export function tempFolder(files: Record<string, string | Buffer>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-lint-'));
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return dir;
}

/** A map with no problems at all under the default rules. */
export const cleanMap = `persona ana "Ana"
team ops "Ops"

journey j "J" {
  for ana
  stage s "S" {
    step a "A" {
      touchpoint web "Site"
      emotion 1 "glad"
      barrier slow "Slow" severity low
      opportunity faster "Faster" fixes slow owner ops
    }
  }
}
`;

/** Two warnings: missing-touchpoint (line 6) and missing-emotion (line 9); no errors. */
export const warningMap = `persona ana "Ana"

journey j "J" {
  for ana
  stage s "S" {
    step a "A" {
      emotion 1
    }
    step b "B" {
      touchpoint web
    }
  }
}
`;

/** One error: an unknown persona on line 2, column 7. */
export const errorMap = `journey j "J" {
  for nobody
  stage s "S" {
    step a "A" {
      touchpoint web
      emotion 0
    }
  }
}
`;
