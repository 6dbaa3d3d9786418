import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from '../../../server/src/core/parse/json';
import { toPlain, type Node } from '../../../server/src/core/parse/tree';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { getValidator, propertyDocAt } from '../../../server/src/core/schema/registry';
import { validateAgainstSchema, type SchemaKind, type SchemaProblem } from '../../../server/src/core/schema/validate';

function rootOf(text: string, format: 'json' | 'yaml'): Node {
  const tree = format === 'json' ? parseJson(text) : parseYaml(text);
  assert.deepEqual(tree.problems, [], 'test input must parse cleanly');
  assert.ok(tree.root);
  return tree.root;
}

function check(kind: SchemaKind, text: string, format: 'json' | 'yaml' = 'json'): SchemaProblem[] {
  const root = rootOf(text, format);
  return validateAgainstSchema(kind, root, toPlain(root));
}

/** The span of the `nth` occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    assert.ok(start >= 0, `${needle} occurs ${nth + 1} times`);
  }
  return { start, end: start + needle.length };
}

describe('validateAgainstSchema: ECS task definition', () => {
  it('reports a value of the wrong type on the value', () => {
    const text = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": "8080" } ] }
  ]
}`;
    assert.deepEqual(check('ecs-task-definition', text), [
      {
        messageId: 'wrongType',
        message: 'hostPort must be a number, not the string "8080".',
        span: spanOf(text, '"8080"'),
        path: ['containerDefinitions', 0, 'portMappings', 0, 'hostPort'],
      },
    ]);
  });

  it('gives one message for a value whose type and enum are both wrong', () => {
    const text = '{ "family": "web", "containerDefinitions": [], "networkMode": 5, "cpu": 256 }';
    assert.deepEqual(
      check('ecs-task-definition', text).map((p) => [p.messageId, p.message, p.span]),
      [
        ['wrongType', 'networkMode must be a string, not the number 5.', spanOf(text, '5')],
        ['wrongType', 'cpu must be a string, not the number 256.', spanOf(text, '256')],
      ],
    );
  });

  it('reports an enum value with a did-you-mean', () => {
    const text = '{ "family": "web", "containerDefinitions": [], "networkMode": "bridg" }';
    assert.deepEqual(check('ecs-task-definition', text), [
      {
        messageId: 'notAllowedValue',
        message: 'networkMode must be one of bridge, host, awsvpc, none; got "bridg". Did you mean "bridge"?',
        span: spanOf(text, '"bridg"'),
        path: ['networkMode'],
      },
    ]);
  });

  it('does not suggest anything for an enum value far from every allowed value', () => {
    const text = 'family: web\ncontainerDefinitions: []\nnetworkMode: overlay\n';
    assert.deepEqual(check('ecs-task-definition', text, 'yaml'), [
      {
        messageId: 'notAllowedValue',
        message: 'networkMode must be one of bridge, host, awsvpc, none; got "overlay".',
        span: spanOf(text, 'overlay'),
        path: ['networkMode'],
      },
    ]);
  });

  it('reports an unknown key on the key, with a did-you-mean', () => {
    const text = `family: web
containerDefinitions:
  - name: app
    image: nginx
    portMappings:
      - contianerPort: 80
`;
    assert.deepEqual(check('ecs-task-definition', text, 'yaml'), [
      {
        messageId: 'unknownProperty',
        message: 'Unknown property "contianerPort" in portMappings[0]; did you mean "containerPort"?',
        span: spanOf(text, 'contianerPort'),
        path: ['containerDefinitions', 0, 'portMappings', 0, 'contianerPort'],
      },
    ]);
  });

  it('reports an unknown top-level key without a suggestion when nothing is close', () => {
    const text = '{ "family": "web", "containerDefinitions": [], "replicas": 3 }';
    assert.deepEqual(check('ecs-task-definition', text), [
      {
        messageId: 'unknownProperty',
        message: 'Unknown property "replicas" in the task definition.',
        span: spanOf(text, '"replicas"'),
        path: ['replicas'],
      },
    ]);
  });

  it('reports a missing key of an array item on its first key', () => {
    const text = '{ "family": "web", "containerDefinitions": [ { "name": "app", "essential": true } ] }';
    assert.deepEqual(check('ecs-task-definition', text), [
      {
        messageId: 'missingProperty',
        message: 'Missing required property "image" in containerDefinitions[0].',
        span: spanOf(text, '"name"'),
        path: ['containerDefinitions', 0, 'image'],
      },
    ]);
  });

  it('reports a missing key of a nested object on the key holding that object', () => {
    const text = `family: web
containerDefinitions:
  - name: app
    image: nginx
    logConfiguration:
      options:
        awslogs-group: /ecs/web
ephemeralStorage: {}
`;
    assert.deepEqual(check('ecs-task-definition', text, 'yaml'), [
      {
        messageId: 'missingProperty',
        message: 'Missing required property "logDriver" in logConfiguration.',
        span: spanOf(text, 'logConfiguration'),
        path: ['containerDefinitions', 0, 'logConfiguration', 'logDriver'],
      },
      {
        messageId: 'missingProperty',
        message: 'Missing required property "sizeInGiB" in ephemeralStorage.',
        span: spanOf(text, 'ephemeralStorage'),
        path: ['ephemeralStorage', 'sizeInGiB'],
      },
    ]);
  });

  it('reports keys missing at the root on the first key', () => {
    const text = '{\n  "networkMode": "awsvpc"\n}';
    assert.deepEqual(check('ecs-task-definition', text), [
      {
        messageId: 'missingProperty',
        message: 'Missing required property "containerDefinitions" in the task definition.',
        span: spanOf(text, '"networkMode"'),
        path: ['containerDefinitions'],
      },
      {
        messageId: 'missingProperty',
        message: 'Missing required property "family" in the task definition.',
        span: spanOf(text, '"networkMode"'),
        path: ['family'],
      },
    ]);
  });

  it('reports keys missing from an empty root object on its opening brace', () => {
    const problems = check('ecs-task-definition', '{}');
    assert.deepEqual(
      problems.map((p) => [p.message, p.span]),
      [
        ['Missing required property "containerDefinitions" in the task definition.', { start: 0, end: 1 }],
        ['Missing required property "family" in the task definition.', { start: 0, end: 1 }],
      ],
    );
  });

  it('reports a root of the wrong type', () => {
    assert.deepEqual(check('ecs-task-definition', '[1]'), [
      {
        messageId: 'wrongType',
        message: 'The task definition must be an object, not a list.',
        span: { start: 0, end: 1 },
        path: [],
      },
    ]);
  });

  it('marks a list of the wrong type by its key', () => {
    const text = '{ "family": "web", "containerDefinitions": { "name": "app" } }';
    assert.deepEqual(check('ecs-task-definition', text), [
      {
        messageId: 'wrongType',
        message: 'containerDefinitions must be a list, not an object.',
        span: spanOf(text, '"containerDefinitions"'),
        path: ['containerDefinitions'],
      },
    ]);
  });

  it('never reports values given by intrinsic functions, nor anything inside them', () => {
    const text = `family: !Sub "\${AWS::StackName}-web"
networkMode: !If [IsFargate, awsvpc, bridge]
cpu: !Ref Cpu
containerDefinitions:
  - name: app
    image: !Join [":", [!Ref Repo, latest]]
    portMappings:
      - containerPort: !Ref Port
        hostPort: { "Fn::GetAtt": [Thing, Port] }
  - !If [HasSidecar, { name: sidecar, image: envoy, bogus: 1 }, !Ref AWS::NoValue]
volumes: !Ref Volumes
`;
    const root = rootOf(text, 'yaml');
    // ajv itself rejects the plain form ({ Ref: ... } where a string belongs): the silence is deliberate.
    assert.equal(getValidator('ecs-task-definition')(toPlain(root)), false);
    assert.deepEqual(validateAgainstSchema('ecs-task-definition', root, toPlain(root)), []);
  });

  it('accepts a complete Fargate task definition', () => {
    const text = JSON.stringify(
      {
        family: 'web',
        taskRoleArn: 'arn:aws:iam::123456789012:role/app',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
        ephemeralStorage: { sizeInGiB: 30 },
        enableFaultInjection: false,
        containerDefinitions: [
          {
            name: 'app',
            image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0',
            essential: true,
            cpu: 256,
            memoryReservation: 256,
            portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' }],
            environment: [{ name: 'MODE', value: 'prod' }],
            secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
            },
            healthCheck: {
              command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'],
              interval: 30,
              timeout: 5,
              retries: 3,
              startPeriod: 10,
            },
            dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }],
            ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
          },
          { name: 'init', image: 'busybox', essential: false, command: ['sh', '-c', 'echo ready'] },
        ],
        volumes: [{ name: 'scratch' }],
        tags: [{ key: 'team', value: 'web' }],
      },
      null,
      2,
    );
    assert.deepEqual(check('ecs-task-definition', text), []);
  });
});

describe('validateAgainstSchema: ECS service', () => {
  it('accepts a create-service input', () => {
    const text = `cluster: prod
serviceName: web
taskDefinition: web:3
desiredCount: 2
launchType: FARGATE
platformVersion: LATEST
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1, subnet-0b2]
    securityGroups: [sg-0c3]
    assignPublicIp: DISABLED
loadBalancers:
  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc
    containerName: app
    containerPort: 8080
deploymentConfiguration:
  maximumPercent: 200
  minimumHealthyPercent: 100
  deploymentCircuitBreaker: { enable: true, rollback: true }
healthCheckGracePeriodSeconds: 60
enableExecuteCommand: true
propagateTags: SERVICE
tags:
  - key: team
    value: web
`;
    assert.deepEqual(check('ecs-service', text, 'yaml'), []);
  });

  it('accepts an update-service input (service instead of serviceName)', () => {
    const text = '{ "cluster": "prod", "service": "web", "taskDefinition": "web:4", "desiredCount": 3, "forceNewDeployment": true }';
    assert.deepEqual(check('ecs-service', text), []);
  });

  it('still rejects unknown keys and bad values', () => {
    const text = '{ "service": "web", "desiredCont": 1, "launchType": "FARGATE_SPOT" }';
    assert.deepEqual(
      check('ecs-service', text).map((p) => [p.messageId, p.message, p.span]),
      [
        [
          'unknownProperty',
          'Unknown property "desiredCont" in the service definition; did you mean "desiredCount"?',
          spanOf(text, '"desiredCont"'),
        ],
        [
          'notAllowedValue',
          'launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES; got "FARGATE_SPOT".',
          spanOf(text, '"FARGATE_SPOT"'),
        ],
      ],
    );
  });
});

describe('validateAgainstSchema: Batch job definition', () => {
  it('accepts a complete Fargate job definition', () => {
    const text = JSON.stringify({
      jobDefinitionName: 'etl',
      type: 'container',
      platformCapabilities: ['FARGATE'],
      containerProperties: {
        image: 'public.ecr.aws/docker/library/python:3.13',
        command: ['python', 'etl.py', 'Ref::date'],
        jobRoleArn: 'arn:aws:iam::123456789012:role/etl',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        resourceRequirements: [
          { type: 'VCPU', value: '1' },
          { type: 'MEMORY', value: '2048' },
        ],
        networkConfiguration: { assignPublicIp: 'ENABLED' },
        fargatePlatformConfiguration: { platformVersion: 'LATEST' },
        runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
        environment: [{ name: 'STAGE', value: 'prod' }],
        logConfiguration: { logDriver: 'awslogs' },
      },
      parameters: { date: '2024-01-01' },
      retryStrategy: { attempts: 3, evaluateOnExit: [{ onExitCode: '137', action: 'RETRY' }] },
      timeout: { attemptDurationSeconds: 3600 },
      propagateTags: true,
      tags: { team: 'data' },
    });
    assert.deepEqual(check('batch-job-definition', text), []);
  });

  it('reports a misspelt enum value inside a list item', () => {
    const text = 'jobDefinitionName: etl\ntype: container\ncontainerProperties:\n  resourceRequirements:\n    - type: VCPUS\n      value: "1"\n';
    assert.deepEqual(check('batch-job-definition', text, 'yaml'), [
      {
        messageId: 'notAllowedValue',
        message: 'type must be one of GPU, VCPU, MEMORY; got "VCPUS". Did you mean "VCPU"?',
        span: spanOf(text, 'VCPUS'),
        path: ['containerProperties', 'resourceRequirements', 0, 'type'],
      },
    ]);
  });
});

describe('validateAgainstSchema: Lambda function', () => {
  it('accepts a complete create-function input', () => {
    const text = JSON.stringify({
      FunctionName: 'hello',
      Runtime: 'python3.13',
      Role: 'arn:aws:iam::123456789012:role/lambda',
      Handler: 'app.handler',
      Code: { S3Bucket: 'artifacts', S3Key: 'hello.zip' },
      Description: 'Says hello',
      Timeout: 30,
      MemorySize: 512,
      Publish: true,
      Environment: { Variables: { STAGE: 'prod' } },
      Architectures: ['arm64'],
      EphemeralStorage: { Size: 1024 },
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON' },
      Tags: { team: 'web' },
      Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:deps:1'],
      VpcConfig: { SubnetIds: ['subnet-0a1'], SecurityGroupIds: ['sg-0c3'] },
    });
    assert.deepEqual(check('lambda-function', text), []);
  });

  it('accepts an update-function-configuration input (RevisionId, no Code or Role)', () => {
    const text = 'FunctionName: hello\nRevisionId: 1b2c3d\nMemorySize: 1024\nTimeout: 60\nRuntime: nodejs22.x\n';
    assert.deepEqual(check('lambda-function', text, 'yaml'), []);
  });

  it('reports numbers outside the model bounds', () => {
    const text = 'FunctionName: hello\nMemorySize: 64\nTimeout: 6000\n';
    assert.deepEqual(check('lambda-function', text, 'yaml'), [
      {
        messageId: 'tooSmall',
        message: 'MemorySize must be at least 128 (got 64).',
        span: spanOf(text, '64'),
        path: ['MemorySize'],
      },
      {
        messageId: 'tooLarge',
        message: 'Timeout must be at most 5400 (got 6000).',
        span: spanOf(text, '6000'),
        path: ['Timeout'],
      },
    ]);
  });

  it('reports a fractional number where a whole number is needed', () => {
    const text = '{ "FunctionName": "hello", "Timeout": 2.5 }';
    assert.deepEqual(
      check('lambda-function', text).map((p) => [p.message, p.span]),
      [['Timeout must be a whole number, not 2.5.', spanOf(text, '2.5')]],
    );
  });

  it('does not list a long enum in full but still suggests the closest value', () => {
    const text = '{ "FunctionName": "hello", "Runtime": "python3.133" }';
    const count = propertyDocAt('lambda-function', ['Runtime'])?.enum?.length ?? 0;
    assert.ok(count > 15);
    assert.deepEqual(
      check('lambda-function', text).map((p) => p.message),
      [`Runtime must be one of the ${count} allowed values; got "python3.133". Did you mean "python3.13"?`],
    );
  });

  it('reports a missing FunctionName at the root on the first key', () => {
    const text = '{ "Runtime": "python3.13", "Handler": "app.handler" }';
    assert.deepEqual(check('lambda-function', text), [
      {
        messageId: 'missingProperty',
        message: 'Missing required property "FunctionName" in the function configuration.',
        span: spanOf(text, '"Runtime"'),
        path: ['FunctionName'],
      },
    ]);
  });

  it('reports an empty string where the model needs at least one character, and a string too long', () => {
    const text = `{ "FunctionName": "", "Description": "${'x'.repeat(300)}" }`;
    assert.deepEqual(
      check('lambda-function', text).map((p) => [p.messageId, p.message, p.span]),
      [
        ['tooShort', 'FunctionName must not be empty.', spanOf(text, '""')],
        ['tooLong', 'Description must be at most 256 characters long (got 300).', spanOf(text, `"${'x'.repeat(300)}"`)],
      ],
    );
  });
});
