#!/usr/bin/env node
// Grammar tests for the injection grammars in syntaxes/ (registered in package.json contributes.grammars),
// run with vscode-tmgrammar-test against copies of VS Code's own YAML and JSON grammars (test/grammar/vendor/).
//   cases/*.yaml|json       snapshot tests: each file's tokens must equal its .snap (vscode-tmgrammar-snap)
//   assertions/*.yaml|json  assertion tests: inline `^^^ scope` / `^^^ - scope` lines (vscode-tmgrammar-test)
// One test per file. Prints "N passed, M failed" as its last line and exits non-zero on any failure.
// Usage: node test/grammar/run.mjs [--update]   (--update rewrites the snapshots; review the diff)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const update = process.argv.includes('--update');
const tool = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist');
const hostGrammars = readdirSync(join(root, 'test/grammar/vendor'))
  .filter((f) => f.endsWith('.tmLanguage.json'))
  .sort()
  .flatMap((f) => ['-g', `test/grammar/vendor/${f}`]);
const scopeOf = (file) => (file.endsWith('.json') ? 'source.json' : 'source.yaml');
const listCases = (dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];

let passed = 0;
let failed = 0;

function run(name, cli, args) {
  const result = spawnSync(process.execPath, [join(tool, cli), '--config', 'package.json', ...hostGrammars, ...args], {
    cwd: root,
    encoding: 'utf8',
    // vscode-tmgrammar-test 0.1.3 spins forever on an assertion line with two ` - ` exclusion groups: fail instead of hanging.
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (result.status === 0) {
    passed += 1;
    console.log(`ok ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name} (exit ${result.status ?? result.signal})`);
    process.stdout.write(result.stdout + result.stderr);
  }
}

for (const file of listCases('test/grammar/cases')) {
  if (!update && !existsSync(join(root, `${file}.snap`))) {
    failed += 1;
    console.log(`FAIL ${file}: no snapshot ${file}.snap (run with --update to create it, then review it)`);
    continue;
  }
  run(`snapshot ${file}`, 'snapshot.js', ['-s', scopeOf(file), ...(update ? ['-u'] : []), file]);
}
for (const file of listCases('test/grammar/assertions')) {
  run(`assertions ${file}`, 'unit.js', [file]);
}
if (passed + failed === 0) {
  failed += 1;
  console.log('FAIL no grammar test cases found');
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
