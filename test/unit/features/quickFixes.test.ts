/**
 * The catalogue of Berth's quick fixes: for each one, lint a small input, apply the fix the finding offers,
 * and lint again. The fixed finding must be gone and the text must still parse as the same kind.
 * Also checks that applying every fix at once (the "Fix all Berth problems in this file" source action's
 * strategy: non-overlapping fixes from the end of the file) gives a parseable file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, prepare, toIndexed } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/rules/types';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { applyEdits, fixAllEdits } from '../../../server/src/core/fix/fixAll';

const NOW = new Date('2026-11-23T00:00:00Z');

interface FixCase {
  readonly name: string;
  readonly filename: string;
  readonly text: string;
  readonly ruleId: string;
  readonly title: RegExp;
}

const task = (body: string) => `{
  "family": "web",${body}
}`;

const site = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Sid: PublicRead
            Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: !GetAtt SiteBucket.RegionalDomainName
            S3OriginConfig: {}
`;

/** A bucket served through a legacy origin access identity (OAI), its policy granting the OAI by a Sub principal. */
const oaiSite = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Sid: AllowOai
            Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity \${Oai}'
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
  Oai:
    Type: AWS::CloudFront::CloudFrontOriginAccessIdentity
    Properties:
      CloudFrontOriginAccessIdentityConfig:
        Comment: site
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: site
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        Origins:
          - Id: site
            DomainName: !GetAtt SiteBucket.RegionalDomainName
            S3OriginConfig:
              OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/\${Oai}'
`;

const ecsBehindAlb = (networkMode: string, mapping: string, targetGroup: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
${networkMode}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
          PortMappings: [${mapping}]
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
${targetGroup}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - TargetGroupArn: !Ref TargetGroup
          ContainerName: app
          ContainerPort: 80
`;

const lambdaFn = (extra: string, runtime = 'python3.12') =>
  `{"FunctionName": "f", "Runtime": "${runtime}", "Handler": "app.handler", "Role": "arn:aws:iam::123456789012:role/r", "Code": {"ZipFile": "x"}${extra}}`;

const batchJob = (container: string, extra = '') =>
  `{"jobDefinitionName": "j", "type": "container"${extra}, "containerProperties": {"image": "public.ecr.aws/docker/library/alpine:3.20"${container}}}`;
const batchResources = ', "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]';

const CASES: readonly FixCase[] = [
  {
    name: 'dynamic port mapping: remove a static hostPort in bridge mode',
    filename: 'task.json',
    text: task(`
  "networkMode": "bridge",
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]`),
    ruleId: 'ecs/no-static-host-port-behind-load-balancer',
    title: /^Remove hostPort \(dynamic port mapping\)$/,
  },
  {
    name: 'the nearest valid Fargate size',
    filename: 'task.json',
    text: task(`
  "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "4096",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]`),
    ruleId: 'ecs/fargate-valid-cpu-memory',
    title: /^Set memory to 2048 MiB$/,
  },
  {
    name: 'strip describe-only keys',
    filename: 'task.json',
    text: task(`
  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }],
  "revision": 3`),
    ruleId: 'ecs/no-describe-output-keys',
    title: /describe-only keys/,
  },
  {
    name: 'the successor runtime',
    filename: 'function.json',
    text: lambdaFn('', 'python3.9'),
    ruleId: 'lambda/no-deprecated-runtime',
    title: /^Use runtime python3\.14$/,
  },
  {
    name: 'add OAC (and make the bucket private)',
    filename: 'template.yaml',
    text: site,
    ruleId: 'cfn/no-public-bucket-behind-cloudfront',
    title: /origin access control/,
  },
  {
    name: 'migrate an origin from its legacy OAI to a new origin access control (OAC)',
    filename: 'template.yaml',
    text: oaiSite,
    ruleId: 'cfn/prefer-origin-access-control',
    title: /^Migrate origin "site" to a new origin access control \(the OAI grant stays: remove it in a later deploy\)$/,
  },
  {
    name: 'convert legacy Batch vcpus/memory to resourceRequirements',
    filename: 'job.json',
    text: batchJob(', "vcpus": 2, "memory": 4096, "command": ["run"]'),
    ruleId: 'batch/no-legacy-vcpus-memory',
    title: /^Move vcpus and memory to resourceRequirements$/,
  },
  {
    name: 'add essential',
    filename: 'task.json',
    text: task(`
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256, "essential": false }]`),
    ruleId: 'ecs/require-essential-container',
    title: /^Make container app essential$/,
  },
  {
    name: 'networkMode awsvpc for Fargate',
    filename: 'task.json',
    text: task(`
  "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge", "cpu": "256", "memory": "512",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]`),
    ruleId: 'ecs/require-awsvpc-for-fargate',
    title: /^Set networkMode to awsvpc$/,
  },
  {
    name: 'move a secret to secrets with a placeholder valueFrom',
    filename: 'task.json',
    text: task(`
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256,
    "environment": [{ "name": "DB_PASSWORD", "value": "hunter2hunter2" }, { "name": "LOG_LEVEL", "value": "info" }] }]`),
    ruleId: 'ecs/no-plaintext-secrets',
    title: /^Move DB_PASSWORD to secrets/,
  },
  {
    name: 'hostPort equal to containerPort in awsvpc mode',
    filename: 'task.json',
    text: task(`
  "networkMode": "awsvpc",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]`),
    ruleId: 'ecs/valid-host-port-for-network-mode',
    title: /^Set hostPort to 80$/,
  },
  {
    name: 'target type ip for awsvpc tasks',
    filename: 'template.yaml',
    text: ecsBehindAlb('      NetworkMode: awsvpc\n', '{ ContainerPort: 80 }', '      TargetType: instance'),
    ruleId: 'ecs/valid-target-type',
    title: /^Set TargetType to ip$/,
  },
  {
    name: 'health check on the traffic port with dynamic host ports',
    filename: 'template.yaml',
    text: ecsBehindAlb('', '{ ContainerPort: 80, HostPort: 0 }', '      HealthCheckPort: "80"'),
    ruleId: 'ecs/require-traffic-port-health-check',
    title: /^Set HealthCheckPort to traffic-port$/,
  },
  {
    name: 'Lambda memory within bounds',
    filename: 'function.json',
    text: lambdaFn(', "MemorySize": 64'),
    ruleId: 'lambda/valid-memory-size',
    title: /^Set MemorySize to 128$/,
  },
  {
    name: 'Lambda ephemeral storage within bounds',
    filename: 'function.json',
    text: lambdaFn(', "EphemeralStorage": {"Size": 100}'),
    ruleId: 'lambda/valid-ephemeral-storage',
    title: /^Set Size to 512$/,
  },
  {
    name: 'Batch Fargate memory for the vCPU',
    filename: 'job.json',
    text: batchJob(', "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "1000"}], "executionRoleArn": "arn:aws:iam::123456789012:role/x", "networkConfiguration": {"assignPublicIp": "ENABLED"}', ', "platformCapabilities": ["FARGATE"]'),
    ruleId: 'batch/fargate-valid-vcpu-memory',
    title: /^Set MEMORY to 2048$/,
  },
  {
    name: 'Batch retry attempts within 1–10',
    filename: 'job.json',
    text: batchJob(batchResources, ', "retryStrategy": {"attempts": 20}'),
    ruleId: 'batch/valid-retry-attempts',
    title: /^Set attempts to 10$/,
  },
  {
    name: 'Batch attempt duration at least 60 s',
    filename: 'job.json',
    text: batchJob(batchResources, ', "timeout": {"attemptDurationSeconds": 30}'),
    ruleId: 'batch/valid-attempt-duration',
    title: /^Set attemptDurationSeconds to 60$/,
  },
  {
    name: 'Batch container not privileged',
    filename: 'job.json',
    text: batchJob(`${batchResources}, "privileged": true`),
    ruleId: 'batch/no-privileged-container',
    title: /^Set privileged to false$/,
  },
  {
    name: 'Dockerfile: COPY instead of ADD',
    filename: 'Dockerfile',
    text: 'FROM alpine:3.20\nADD app.py /app/app.py\n',
    ruleId: 'dockerfile/prefer-copy',
    title: /^Replace ADD with COPY$/,
  },
  {
    name: 'Dockerfile: LABEL instead of MAINTAINER',
    filename: 'Dockerfile',
    text: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
    ruleId: 'dockerfile/no-maintainer',
    title: /^Replace MAINTAINER with a LABEL$/,
  },
  {
    name: 'Dockerfile: apt-get install -y',
    filename: 'Dockerfile',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    ruleId: 'dockerfile/require-apt-get-yes',
    title: /^Add -y$/,
  },
  {
    name: 'Dockerfile: pip --no-cache-dir',
    filename: 'Dockerfile',
    text: 'FROM python:3.12-slim\nRUN pip install requests==2.32.3\n',
    ruleId: 'dockerfile/prefer-pip-no-cache-dir',
    title: /^Add --no-cache-dir$/,
  },
  {
    name: 'Dockerfile: apk --no-cache',
    filename: 'Dockerfile',
    text: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r0\n',
    ruleId: 'dockerfile/prefer-apk-no-cache',
    title: /^Add --no-cache$/,
  },
  {
    name: 'Dockerfile: exec-form CMD',
    filename: 'Dockerfile',
    text: 'FROM node:22-alpine\nCMD node server.js\n',
    ruleId: 'dockerfile/prefer-exec-form',
    title: /^Convert CMD to the JSON form$/,
  },
  {
    name: 'Dockerfile: apt-get instead of apt',
    filename: 'Dockerfile',
    text: 'FROM debian:12\nRUN apt update\n',
    ruleId: 'dockerfile/no-apt',
    title: /^Use apt-get$/,
  },
];

function lintText(filename: string, text: string): { findings: Finding[]; problems: number; kind: string | undefined } {
  const uri = `file:///w/${filename}`;
  const doc = prepare({ uri, text });
  const workspace = new WorkspaceIndex();
  const indexed = toIndexed(doc);
  if (indexed) workspace.set(indexed);
  const findings = lint(doc, { now: NOW, workspace });
  const crashed = findings.find((f) => f.internalError);
  assert.equal(crashed, undefined, `a rule crashed: ${crashed?.internalError}`);
  return { findings, problems: doc.problems.length, kind: doc.kind };
}

describe('quick fix catalogue: apply, re-lint, the finding is gone', () => {
  it('has at least 12 fixes', () => assert.ok(CASES.length >= 12));

  for (const c of CASES) {
    it(`${c.ruleId}: ${c.name}`, () => {
      const before = lintText(c.filename, c.text);
      assert.equal(before.problems, 0, 'the input parses');
      const target = before.findings.find((f) => f.ruleId === c.ruleId && f.fix && c.title.test(f.fix.title));
      assert.ok(target, `expected a ${c.ruleId} finding with a fix titled ${c.title}; got ${JSON.stringify(before.findings.map((f) => [f.ruleId, f.fix?.title]))}`);
      const fixed = applyEdits(c.text, target.fix!.edits);
      assert.notEqual(fixed, c.text, 'the fix changes the text');
      const after = lintText(c.filename, fixed);
      assert.equal(after.problems, 0, `the fixed text parses:\n${fixed}`);
      assert.equal(after.kind, before.kind, 'still the same kind');
      const still = after.findings.filter((f) => f.ruleId === c.ruleId && f.message === target.message);
      assert.deepEqual(still.map((f) => f.message), [], `the finding is gone after the fix:\n${fixed}`);
    });
  }
});

describe('OAI → OAC migration', () => {
  it('leaves a template with no findings at all: the new grant is scoped to distributions of the account, the OAC and DependsOn are valid', () => {
    const before = lintText('template.yaml', oaiSite);
    assert.deepEqual(before.findings.map((f) => f.ruleId), ['cfn/prefer-origin-access-control'], 'only the legacy OAI is reported');
    const fixed = applyEdits(oaiSite, before.findings[0]!.fix!.edits);
    assert.deepEqual(lintText('template.yaml', fixed).findings.map((f) => `${f.ruleId}: ${f.message}`), [], fixed);
    assert.match(fixed, /OriginAccessControlId: !GetAtt SiteBucketOriginAccessControl\.Id/);
    assert.match(fixed, /AWS: !Sub 'arn:aws:iam::cloudfront:user\/CloudFront Origin Access Identity \$\{Oai\}'/, 'the OAI grant stays for this deploy');
  });
});

describe('fix all: every non-overlapping fix at once', () => {
  it('a task definition with several fixable problems comes out parseable with those problems gone', () => {
    const text = task(`
  "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge", "cpu": "256", "memory": "4096",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "essential": false,
    "environment": [{ "name": "API_TOKEN", "value": "s3cr3t-v4lue" }] }]`);
    const before = lintText('task.json', text);
    const fixable = before.findings.filter((f) => f.fix).map((f) => f.ruleId).sort();
    assert.deepEqual(fixable, ['ecs/fargate-valid-cpu-memory', 'ecs/no-plaintext-secrets', 'ecs/require-awsvpc-for-fargate', 'ecs/require-essential-container']);
    const fixed = applyEdits(text, fixAllEdits(before.findings));
    const after = lintText('task.json', fixed);
    assert.equal(after.problems, 0, fixed);
    assert.deepEqual(after.findings.filter((f) => fixable.includes(f.ruleId)).map((f) => f.ruleId), [], fixed);
  });

  it('a Dockerfile with several fixable problems', () => {
    const text = 'FROM python:3.12-slim\nMAINTAINER Jane <jane@example.com>\nADD app.py /app/app.py\nRUN pip install requests==2.32.3\nCMD python /app/app.py\n';
    const before = lintText('Dockerfile', text);
    const fixed = applyEdits(text, fixAllEdits(before.findings));
    assert.equal(
      fixed,
      'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\nCOPY app.py /app/app.py\nRUN pip install --no-cache-dir requests==2.32.3\nCMD ["python", "/app/app.py"]\n',
    );
    assert.deepEqual(lintText('Dockerfile', fixed).findings.filter((f) => f.fix).map((f) => f.ruleId), []);
  });
});
