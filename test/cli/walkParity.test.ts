/**
 * The language server's index and `berth lint` read the same files of a folder (io/walk.ts): the same candidate
 * names, the same skipped folders, excludes and symbolic links, and the same size rule (limits.maxFileSize).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { lintWorkspace } from '../../server/src/cli/lint';
import { excluder } from '../../server/src/io/exclude';
import { scanFolder } from '../../server/src/io/scan';

const TASK = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }] });
const root = mkdtempSync(join(tmpdir(), 'berth-walk-'));
after(() => rmSync(root, { recursive: true, force: true }));

const write = (relative: string, text = TASK) => {
  mkdirSync(dirname(join(root, relative)), { recursive: true });
  writeFileSync(join(root, relative), text);
};

/** Sources, in the order both walks take them (depth-first, by name). */
const SOURCES = [
  '.berthrc.yaml',
  '50%off.json',
  'Dockerfile',
  'cdk.out/App.template.json',
  'cdk.out/manifest.json',
  'infra/main.tf',
  'linked/service.yaml', // the folder link is reached first (by name); sub/service.yaml is the same file
  'packages/@acme/web/task.json',
];

write('.berthrc.yaml', 'exclude: ["legacy/", "*.generated.json"]\nlimits:\n  maxFileSize: 1000\n');
write('50%off.json');
write('Dockerfile', 'FROM nginx:1.27\n');
write('cdk.out/App.template.json', '{ "Resources": {} }');
write('cdk.out/manifest.json', '{ "version": "36.0.0", "artifacts": {} }');
write(`cdk.out/asset.${'a'.repeat(64)}/Dockerfile`, 'FROM nginx:1.27\n'); // the synth's copy of a source
write('infra/main.tf', 'resource "aws_ecs_cluster" "main" {\n  name = "main"\n}\n');
write('sub/service.yaml', 'serviceName: web\n');
symlinkSync('sub', join(root, 'linked'));
symlinkSync('..', join(root, 'sub', 'up')); // a loop
write('packages/@acme/web/task.json');
// Not sources: version control, installed dependencies, build output and tool caches.
for (const folder of ['.git', '.hg', '.svn', 'node_modules/pkg', 'dist', 'out', '.aws-sam/build', '.serverless', '.terraform/modules/vpc']) write(`${folder}/task.json`);
write('.terraform/modules/vpc/main.tf', 'variable "x" {}\n');
// Excluded by .berthrc.yaml; not candidates by name.
write('legacy/task.json');
write('task.generated.json');
write('README.md', '# notes\n');
write('notes.txt', 'notes\n');

async function indexedByServer(maxFileSize = 1000): Promise<string[]> {
  const uris: string[] = [];
  const options = { maxFiles: 1000, maxFileSize: () => maxFileSize, isExcluded: excluder(root, ['legacy/', '*.generated.json']), log: () => undefined };
  for await (const file of scanFolder(root, options)) uris.push(file.uri);
  return uris;
}

function listedByCli(): string[] {
  const linted = lintWorkspace({ cwd: root });
  assert.ok(linted.ok);
  return linted.collected.targets.map((t) => pathToFileURL(t.absolute).href);
}

describe('one walk of a workspace: the language server and berth lint', () => {
  it('read the same files: build output, tool caches, excluded files and other names left out, links followed once', async () => {
    const expected = SOURCES.map((file) => pathToFileURL(join(root, file)).href);
    assert.deepEqual(listedByCli(), expected);
    assert.deepEqual(await indexedByServer(), expected);
  });

  it('a folder that is skipped inside a walk is walked when it is the folder named (berth lint dist)', () => {
    const linted = lintWorkspace({ cwd: root, patterns: ['dist', 'cdk.out'] });
    assert.ok(linted.ok);
    assert.deepEqual(linted.collected.targets.map((t) => t.display), ['dist/task.json', 'cdk.out/App.template.json', 'cdk.out/manifest.json']);
  });

  it('one size rule: a file over limits.maxFileSize is not analysed by either (berth lint says so; the index skips it)', async () => {
    write('big.json', `{ "family": "big", "containerDefinitions": [], "padding": "${'x'.repeat(4000)}" }`);
    try {
      const bigUri = pathToFileURL(join(root, 'big.json')).href;
      assert.ok(listedByCli().includes(bigUri));
      assert.ok(!(await indexedByServer()).includes(bigUri));
      const linted = lintWorkspace({ cwd: root, patterns: ['big.json'] });
      assert.ok(linted.ok);
      const run = await linted.lint();
      assert.match(run.findings[0]!.message, /over the .* that Berth analyses \(limits\.maxFileSize\); it was not checked/);
      assert.ok((await indexedByServer(5000)).includes(bigUri), 'under a larger limit it is read');
    } finally {
      rmSync(join(root, 'big.json'));
    }
  });
});
