// Types for debian-packages.mjs (plain JavaScript so that scripts run on Node without a build step).
export declare function isDebian(): boolean;
export declare function ensureDebianPackages(packages: string[], purpose: string, log?: (message: string) => void): void;
