/** examples/terraform: the Lambda and Batch files show their deliberate mistakes and nothing else, read as one module. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { lint, prepare, toIndexed, type PreparedDocument } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const DIR = join(__dirname, '../../../examples/terraform');
const FOLDER = 'file:///examples/terraform/';

function module(): { index: WorkspaceIndex; docs: Map<string, PreparedDocument> } {
  const index = new WorkspaceIndex();
  const docs = new Map<string, PreparedDocument>();
  for (const name of readdirSync(DIR).filter((n) => /\.(tf|tfvars)$/.test(n))) {
    const doc = prepare({ uri: FOLDER + name, text: readFileSync(join(DIR, name), 'utf8') });
    docs.set(name, doc);
    const indexed = toIndexed(doc);
    if (indexed) index.set(indexed);
  }
  return { index, docs };
}

describe('examples/terraform (Lambda and Batch)', () => {
  const findings = (name: string) => {
    const { index, docs } = module();
    return lint(docs.get(name)!, { workspace: index }).map((f) => ({ ruleId: f.ruleId, related: f.related.map((r) => r.uri?.slice(FOLDER.length)) }));
  };

  it('lambda.tf: a deprecated runtime, memory over the maximum, and a timeout over it set in lambda.auto.tfvars', () => {
    assert.deepEqual(findings('lambda.tf'), [
      { ruleId: 'lambda/no-deprecated-runtime', related: [] },
      { ruleId: 'lambda/valid-memory-size', related: [] },
      { ruleId: 'lambda/valid-timeout', related: ['lambda.auto.tfvars'] },
    ]);
    assert.deepEqual(findings('lambda.auto.tfvars'), []);
  });

  it('worker.tf: the queue hides a message for less than the function may run', () => {
    assert.deepEqual(findings('worker.tf'), [{ ruleId: 'lambda/valid-sqs-visibility-timeout', related: [undefined, undefined] }]);
  });

  it('batch.tf: a memory size Fargate does not offer with 0.25 vCPU', () => {
    assert.deepEqual(findings('batch.tf'), [{ ruleId: 'batch/fargate-valid-vcpu-memory', related: [] }]);
  });
});
