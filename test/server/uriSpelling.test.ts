/**
 * One URI per file in the workspace index: VS Code percent-encodes characters such as `@` and `+` in the URIs it
 * sends (`packages/%40acme/web%2Bapi/`), Node's pathToFileURL does not, and the index must not hold the same file
 * twice (once as scanned, once as opened) nor miss a link between a file it scanned and one the editor opened.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../helpers/lspClient';

const ROOT = path.resolve(__dirname, '../..');
const TASK = readFileSync(path.join(ROOT, 'test/fixtures/crossfile/ecs/task-definition.json'), 'utf8');
const DOCKERFILE = readFileSync(path.join(ROOT, 'test/fixtures/crossfile/ecs/Dockerfile'), 'utf8');

/** A file URI as VS Code writes it: every character but letters, digits, `-._~` and `/` percent-encoded. */
function vscodeUri(file: string): string {
  const encode = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `file://${file.split(path.sep).map(encode).join('/')}`;
}

describe('language server: a file under packages/@acme/web+api, scanned and then opened by VS Code', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'berth-uri-'));
  const app = path.join(folder, 'packages', '@acme', 'web+api');
  let client: TestClient;
  before(async () => {
    mkdirSync(app, { recursive: true });
    // An arm64 image for an X86_64 task: the Dockerfile is linked to the task definition beside it.
    writeFileSync(path.join(app, 'task-definition.json'), TASK);
    writeFileSync(path.join(app, 'Dockerfile'), DOCKERFILE);
    client = await startClient({ workspaceFolder: folder, configuration: () => ({ validation: { debounceMs: 0 } }) });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const linked = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.find((d) => d.code === 'dockerfile/valid-platform-architecture');

  it('is indexed once: the scanned task definition links the opened Dockerfile, and its open text replaces the scanned one', async () => {
    const dockerfile = vscodeUri(path.join(app, 'Dockerfile'));
    assert.match(dockerfile, /\/packages\/%40acme\/web%2Bapi\/Dockerfile$/);
    const indexed = client.nextDiagnostics(dockerfile, (p) => linked(p) !== undefined, 15000);
    await client.open(dockerfile, 'dockerfile', DOCKERFILE);
    const d = linked(await indexed)!;
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 27 } });
    assert.deepEqual(d.relatedInformation?.map((r) => fileURLToPath(r.location.uri)), [path.join(app, 'task-definition.json')]);

    // The task definition opened (VS Code's spelling again) and changed to arm64: the Dockerfile now matches it. Were
    // the scanned copy still indexed under Node's spelling, the Dockerfile would still be linked to the X86_64 one.
    const fixed = client.nextDiagnostics(dockerfile, (p) => linked(p) === undefined, 15000);
    await client.open(vscodeUri(path.join(app, 'task-definition.json')), 'json', TASK.replace('"X86_64"', '"ARM64"'));
    assert.equal(linked(await fixed), undefined);
  });
});
