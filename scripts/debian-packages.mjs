// Debian packages the tests and `npm start` need (Chromium, code-server's build tools): checked
// with dpkg, installed with apt-get when running as root, else named with the command to run.
import { spawnSync } from 'node:child_process';

/** False when this is not a Debian-like system (no dpkg): the caller says what is needed instead. */
export function isDebian() {
    return spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure the packages are installed. `purpose` completes "... needs these Debian packages".
 * Throws with the command to run when some are missing and this process is not root.
 */
export function ensureDebianPackages(packages, purpose, log = console.log) {
    const missing = packages.filter(name => {
        const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
        return r.status !== 0 || !r.stdout.includes('install ok installed');
    });
    if (missing.length === 0) return;
    const command = `apt-get install -y ${missing.join(' ')}`;
    if (process.getuid?.() !== 0) {
        throw new Error(`${purpose} needs these Debian packages: ${missing.join(', ')}.\nInstall them first:  sudo ${command}`);
    }
    log(`Installing Debian packages for ${purpose}: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
    if (r.status !== 0) {
        // A fresh machine has no package lists yet.
        spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
        r = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
    }
    if (r.status !== 0) throw new Error(`"${command}" failed.`);
}
