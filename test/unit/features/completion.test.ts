import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare, toIndexed } from '../../../server/src/core/analyze';
import { completionsAt } from '../../../server/src/core/features/completion';
import type { CompletionEntry } from '../../../server/src/core/features/types';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';

const NOW = new Date('2026-11-23T00:00:00Z');

/** Completion at the `|` in `text` (the bar is removed). */
function complete(filename: string, text: string, workspace?: WorkspaceIndex): CompletionEntry[] {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0);
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  return completionsAt(prepare({ uri: `file:///w/${filename}`, text: clean }), offset, { now: NOW, workspace });
}
const labels = (entries: CompletionEntry[]) => [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((e) => e.label);

describe('completion: enum values', () => {
  it('networkMode and requiresCompatibilities values from the schema', () => {
    assert.deepEqual(labels(complete('task.json', '{"family": "x", "networkMode": "|", "containerDefinitions": []}')), ['bridge', 'host', 'awsvpc', 'none']);
    assert.deepEqual(labels(complete('task.json', '{"family": "x", "requiresCompatibilities": ["|"], "containerDefinitions": []}')), ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  });

  it('log drivers, Fargate-supported first when the task is Fargate', () => {
    const text = '{"family": "x", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "x", "logConfiguration": {"logDriver": "|"}}]}';
    const entries = complete('task.json', text);
    assert.deepEqual(labels(entries).slice(0, 3), ['awslogs', 'splunk', 'awsfirelens']);
    assert.equal(entries.find((e) => e.label === 'syslog')?.deprecated, true);
  });

  it('Lambda runtimes: supported first, deprecated ones marked with their successor, blocked ones left out', () => {
    const entries = complete('function.json', '{"FunctionName": "f", "Runtime": "py|", "Handler": "a.b", "Role": "r", "Code": {"ZipFile": "x"}}');
    const order = labels(entries);
    assert.equal(order.filter((l) => l.startsWith('py'))[0], 'python3.14');
    assert.equal(order.filter((l) => l.startsWith('node'))[0], 'nodejs24.x');
    const py39 = entries.find((e) => e.label === 'python3.9')!;
    assert.equal(py39.deprecated, true);
    assert.equal(py39.detail, 'deprecated 2025-12-15; use python3.14');
    assert.ok(order.indexOf('python3.9') > order.indexOf('nodejs22.x'), 'deprecated after supported');
    assert.equal(entries.find((e) => e.label === 'python3.12')?.deprecated, undefined);
    assert.ok(!order.includes('python2.7'), 'fully blocked runtimes are not offered');
    const word = entries[0]!.span;
    assert.deepEqual(word, { start: 34, end: 36 }, 'replaces the typed "py"');
  });

  it('runtimes in a SAM template and serverless.yml', () => {
    const sam = complete('template.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: |\n      Handler: a.b\n');
    assert.equal(labels(sam).filter((l) => l.startsWith('py'))[0], 'python3.14');
    assert.equal(sam.find((e) => e.label === 'python3.9')?.deprecated, true);
    const sls = complete('serverless.yml', 'service: s\nprovider:\n  name: aws\n  runtime: node|\nfunctions:\n  f:\n    handler: h.f\n');
    assert.ok(labels(sls).includes('nodejs22.x'));
  });
});

describe('completion: Fargate sizes', () => {
  it('memory values valid for the cpu already set (JSON)', () => {
    const entries = complete('task.json', '{"family": "x", "cpu": "512", "memory": "|", "containerDefinitions": []}');
    assert.deepEqual(labels(entries), ['1024', '2048', '3072', '4096']);
    assert.equal(entries[0]!.detail, 'Fargate: 1 GB with 0.5 vCPU');
  });

  it('cpu values that allow the memory already set, and memory in a CloudFormation task definition (YAML)', () => {
    assert.deepEqual(labels(complete('task.json', '{"family": "x", "cpu": "|", "memory": "2048", "containerDefinitions": []}')), ['256', '512', '1024']);
    const yaml = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: 256\n      Memory: |\n      ContainerDefinitions: []\n';
    assert.deepEqual(labels(complete('template.yaml', yaml)), ['512', '1024', '2048']);
  });

  it('32 vCPU: its three memory sizes; 60 GB allows 8 and 32 vCPU; Windows is not offered 32 vCPU', () => {
    assert.deepEqual(labels(complete('task.json', '{"family": "x", "cpu": "32768", "memory": "|", "containerDefinitions": []}')), ['61440', '122880', '249856']);
    const cpus = complete('task.json', '{"family": "x", "cpu": "|", "memory": "61440", "containerDefinitions": []}');
    assert.deepEqual(labels(cpus), ['8192', '32768']);
    assert.equal(cpus[1]!.detail, 'Fargate: 32 vCPU with 61440 MiB (Linux only)');
    const windows = '{"family": "x", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "cpu": "|", "memory": "61440", "containerDefinitions": []}';
    assert.deepEqual(labels(complete('task.json', windows)), ['8192']);
  });

  it('no Fargate sizes for a task definition that runs on EC2 or Managed Instances only', () => {
    assert.deepEqual(labels(complete('task.json', '{"family": "x", "requiresCompatibilities": ["MANAGED_INSTANCES"], "cpu": "512", "memory": "|", "containerDefinitions": []}')), []);
    assert.deepEqual(labels(complete('task.json', '{"family": "x", "requiresCompatibilities": ["EC2", "FARGATE"], "cpu": "512", "memory": "|", "containerDefinitions": []}')), ['1024', '2048', '3072', '4096']);
  });
});

describe('completion: container names', () => {
  const task = (ref: string) => `{"family": "x", "containerDefinitions": [
  {"name": "app", "image": "x", ${ref}},
  {"name": "db", "image": "y"},
  {"name": "cache", "image": "z"}
]}`;
  it('dependsOn, links and volumesFrom offer the other containers', () => {
    assert.deepEqual(labels(complete('task.json', task('"dependsOn": [{"containerName": "|", "condition": "START"}]'))), ['db', 'cache']);
    assert.deepEqual(labels(complete('task.json', task('"links": ["|"]'))), ['db', 'cache']);
    assert.deepEqual(labels(complete('task.json', task('"volumesFrom": [{"sourceContainer": "|"}]'))), ['db', 'cache']);
  });

  it("a service's loadBalancers.containerName offers its task definition's containers, from another file", () => {
    const workspace = new WorkspaceIndex();
    const td = prepare({ uri: 'file:///w/task.json', text: '{"family": "web", "containerDefinitions": [{"name": "app", "image": "x"}, {"name": "sidecar", "image": "y"}]}' });
    workspace.set(toIndexed(td)!);
    const service = '{"serviceName": "s", "taskDefinition": "web:3", "loadBalancers": [{"targetGroupArn": "tg", "containerName": "|", "containerPort": 80}]}';
    assert.deepEqual(labels(complete('service.json', service, workspace)), ['app', 'sidecar']);
  });

  it('the same in a template, through !Ref', () => {
    const text = `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - ContainerName: |
          ContainerPort: 80
`;
    assert.deepEqual(labels(complete('template.yaml', text)), ['web']);
  });
});

describe('completion: Ref and GetAtt', () => {
  const template = (line: string) => `Parameters:
  Env:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      ${line}
`;
  it('Ref offers parameters, resources and pseudo parameters', () => {
    const order = labels(complete('template.yaml', template('Role: !Ref |')));
    assert.deepEqual(order.slice(0, 4), ['Env', 'Bucket', 'Queue', 'Fn']);
    assert.ok(order.includes('AWS::Region'));
  });

  it('GetAtt offers resources, then the attributes of the one before the dot', () => {
    assert.ok(labels(complete('template.yaml', template('Role: !GetAtt |'))).includes('Bucket'));
    const attrs = labels(complete('template.yaml', template('Role: !GetAtt Queue.|')));
    assert.ok(attrs.includes('Arn') && attrs.includes('QueueName'), attrs.join(', '));
    const bucket = labels(complete('template.yaml', template('Role: !GetAtt Bucket.Re|')));
    assert.ok(bucket.includes('RegionalDomainName'), bucket.join(', '));
  });

  it('JSON long form', () => {
    const text = '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}, "F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": {"Fn::GetAtt": ["Q", "|"]}}}}}';
    assert.ok(labels(complete('template.json', text)).includes('Arn'));
  });
});

describe('completion: property names (unchanged)', () => {
  it('still offers the missing properties of a task definition', () => {
    const names = labels(complete('task.json', '{\n  "family": "x",\n  "containerDefinitions": [],\n  "|"\n}'));
    assert.ok(names.includes('executionRoleArn') && !names.includes('family'));
  });
});

describe('completion: SAM functions, from the SAM schema', () => {
  const HEAD = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n';

  it('offers SAM property names under Properties, not the Lambda API names SAM rejects', () => {
    for (const text of [`${HEAD}      Handler: app.handler\n      |\n`, `${HEAD}      Handler: app.handler\n      Co|\n      Runtime: python3.13\n`, `${HEAD}      |`]) {
      const names = labels(complete('template.yaml', text));
      for (const sam of ['CodeUri', 'Events', 'Policies', 'AutoPublishAlias', 'InlineCode', 'Tracing', 'KmsKeyArn']) assert.ok(names.includes(sam), `${sam} in ${names.join(', ')}`);
      for (const lambda of ['Publish', 'RevisionId', 'TracingConfig', 'KMSKeyArn', 'DeadLetterConfig', 'Code']) assert.ok(!names.includes(lambda), `${lambda} offered`);
    }
    const names = labels(complete('template.yaml', `${HEAD}      Handler: app.handler\n      |\n`));
    assert.ok(!names.includes('Handler'), 'already written');
  });

  it('completes inside an event: its Type values, then the properties of the shape its Type names', () => {
    const event = `${HEAD}      Handler: app.handler\n      Events:\n        Get:\n`;
    assert.deepEqual(labels(complete('template.yaml', `${event}          |\n`)), ['Type', 'Properties'], 'Type is required in every event shape');
    const types = labels(complete('template.yaml', `${event}          Type: |\n`));
    assert.ok(['Api', 'HttpApi', 'SQS', 'Schedule', 'S3'].every((t) => types.includes(t)), types.join(', '));
    const api = complete('template.yaml', `${event}          Type: Api\n          Properties:\n            Path: /items\n            |\n`);
    assert.deepEqual(labels(api).slice(0, 2), ['Method', 'Auth'], 'required Method first; Path already written');
    assert.equal(api.find((e) => e.label === 'Method')?.detail, 'required');
    assert.ok(!labels(api).includes('Queue'), 'not the SQS shape');
    const sqs = labels(complete('template.yaml', `${event}          Type: SQS\n          Properties:\n            Qu|\n`));
    assert.ok(sqs.includes('Queue') && sqs.includes('BatchSize') && !sqs.includes('Method'), sqs.join(', '));
  });

  it('completes nested Lambda objects (Environment) and pass-through values Lambda defines (Architectures)', () => {
    assert.deepEqual(labels(complete('template.yaml', `${HEAD}      Environment:\n        Va|\n      Handler: app.handler\n`)), ['Variables']);
    assert.deepEqual(labels(complete('template.yaml', `${HEAD}      Architectures:\n        - |\n      Handler: app.handler\n`)), ['x86_64', 'arm64']);
    assert.deepEqual(labels(complete('template.yaml', `${HEAD}      Tracing: |\n      Handler: app.handler\n`)), ['Active', 'PassThrough', 'Disabled']);
  });

  it('Globals.Function offers the properties Globals may set, and runtimes by lifecycle', () => {
    const globals = (lines: string) => `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n${lines}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.b\n`;
    const runtimes = complete('template.yaml', globals('    Runtime: |\n'));
    assert.equal(labels(runtimes).filter((l) => l.startsWith('py'))[0], 'python3.14');
    assert.equal(runtimes.find((e) => e.label === 'python3.9')?.deprecated, true);
    const names = labels(complete('template.yaml', globals('    Runtime: python3.13\n    Ti|\n')));
    assert.ok(names.includes('Timeout') && names.includes('CodeUri') && names.includes('Layers'), names.join(', '));
    assert.ok(!names.includes('Events') && !names.includes('FunctionName') && !names.includes('Runtime'), 'not settable in Globals, or already written');
  });
});
