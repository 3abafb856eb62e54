import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureDebianPackages, isDebian } from '../scripts/debian-packages.mjs';

describe('Debian packages for the tests and npm start', () => {
    afterEach(() => vi.restoreAllMocks());

    it('does nothing when every package is installed', () => {
        expect(isDebian()).toBe(true);
        const log = vi.fn();
        ensureDebianPackages(['dpkg'], 'Testing', log);
        expect(log).not.toHaveBeenCalled();
    });

    it('names the missing packages and the command to run when it may not install them', () => {
        vi.spyOn(process, 'getuid').mockReturnValue(1000);
        expect(() => ensureDebianPackages(['dpkg', 'journey-maps-no-such-package'], 'Running the browser tests'))
            .toThrow('Running the browser tests needs these Debian packages: journey-maps-no-such-package.\nInstall them first:  sudo apt-get install -y journey-maps-no-such-package');
    });
});
