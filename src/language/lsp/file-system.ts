import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { withoutBom } from '../bom.js';

/**
 * Files read from disk (imports, the workspace folder) without their UTF-8 byte order mark.
 * Editors hide the BOM, so they count columns without it: with it, a declaration on the first
 * line of a file that is not open was one column off, and a rename edited the wrong characters.
 */
export class BomlessFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return withoutBom(await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return withoutBom(super.readFileSync(uri));
    }
}

export const BomlessFileSystem = { fileSystemProvider: () => new BomlessFileSystemProvider() };
