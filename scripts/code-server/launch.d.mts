// Types for launch.mjs (plain JavaScript so that `npm start` runs on Node without a build step).
import type { InstallPaths } from './install.mjs';
export declare const quietSettings: Record<string, unknown>;
export declare function installExtension(extensionsDir: string, root: string): string;
export declare function freePort(): Promise<number>;
export interface CodeServer {
    url: string;
    port: number;
    pid: number;
    logFile: string;
    extensionsDir: string;
    userDir: string;
    exit: Promise<{ code: number | null; signal: string | null }>;
    stop(): Promise<void>;
}
export declare function startCodeServer(options: {
    paths: Pick<InstallPaths, 'node' | 'entry'>;
    workspace: string;
    dataDir: string;
    port?: number;
    settings?: Record<string, unknown>;
    echo?: boolean;
    timeoutMs?: number;
}): Promise<CodeServer>;
