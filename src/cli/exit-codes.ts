export enum ExitCode {
    /** Nothing wrong (for lint: no error; for diff --exit-code: no change). */
    Ok = 0,
    /** The maps have errors, or (diff --exit-code, fmt --check) something to report. */
    Findings = 1,
    /** A usage or I/O problem: bad flags, a missing path, an unreadable file. */
    UsageOrIo = 2,
}

/** A problem with the command line or the files it names; the CLI prints it and exits with 2. */
export class UsageError extends Error {}
