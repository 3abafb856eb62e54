// Bad input shared by the CLI and server robustness tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

/** Deterministic bytes that are not text: NULs, invalid UTF-8, control characters. */
export function binaryJunk(size = 20_000): Buffer {
    const bytes = Buffer.alloc(size);
    let x = 12345;
    for (let i = 0; i < size; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = x >> 16 & 0xff;
    }
    return bytes;
}

/** A valid map of about `lines` lines: one stage, many small steps. */
export function longMap(lines = 50_000): string {
    const out = ['persona ana "Ana"', '', 'journey long "Long" {', '  for ana', '  stage s "S" {'];
    for (let i = 0; out.length < lines - 2; i++) {
        out.push(`    step st${i} "Step ${i}" {`, `      touchpoint web "Page ${i}"`, '      emotion 1', '    }');
    }
    out.push('  }', '}');
    return out.join('\n') + '\n';
}

export const unbalancedBraces = `persona ana "Ana"
journey j "J" {
  for ana
  stage a "A" {
    step b "B" {
      emotion 1
  stage c "C" {{{
    step d "D" { touchpoint web }
  }}}}}
}
step orphan {
  "unterminated
`;

export const cycleA = 'import "cycle-b.journey"\npersona ana "Ana"\n\njourney a "A" {\n  for ana, ben\n  stage s "S" {\n    touchpoint web\n    emotion 1\n  }\n}\n';
export const cycleB = 'import "cycle-a.journey"\npersona ben "Ben"\n';
export const missingImport = 'import "nowhere/missing.journey"\npersona ana "Ana"\n';
export const folderImport = 'import "a-folder.journey"\npersona ana "Ana"\n';
export const fifoImport = 'import "pipe.journey"\npersona ana "Ana"\n';

/** Makes a named pipe: reading it would block forever, so the tools must never try. */
export function makeFifo(file: string): void {
    execFileSync('mkfifo', [file]);
}

export function makeFolder(file: string): void {
    fs.mkdirSync(file, { recursive: true });
}

export function makeDanglingLink(file: string): void {
    fs.symlinkSync(path.join(path.dirname(file), 'no-such-target.journey'), file);
}
