// Types for install.mjs (plain JavaScript so that `npm start` runs on Node without a build step).
export declare const NODE_VERSION: string;
export declare const CODE_SERVER_VERSION: string;
export declare const APT_PACKAGES: string[];
export interface InstallPaths {
    root: string;
    nodeHome: string;
    node: string;
    entry: string;
    complete: string;
    log: string;
}
export declare function cacheDir(): string;
export declare function installPaths(root?: string): InstallPaths;
export declare function isInstalled(root?: string): boolean;
export declare function ensureCodeServer(log?: (message: string) => void): Promise<InstallPaths>;
