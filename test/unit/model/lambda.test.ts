import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import type { LambdaFunction } from '../../../server/src/core/model/lambda';
import { valueOf } from '../../../server/src/core/model/located';

function functionsOf(text: string, filename: string): { fns: readonly LambdaFunction[]; text: string } {
  const doc = prepare({ uri: `file:///w/${filename}`, text });
  assert.ok(doc.model, `no model for ${filename}`);
  return { fns: doc.model.lambdaFunctions, text };
}

const at = (text: string, located: { node: { span: { start: number; end: number } } } | undefined) =>
  located ? text.slice(located.node.span.start, located.node.span.end) : undefined;

const sam = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
    MemorySize: 512
    Layers:
      - arn:aws:lambda:us-east-1:123456789012:layer:shared:1
    Environment:
      Variables:
        STAGE: prod
        LOG_LEVEL: info
    VpcConfig:
      SecurityGroupIds: [sg-global]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Timeout: 60
      Layers:
        - arn:aws:lambda:us-east-1:123456789012:layer:own:2
      Environment:
        Variables:
          LOG_LEVEL: debug
          TABLE: t
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-own]
  Bare:
    Type: AWS::Serverless::Function
`;

describe('SAM Globals.Function merge', () => {
  const { fns, text } = functionsOf(sam, 'template.yaml');
  const fn = fns.find((f) => f.logicalId === 'Fn')!;

  it('builds one function per AWS::Serverless::Function, shape sam', () => {
    assert.deepEqual(fns.map((f) => [f.logicalId, f.shape]), [['Fn', 'sam'], ['Bare', 'sam']]);
  });

  it('scalars: the function overrides Globals; an unset one comes from Globals and points there', () => {
    assert.equal(valueOf(fn.timeout), 60);
    assert.equal(valueOf(fn.memorySize), 512);
    assert.equal(valueOf(fn.runtime), 'python3.12');
    // The runtime node is the one written in Globals (line 5).
    assert.equal(text.slice(0, fn.runtime!.node.span.start).split('\n').length, 5);
  });

  it('lists: Layers are concatenated, Globals first', () => {
    assert.deepEqual(fn.layers.map((l) => valueOf(l)), ['arn:aws:lambda:us-east-1:123456789012:layer:shared:1', 'arn:aws:lambda:us-east-1:123456789012:layer:own:2']);
    assert.equal(fn.layersKnown, true);
  });

  it('maps: Environment.Variables are merged key by key, the function winning', () => {
    assert.deepEqual(
      fn.environment.map((e) => [e.name, valueOf(e.value)]),
      [['STAGE', 'prod'], ['LOG_LEVEL', 'debug'], ['TABLE', 't']],
    );
    assert.equal(at(text, fn.environment[0]!.value), 'prod');
  });

  it('nested maps merge and their lists concatenate (VpcConfig)', () => {
    assert.deepEqual(fn.vpc!.securityGroupIds.items.map((n) => (n.kind === 'scalar' ? n.value : '?')), ['sg-global', 'sg-own']);
    assert.equal(fn.vpc!.subnetIds.items.length, 1);
  });

  it('a function without Properties still receives the Globals', () => {
    const bare = fns.find((f) => f.logicalId === 'Bare')!;
    assert.equal(valueOf(bare.runtime), 'python3.12');
    assert.equal(bare.layers.length, 1);
    assert.deepEqual(bare.environment.map((e) => e.name), ['STAGE', 'LOG_LEVEL']);
  });

  it('findings about a missing key anchor on the resource key', () => {
    assert.equal(fn.anchor.kind, 'pair');
    assert.equal(fn.anchor.kind === 'pair' && fn.anchor.key, 'Fn');
  });
});

const samIgnore = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Handler: app.handler
    Layers: [arn:aws:lambda:us-east-1:123456789012:layer:shared:1]
    Environment:
      Variables:
        STAGE: prod
Resources:
  All:
    Type: AWS::Serverless::Function
    IgnoreGlobals: '*'
    Properties:
      PackageType: Image
      ImageUri: app:1
  Some:
    Type: AWS::Serverless::Function
    IgnoreGlobals: [Runtime, Layers]
    Properties:
      CodeUri: src/
  Invalid:
    Type: AWS::Serverless::Function
    IgnoreGlobals: Runtime
  Replaced:
    Type: AWS::Serverless::Function
    Properties:
      Layers: !Ref LayerList
      Environment: !If [Prod, { Variables: { A: b } }, !Ref AWS::NoValue]
  Mismatch:
    Type: AWS::Serverless::Function
    Properties:
      Layers: {}
      Environment:
        Variables: [A]
`;

describe('SAM Globals.Function merge: IgnoreGlobals and values of different kinds', () => {
  const { fns, text } = functionsOf(samIgnore, 'template.yaml');
  const fn = (id: string) => fns.find((f) => f.logicalId === id)!;

  it("IgnoreGlobals '*' leaves every Globals property out", () => {
    const all = fn('All');
    assert.equal(all.runtime, undefined);
    assert.equal(all.handler, undefined);
    assert.deepEqual(all.layers, []);
    assert.deepEqual(all.environment, []);
    assert.equal(all.isImage, true);
  });

  it('IgnoreGlobals [names] leaves only those out', () => {
    const some = fn('Some');
    assert.equal(some.runtime, undefined);
    assert.equal(valueOf(some.handler), 'app.handler');
    assert.deepEqual(some.layers, []);
    assert.equal(some.layersPair, undefined);
    assert.deepEqual(some.environment.map((e) => e.name), ['STAGE']);
  });

  it('an IgnoreGlobals SAM rejects (neither * nor a list) leaves the Globals in', () => {
    assert.equal(valueOf(fn('Invalid').runtime), 'python3.12');
  });

  it('an intrinsic function in the function replaces the Globals value instead of merging with it', () => {
    const replaced = fn('Replaced');
    assert.equal(replaced.layersKnown, false);
    assert.deepEqual(replaced.layers, []);
    assert.equal(text.slice(replaced.layersPair!.span.start, replaced.layersPair!.span.end), 'Layers: !Ref LayerList');
    assert.deepEqual(replaced.environment, []);
  });

  it('a value of another kind in the function replaces the Globals value (map vs list)', () => {
    const mismatch = fn('Mismatch');
    assert.equal(mismatch.layersKnown, false);
    assert.deepEqual(mismatch.layers, []);
    assert.deepEqual(mismatch.environment, []);
  });
});

const serverless = `service: orders
provider:
  name: aws
  runtime: nodejs22.x
  memorySize: 256
  timeout: 10
  architecture: arm64
  layers:
    - arn:aws:lambda:us-east-1:123456789012:layer:base:1
  environment:
    STAGE: prod
    REGION_NAME: eu
  vpc:
    securityGroupIds: [sg-1]
    subnetIds: [subnet-1]
functions:
  api:
    handler: src/api.handler
    timeout: 29
    url: true
    environment:
      STAGE: dev
      TABLE: orders
    events:
      - httpApi: 'GET /orders'
  worker:
    handler: src/worker.handler
    runtime: python3.12
    layers:
      - arn:aws:lambda:us-east-1:123456789012:layer:py:3
    snapStart: true
    events:
      - sqs:
          arn: arn:aws:sqs:us-east-1:123456789012:jobs
          batchSize: 20
  image:
    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0
`;

describe('serverless.yml provider defaults', () => {
  const { fns, text } = functionsOf(serverless, 'serverless.yml');
  const byName = new Map(fns.map((f) => [f.logicalId, f]));
  const api = byName.get('api')!;
  const worker = byName.get('worker')!;

  it('builds one function per functions.<name>, shape serverless', () => {
    assert.deepEqual([...byName.keys()], ['api', 'worker', 'image']);
    assert.ok(fns.every((f) => f.shape === 'serverless'));
  });

  it('scalars default from provider and are overridden per function', () => {
    assert.equal(valueOf(api.runtime), 'nodejs22.x');
    assert.equal(valueOf(worker.runtime), 'python3.12');
    assert.equal(valueOf(api.timeout), 29);
    assert.equal(valueOf(worker.timeout), 10);
    assert.equal(valueOf(worker.memorySize), 256);
    assert.deepEqual(api.architectures.map((a) => valueOf(a)), ['arm64']);
    assert.equal(at(text, worker.timeout), '10');
    assert.equal(text.slice(0, worker.timeout!.node.span.start).split('\n').length, 6);
  });

  it('environment merges provider and function, the function winning', () => {
    assert.deepEqual(api.environment.map((e) => [e.name, valueOf(e.value)]), [['STAGE', 'dev'], ['REGION_NAME', 'eu'], ['TABLE', 'orders']]);
    assert.deepEqual(worker.environment.map((e) => e.name), ['STAGE', 'REGION_NAME']);
  });

  it("a function's layers replace the provider's", () => {
    assert.equal(api.layers.length, 1);
    assert.deepEqual(worker.layers.map((l) => valueOf(l)), ['arn:aws:lambda:us-east-1:123456789012:layer:py:3']);
  });

  it('vpc, url, snapStart, events and image', () => {
    assert.equal(api.vpc?.subnetIds.items.length, 1);
    assert.equal(valueOf(api.functionUrlAuthType), 'NONE');
    assert.equal(valueOf(worker.snapStart), 'PublishedVersions');
    assert.deepEqual(worker.events.map((e) => [e.name, valueOf(e.batchSize)]), [['sqs', 20]]);
    assert.equal(api.events[0]?.name, 'httpApi');
    const image = byName.get('image')!;
    assert.equal(image.isImage, true);
    assert.equal(valueOf(image.packageType), 'Image');
    assert.equal(api.isImage, false);
  });
});

describe('API JSON and AWS::Lambda::Function', () => {
  it('reads create-function input', () => {
    const { fns } = functionsOf(
      `{"FunctionName": "f", "Runtime": "python3.13", "Handler": "app.h", "Role": "arn:aws:iam::1:role/r", "Code": {"ZipFile": "UEsDB..."},
  "MemorySize": 256, "EphemeralStorage": {"Size": 1024}, "Architectures": ["arm64"], "SnapStart": {"ApplyOn": "PublishedVersions"},
  "Environment": {"Variables": {"A": "1"}}, "VpcConfig": {"SubnetIds": ["s"], "SecurityGroupIds": []}}`,
      'function.json',
    );
    const fn = fns[0]!;
    assert.equal(fn.shape, 'api');
    assert.equal(fn.isCreate, true);
    assert.equal(fn.inlineCode, undefined, 'API ZipFile is a base64 zip, not inline source');
    assert.equal(valueOf(fn.ephemeralStorageSize), 1024);
    assert.equal(valueOf(fn.snapStart), 'PublishedVersions');
    assert.equal(fn.vpc?.securityGroupIds.items.length, 0);
    assert.deepEqual(fn.environment.map((e) => e.name), ['A']);
  });

  it('reads a CloudFormation function with inline code', () => {
    const { fns } = functionsOf(
      `Resources:
  F:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Code:
        ZipFile: exports.handler = async () => 1;
      Layers: !Ref LayerList
`,
      'template.yaml',
    );
    const fn = fns[0]!;
    assert.equal(fn.shape, 'cfn');
    assert.equal(fn.inlineCode?.key, 'ZipFile');
    assert.equal(fn.layersKnown, false);
  });
});
