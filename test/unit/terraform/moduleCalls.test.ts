/**
 * Local modules (terraform/moduleCalls.ts): the values module blocks pass become the called folder's variables where
 * Berth can know them; the index re-checks a called folder when a calling one changes; deep chains, cycles and call
 * graphs where every folder calls every other end quickly with the values unknown (never a finding).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, prepare, toIndexed } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const FOLDER = 'file:///ws/infra/';
const NOW = new Date('2026-12-01T00:00:00Z');

const FUNCTION = 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  role          = "arn:aws:iam::123456789012:role/fn"\n  runtime       = "python3.12"\n  handler       = "app.handler"\n  memory_size   = var.memory\n}\n\nvariable "memory" {}\n';

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.set(toIndexed(prepare({ uri: FOLDER + name, text }))!);
  return index;
}

function memoryFindings(files: Record<string, string>, name: string): string[] {
  const index = indexOf(files);
  const doc = prepare({ uri: FOLDER + name, text: files[name]! });
  return lint(doc, { workspace: index, now: NOW })
    .filter((f) => f.ruleId === 'lambda/valid-memory-size')
    .map((f) => `${files[name]!.slice(f.span.start, f.span.end)} ← ${f.related.map((r) => `${(r.uri ?? FOLDER + name).slice(FOLDER.length)}:${r.span.start}`).join(', ')}`);
}

describe('Terraform local modules', () => {
  it('a module argument is the called folder\'s variable: the finding at its use, related to the argument', () => {
    const main = 'module "fn" {\n  source = "./modules/fn"\n  memory = 20000\n}\n';
    assert.deepEqual(memoryFindings({ 'main.tf': main, 'modules/fn/main.tf': FUNCTION }, 'modules/fn/main.tf'), [`var.memory ← main.tf:${main.indexOf('20000')}`]);
    // The calling folder reports nothing of the module's: its findings are where the module's resources are written.
    assert.deepEqual(memoryFindings({ 'main.tf': main, 'modules/fn/main.tf': FUNCTION }, 'main.tf'), []);
  });

  it('a chain deeper than Berth follows leaves the value unknown', () => {
    const files: Record<string, string> = { 'main.tf': 'module "m" {\n  source = "./m1"\n  memory = 20000\n}\n' };
    const depth = 12;
    for (let i = 1; i < depth; i++) files[`m${i}/main.tf`] = `variable "memory" {}\n\nmodule "m" {\n  source = "../m${i + 1}"\n  memory = var.memory\n}\n`;
    files[`m${depth}/main.tf`] = FUNCTION;
    assert.deepEqual(memoryFindings(files, `m${depth}/main.tf`), []);
    // Three levels are followed.
    files['m3/main.tf'] = FUNCTION;
    assert.deepEqual(memoryFindings(files, 'm3/main.tf').length, 1);
  });

  it('twenty folders that all call each other: every value unknown', () => {
    const files: Record<string, string> = {};
    const n = 20;
    for (let i = 0; i < n; i++) {
      const calls = Array.from({ length: n }, (_, j) => (j === i ? '' : `module "m${j}" {\n  source = "../f${j}"\n  memory = var.memory\n}\n`)).join('\n');
      files[`f${i}/main.tf`] = `variable "memory" {}\n\n${calls}`;
    }
    files['f0/main.tf'] += FUNCTION.replace('variable "memory" {}\n', '');
    // Each folder's values are worked out once per check, so this ends (20^8 walks otherwise).
    assert.deepEqual(memoryFindings(files, 'f0/main.tf'), []);
  });

  it('the index: a folder\'s files are re-checked when a folder calling it changes', () => {
    const index = indexOf({ 'main.tf': 'module "fn" {\n  source = "./modules/fn"\n  memory = 512\n}\n', 'variables.tf': 'variable "x" {}\n', 'modules/fn/main.tf': FUNCTION });
    assert.deepEqual(index.dependents(`${FOLDER}variables.tf`).sort(), [`${FOLDER}main.tf`, `${FOLDER}modules/fn/main.tf`]);
    assert.deepEqual(index.dependents(`${FOLDER}main.tf`).sort(), [`${FOLDER}modules/fn/main.tf`, `${FOLDER}variables.tf`]);
  });
});
