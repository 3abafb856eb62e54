import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from './command.js';
import { parseCommandArgs } from './command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { displayPath } from './workspace.js';
import { defaultTemplateId, findTemplate, templates } from '../templates/index.js';

const templateList = templates.map(t => `  ${t.id.padEnd(18)} ${t.label}`).join('\n');

export const newCommand: Command = {
    name: 'new',
    summary: 'start a map from a template',
    help: `Usage: journey new NAME [--template ID]

Writes NAME.journey, a starter map whose journey is titled NAME. NAME may include a folder
(maps/onboarding); an existing file is never overwritten.

Options:
  --template ID   the kind of map (default: ${defaultTemplateId}):
${templateList.replace(/^/gm, '  ')}
  -h, --help      show this help

Exit codes: 0 written; 2 usage or I/O problem (unknown template, the file exists, cannot write).
`,
    async run(args, io) {
        const { values, positionals } = parseCommandArgs('new', args, { template: { type: 'string', short: 't' } });
        if (positionals.length !== 1 || positionals[0].trim() === '') {
            throw new UsageError("journey new: give the map's name, e.g. journey new onboarding. See 'journey new --help'.");
        }
        const templateId = values.template ?? defaultTemplateId;
        const template = findTemplate(templateId);
        if (!template) {
            throw new UsageError(`journey new: unknown template '${templateId}'; use one of ${templates.map(t => t.id).join(', ')}.`);
        }
        const name = positionals[0];
        const file = name.endsWith('.journey') ? name : `${name}.journey`;
        const title = path.basename(file).slice(0, -'.journey'.length);
        // `maps/`, `.` or `.journey` name no map: they would make a hidden file, which lint skips.
        if (/[\\/]$/.test(name) || title.trim() === '' || title.startsWith('.')) {
            throw new UsageError(`journey new: '${name}' names no map; give a name such as onboarding or maps/onboarding.`);
        }
        try {
            // 'wx' fails if the file exists: nothing is ever overwritten, even in a race.
            fs.writeFileSync(file, template.text(title), { flag: 'wx' });
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') throw new UsageError(`journey new: ${file} already exists; not overwritten.`);
            if (code === 'ENOENT') throw new UsageError(`journey new: no such folder: ${path.dirname(file)}`);
            throw new UsageError(`journey new: cannot write ${file}: ${(err as Error).message}`);
        }
        io.stderr(`Wrote ${displayPath(path.resolve(file))} (${template.label}).\n`);
        return ExitCode.Ok;
    },
};
