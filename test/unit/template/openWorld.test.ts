/**
 * Open world: what AWS added after Berth's schemas (resource and SAM types it has no schema for, new properties of
 * known types, new intrinsic functions) is never an error. Each case is linted with every rule.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, prepare } from '../../../server/src/core/analyze';
import { asObject, getValue } from '../../../server/src/core/parse/tree';

const NOW = new Date('2026-12-07T00:00:00Z');
const findings = (filename: string, text: string) =>
  lint(prepare({ uri: `file:///w/${filename}`, text }), { now: NOW }).map((f) => `${f.ruleId} ${f.severity}: ${f.message}`);

describe('open world', () => {
  it('SAM types and properties newer than the SAM schema: capacity providers, WebSocket APIs, CapacityProviderConfig', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    CapacityProviderConfig:
      Arn: !GetAtt Cp.Arn
Resources:
  Cp:
    Type: AWS::Serverless::CapacityProvider
    Properties:
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-1]
  Ws:
    Type: AWS::Serverless::WebSocketApi
    Properties:
      RouteSelectionExpression: $request.body.action
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      InlineCode: "def handler(e, c): return 1"
      MemorySize: 16384
`;
    assert.deepEqual(findings('template.yaml', text), []);
  });

  it('resource types Berth has no schema for', () => {
    const text = `Resources:
  Thing:
    Type: AWS::Lambda::MicrovmImage
    Properties:
      Anything: { Goes: [1, 2] }
  Other:
    Type: AWS::NewService::Widget
    Properties:
      Size: huge
`;
    assert.deepEqual(findings('template.yaml', text), []);
  });

  it('Fn::GetStackOutput stands wherever an intrinsic function may (YAML short and long form, JSON)', () => {
    const yaml = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetStackOutput
        StackName: shared
        OutputName: FunctionRole
      Runtime: python3.13
      Handler: index.handler
      Code: { ZipFile: "def handler(e, c): return 1" }
      MemorySize:
        Fn::GetStackOutput:
          StackName: shared
          OutputName: Memory
          Region: eu-west-1
      Timeout: !GetStackOutput { StackName: shared, OutputName: Timeout }
`;
    assert.deepEqual(findings('template.yaml', yaml), []);
    const json = JSON.stringify({
      Resources: {
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Cpu: { 'Fn::GetStackOutput': { StackName: 'shared', OutputName: 'Cpu' } },
            Memory: '2048',
            RequiresCompatibilities: ['FARGATE'],
            NetworkMode: 'awsvpc',
            ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Essential: true, ReadonlyRootFilesystem: true }],
          },
        },
      },
    }, null, 2);
    assert.deepEqual(findings('template.json', json), []);
  });

  it('Fn::GetStackOutput parses into an intrinsic node', () => {
    const doc = prepare({ uri: 'file:///w/t.yaml', text: 'Resources:\n  X:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !GetStackOutput { StackName: s, OutputName: o }\n' });
    const props = asObject(getValue(asObject(getValue(asObject(getValue(doc.tree!.root!, 'Resources'))!, 'X'))!, 'Properties'));
    const value = getValue(props!, 'QueueName');
    assert.equal(value?.kind, 'intrinsic');
    assert.equal(value?.kind === 'intrinsic' ? value.name : undefined, 'Fn::GetStackOutput');
  });
});
