/** The example templates show the headline rule and nothing else. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { lint, prepare } from '../../../server/src/core/analyze';

const dir = join(__dirname, '../../../examples/cfn');
const findings = (file: string) => lint(prepare({ uri: `file:///examples/cfn/${file}`, text: readFileSync(join(dir, file), 'utf8') })).map((f) => f.ruleId);

it('static-site.yaml: only the public bucket behind CloudFront', () => {
  assert.deepEqual(findings('static-site.yaml'), ['cfn/no-public-bucket-behind-cloudfront']);
});

it('ecs-service-alb.yaml and sam-api.yaml: no findings', () => {
  assert.deepEqual(findings('ecs-service-alb.yaml'), []);
  assert.deepEqual(findings('sam-api.yaml'), []);
});
