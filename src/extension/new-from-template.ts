import * as vscode from 'vscode';
import { journeyHeader, templates } from '../templates/index.js';

/** `Journey: New Map from Template`: pick a template, name the map, choose where to save it, open it. */
export async function newMapFromTemplate(): Promise<void> {
    const picked = await vscode.window.showQuickPick(
        templates.map(t => ({ label: t.label, description: t.description, template: t })),
        { title: 'New journey map', placeHolder: 'Choose a template' },
    );
    if (!picked) return;
    const name = await vscode.window.showInputBox({
        title: 'New journey map',
        prompt: 'Name of the journey (its title; the id is made from it)',
        value: 'New journey',
        validateInput: value => (value.trim() ? undefined : 'Give the journey a name'),
    });
    if (!name) return;
    const { id } = journeyHeader(name);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${id}.journey`) } : {}),
        filters: { 'Journey map': ['journey'] },
        title: 'Save the new journey map',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(picked.template.text(name), 'utf8'));
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document);
}
