/**
 * examples/terraform, linted file by file with the folder indexed (as berth lint and the editor do): the issue's
 * headline cases end to end, across the files of the module and the JSON file it reads, and nothing else.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { lint, prepare, toIndexed } from '../../../server/src/core/analyze';
import { applyEdits } from '../../../server/src/core/fix/fixAll';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

const dir = join(__dirname, '../../../examples/terraform');
const uri = (file: string) => `file:///examples/terraform/${file}`;

before(() => loadHclParser());

function lintFolder() {
  const files = readdirSync(dir).filter((f) => /\.(tf|tfvars|json)$/.test(f));
  const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const index = new WorkspaceIndex();
  for (const [file, text] of texts) {
    const indexed = toIndexed(prepare({ uri: uri(file), text }));
    if (indexed) index.set(indexed);
  }
  return new Map([...texts].map(([file, text]) => [file, { text, findings: lint(prepare({ uri: uri(file), text }), { workspace: index }) }]));
}

const line = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

it('each file shows the deliberate mistake that is written in it, and nothing else', () => {
  const result = lintFolder();
  const summary = [...result].flatMap(([file, { text, findings }]) => findings.map((f) => `${file}:${line(text, f.span.start)} ${f.ruleId} ${f.severity}`)).sort();
  assert.deepEqual(summary, [
    'api.tf:15 ecs/fargate-valid-cpu-memory error',
    'api.tf:55 ecs/valid-target-type error',
    'batch.tf:31 batch/fargate-valid-vcpu-memory error',
    'lambda.tf:30 lambda/no-deprecated-runtime warning',
    'lambda.tf:34 lambda/valid-memory-size error',
    'lambda.tf:35 lambda/valid-timeout error',
    'site.tf:29 cfn/no-public-bucket-behind-cloudfront warning',
    'web-containers.json:8 ecs/no-static-host-port-behind-load-balancer warning',
    'worker.tf:6 lambda/valid-sqs-visibility-timeout error',
  ]);
});

it('the fixes are right in HCL and in the JSON file', () => {
  const result = lintFolder();
  const api = result.get('api.tf')!;
  const memory = api.findings.find((f) => f.ruleId === 'ecs/fargate-valid-cpu-memory')!;
  assert.match(memory.message, /the nearest is 2048 MiB/);
  assert.match(applyEdits(api.text, memory.fix!.edits), /\n  memory {19}= 2048 # Deliberate/);
  const web = result.get('web-containers.json')!;
  const hostPort = web.findings[0]!;
  assert.match(hostPort.message, /service shop-web puts it behind a load balancer/);
  assert.deepEqual(hostPort.related.map((r) => r.uri), [uri('web.tf')]);
  assert.deepEqual(JSON.parse(applyEdits(web.text, hostPort.fix!.edits))[0].portMappings, [{ containerPort: 80 }]);
  const target = api.findings.find((f) => f.ruleId === 'ecs/valid-target-type')!;
  assert.match(target.message, /^Target group aws_lb_target_group\.api has no target_type, which means instance;/);
  assert.deepEqual(target.related.map((r) => r.uri), [undefined, uri('alb.tf')]);
  const site = result.get('site.tf')!;
  const publicBucket = site.findings[0]!;
  assert.match(publicBucket.message, /^Origin "site" of aws_cloudfront_distribution\.site serves bucket aws_s3_bucket\.site, which is public \(bucket policy aws_s3_bucket_policy\.site allows Principal "\*" without a condition\)/);
  const fixed = applyEdits(site.text, publicBucket.fix!.edits);
  assert.match(fixed, /\n      Principal = \{ Service = "cloudfront\.amazonaws\.com" \}\n/);
  assert.match(fixed, /\n      Condition = \{\n        StringEquals = \{\n          "AWS:SourceArn" = aws_cloudfront_distribution\.site\.arn\n        \}\n      \}\n/);
  assert.match(fixed, /\n    origin_access_control_id = aws_cloudfront_origin_access_control\.site\.id\n/);
  assert.match(fixed, /\n}\n\nresource "aws_cloudfront_origin_access_control" "site" \{\n  name                              = aws_s3_bucket\.site\.bucket\n/);
});

it('the fixed site is private behind CloudFront: no finding of the S3/CloudFront rules is left', () => {
  const site = lintFolder().get('site.tf')!;
  const fixed = applyEdits(site.text, site.findings[0]!.fix!.edits);
  const findings = lint(prepare({ uri: uri('site.tf'), text: fixed }));
  assert.deepEqual(findings.map((f) => f.ruleId), []);
});
