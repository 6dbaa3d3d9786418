/**
 * Declared ownership (rule.owns): a value that a specific rule judges is reported once, by that rule, and the schema
 * rules leave its range and allowed values alone (cfn-lint: never report the same value twice).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import cfnProperties from '../../server/src/core/rules/cfn/valid-resource-properties';
import { defineRule } from '../../server/src/core/rules/defineRule';
import { RULES } from '../../server/src/core/rules/index';
import apiInput from '../../server/src/core/rules/schema/valid-api-input';
import type { Finding } from '../../server/src/core/rules/types';

const NOW = new Date('2026-11-23T00:00:00Z');

/** For each marked value (its text), the rules that report at exactly its span. */
function reportersAt(uri: string, text: string, values: readonly string[], rules = RULES): Record<string, string[]> {
  const { findings } = analyze({ uri, text }, { now: NOW, rules });
  const at = (value: string, f: Finding) => {
    const start = text.indexOf(value);
    assert.notEqual(start, -1, value);
    return f.span.start === start && f.span.end === start + value.length;
  };
  return Object.fromEntries(values.map((v) => [v, findings.filter((f) => at(v, f)).map((f) => `${f.ruleId}:${f.messageId}`)]));
}

const FUNCTION_JSON = `{
  "FunctionName": "f",
  "Runtime": "python3.12",
  "Role": "arn:aws:iam::123456789012:role/r",
  "Handler": "app.handler",
  "Code": { "S3Bucket": "bucket", "S3Key": "k.zip" },
  "MemorySize": 40000,
  "Timeout": 6000,
  "EphemeralStorage": { "Size": 99999 },
  "Architectures": ["x86"]
}
`;

const TASK_JSON = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "333",
  "memory": "777",
  "ephemeralStorage": { "sizeInGiB": 500 },
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "essential": true, "portMappings": [{ "containerPort": 70000 }] }
  ]
}
`;

const JOB_JSON = `{
  "jobDefinitionName": "j",
  "type": "container",
  "retryStrategy": { "attempts": 12 },
  "timeout": { "attemptDurationSeconds": 30 },
  "containerProperties": { "image": "busybox:1.36", "resourceRequirements": [{ "type": "VCPU", "value": "1" }, { "type": "MEMORY", "value": "2048" }] }
}
`;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Role: arn:aws:iam::123456789012:role/r
      Handler: app.handler
      Code:
        S3Bucket: bucket
        S3Key: k.zip
      MemorySize: 40000
      Timeout: 6000
      EphemeralStorage:
        Size: 99999
      Architectures: [x86]
  Sam:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/k.zip
      MemorySize: 50000
      Timeout: 7000
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '333'
      Memory: '777'
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 70000
  Job:
    Type: AWS::Batch::JobDefinition
    Properties:
      Type: container
      RetryStrategy:
        Attempts: 13
      ContainerProperties:
        Image: busybox:1.36
`;

describe('declared ownership: one finding per value', () => {
  it('Lambda API input: Timeout, MemorySize, EphemeralStorage.Size and Architectures are reported by their rules alone', () => {
    assert.deepEqual(reportersAt('file:///w/function.json', FUNCTION_JSON, ['40000', '6000', '99999', '"x86"']), {
      '40000': ['lambda/valid-memory-size:outOfRange'],
      '6000': ['lambda/valid-timeout:overMax'],
      '99999': ['lambda/valid-ephemeral-storage:outOfRange'],
      '"x86"': ['lambda/valid-architectures:unknown'],
    });
  });

  it('without the owning rules, the schema rule reports those values itself (the owners take the checks over, nothing more)', () => {
    const owners = new Set(['lambda/valid-memory-size', 'lambda/valid-timeout', 'lambda/valid-ephemeral-storage', 'lambda/valid-architectures']);
    const rules = RULES.filter((r) => !owners.has(r.id));
    assert.deepEqual(reportersAt('file:///w/function.json', FUNCTION_JSON, ['40000', '6000', '99999', '"x86"'], rules), {
      '40000': ['schema/valid-api-input:outOfRange'],
      '6000': ['schema/valid-api-input:outOfRange'],
      '99999': ['schema/valid-api-input:outOfRange'],
      '"x86"': ['schema/valid-api-input:notAllowedValue'],
    });
  });

  it('a wrong type in an owned value is still the schema rule\'s to report', () => {
    const text = FUNCTION_JSON.replace('"Timeout": 6000', '"Timeout": "long"');
    assert.deepEqual(reportersAt('file:///w/function.json', text, ['"long"']), { '"long"': ['schema/valid-api-input:wrongType'] });
  });

  it('ECS and Batch API input: Fargate cpu and memory, ports, ephemeral storage, retry attempts and attempt duration', () => {
    assert.deepEqual(reportersAt('file:///w/task.json', TASK_JSON, ['"333"', '500', '70000']), {
      '"333"': ['ecs/fargate-valid-cpu-memory:invalidCpu'],
      '500': ['ecs/valid-ephemeral-storage:outOfRange'],
      '70000': ['ecs/valid-port-mappings:portOutOfRange'],
    });
    assert.deepEqual(reportersAt('file:///w/job.json', JOB_JSON, ['12', '30']), {
      '12': ['batch/valid-retry-attempts:outOfRange'],
      '30': ['batch/valid-attempt-duration:tooShort'],
    });
  });

  it('CloudFormation and SAM: the same values, one finding each', () => {
    assert.deepEqual(reportersAt('file:///w/template.yaml', TEMPLATE, ['40000', '6000', '99999', 'x86', '50000', '7000', "'333'", '70000', '13']), {
      '40000': ['lambda/valid-memory-size:outOfRange'],
      '6000': ['lambda/valid-timeout:overMax'],
      '99999': ['lambda/valid-ephemeral-storage:outOfRange'],
      x86: ['lambda/valid-architectures:unknown'],
      '50000': ['lambda/valid-memory-size:outOfRange'],
      '7000': ['lambda/valid-timeout:overMax'],
      "'333'": ['ecs/fargate-valid-cpu-memory:invalidCpu'],
      '70000': ['ecs/valid-port-mappings:portOutOfRange'],
      '13': ['batch/valid-retry-attempts:outOfRange'],
    });
  });

  // No shipped rule owns a value that the CloudFormation data constrains today (an enum), so a test rule owns one.
  it('the CloudFormation rule leaves an owned value\'s allowed values to its owner, in the resource type it names', () => {
    const packageType = defineRule({
      id: 'test/package-type',
      kinds: ['cloudformation', 'lambda-function'],
      severity: 'error',
      owns: [
        { resourceType: 'AWS::Lambda::Function', path: 'PackageType' },
        { kind: 'lambda-function', path: 'PackageType' },
      ],
      docs: { summary: 'Test only' },
      messages: {},
      check() {},
    });
    const template = TEMPLATE.replace('      MemorySize: 40000\n', '      PackageType: Zipp\n').replace('      MemorySize: 50000\n', '      PackageType: Zipx\n');
    assert.deepEqual(reportersAt('file:///w/template.yaml', template, ['Zipp', 'Zipx'], [cfnProperties]), {
      Zipp: ['cfn/valid-resource-properties:notAllowed'],
      Zipx: ['cfn/valid-resource-properties:notAllowed'],
    });
    // Owned in AWS::Lambda::Function only: the SAM function's value is still judged here.
    assert.deepEqual(reportersAt('file:///w/template.yaml', template, ['Zipp', 'Zipx'], [cfnProperties, packageType]), {
      Zipp: [],
      Zipx: ['cfn/valid-resource-properties:notAllowed'],
    });
    const json = FUNCTION_JSON.replace('"MemorySize": 40000', '"PackageType": "Zipp"');
    assert.deepEqual(reportersAt('file:///w/function.json', json, ['"Zipp"'], [apiInput]), { '"Zipp"': ['schema/valid-api-input:notAllowedValue'] });
    assert.deepEqual(reportersAt('file:///w/function.json', json, ['"Zipp"'], [apiInput, packageType]), { '"Zipp"': [] });
  });
});
