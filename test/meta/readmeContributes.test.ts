/**
 * The README tells a new user about everything the extension contributes: every view, command and setting of
 * package.json is named there (a command by its palette title or its id, a setting by its key), and every
 * snippet by its prefix.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
interface Contributes {
  readonly views: Record<string, readonly { readonly id: string; readonly name: string }[]>;
  readonly commands: readonly { readonly command: string; readonly title: string; readonly shortTitle?: string }[];
  readonly configuration: { readonly properties: Record<string, unknown> };
  readonly snippets: readonly { readonly path: string }[];
  readonly walkthroughs: readonly { readonly title: string }[];
}
const contributes = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;

it('names every contributed view and walkthrough', () => {
  for (const view of Object.values(contributes.views).flat()) assert.ok(readme.includes(view.name), `view ${view.id} (${view.name})`);
  for (const walkthrough of contributes.walkthroughs) assert.ok(readme.includes(walkthrough.title), `walkthrough ${walkthrough.title}`);
});

it('names every contributed command, by its title or its id', () => {
  for (const { command, title, shortTitle } of contributes.commands) {
    assert.ok([command, title, shortTitle].some((name) => name !== undefined && readme.includes(name)), `command ${command} (${title})`);
  }
});

it('names every contributed setting by its key', () => {
  for (const key of Object.keys(contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `setting ${key}`);
});

it('names every snippet by its prefix', () => {
  for (const { path } of contributes.snippets) {
    const snippets = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, { prefix: string | string[] }>;
    for (const { prefix } of Object.values(snippets)) for (const p of [prefix].flat()) assert.ok(readme.includes(`\`${p}\``), `snippet prefix ${p} (${path})`);
  }
});
