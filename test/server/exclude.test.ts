/**
 * The language server honours exclude patterns as the shared table says, from .berthrc.yaml and from the
 * `berth.exclude` setting alike (`berth lint` is held to the same table: test/cli/exclude.test.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { EXCLUDE_CASES, TASK_RULE, TASK_WITH_ERROR, writeCase } from '../helpers/excludeCases';
import { startClient, type TestClient } from '../helpers/lspClient';

const root = mkdtempSync(join(tmpdir(), 'berth-exclude-server-'));
const withConfig = EXCLUDE_CASES.map((_, i) => join(root, `config-${i}`));
const withSetting = EXCLUDE_CASES.map((_, i) => join(root, `setting-${i}`));
EXCLUDE_CASES.forEach((c, i) => {
  writeCase(withConfig[i]!, c);
  writeCase(withSetting[i]!, c, false);
});
after(() => rmSync(root, { recursive: true, force: true }));

/** The files of a folder that get a finding of the task rule (pulled, so the answer uses the settings in force). */
async function linted(client: TestClient, folder: string, files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    const uri = pathToFileURL(join(folder, file)).toString();
    await client.open(uri, 'json', TASK_WITH_ERROR);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    if (report.items.some((d) => d.code === TASK_RULE)) out.push(file);
  }
  return out.sort();
}

describe('language server: exclude patterns in .berthrc.yaml', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ pull: true, workspaceFolders: withConfig });
  });
  after(() => client.stop());

  EXCLUDE_CASES.forEach((c, i) => {
    it(`${JSON.stringify(c.patterns)}: reports on exactly the kept files`, async () => {
      assert.deepEqual(await linted(client, withConfig[i]!, [...c.excluded, ...c.kept]), [...c.kept].sort());
    });
  });
});

describe('language server: exclude patterns in the berth.exclude setting', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ pull: true, workspaceFolders: withSetting });
  });
  after(() => client.stop());

  EXCLUDE_CASES.forEach((c, i) => {
    it(`${JSON.stringify(c.patterns)}: reports on exactly the kept files`, async () => {
      // Without workspace/configuration support the server takes the settings from this notification, at once.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { berth: { exclude: c.patterns } } });
      assert.deepEqual(await linted(client, withSetting[i]!, [...c.excluded, ...c.kept]), [...c.kept].sort());
    });
  });
});
