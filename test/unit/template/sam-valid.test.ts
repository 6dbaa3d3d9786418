/**
 * Valid SAM templates (test/fixtures/sam-valid/, written for Berth after the shapes of AWS SAM's translator test
 * inputs): SAM referenceable properties, embedded connectors and the references SAM expands must not be errors.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { lint, prepare } from '../../../server/src/core/analyze';

const dir = join(__dirname, '../../fixtures/sam-valid');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

it('has the fixtures', () => {
  assert.deepEqual(files, ['api-calls-function.yaml', 'embedded-connectors.yaml', 'function-alias.yaml', 'http-api-stage.yaml', 's3-notifications.yaml']);
});

for (const file of files) {
  it(`${file}: no errors`, () => {
    const findings = lint(prepare({ uri: `file:///fixtures/sam-valid/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });
}
