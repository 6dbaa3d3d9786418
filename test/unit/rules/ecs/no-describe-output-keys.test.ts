import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepare } from '../../../../server/src/core/analyze';
import rule from '../../../../server/src/core/rules/ecs/no-describe-output-keys';
import { applyEdits, ruleFindings, runRuleTests } from '../../../helpers/ruleTester';

const described = `{
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
        "family": "web",
        "containerDefinitions": [
            { "name": "app", "image": "nginx:1.27", "memory": 256 }
        ],
        "revision": 3,
        "status": "ACTIVE",
        "compatibilities": ["EC2", "FARGATE"]
    }
}`;

const registerInput = `{
    "family": "web",
    "containerDefinitions": [
        { "name": "app", "image": "nginx:1.27", "memory": 256 }
    ]
}`;

const flat = `{
  "family": "web",
  "revision": 3,
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }],
  "requiresAttributes": [],
  "registeredAt": "2026-01-01T00:00:00Z"
}`;

runRuleTests(rule, {
  valid: [
    { name: 'register input', code: registerInput },
    {
      name: 'CloudFormation is another shape',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'describe-task-definition output, wrapped: one error for the file (the CLI and the GitHub action reject the wrapper)',
      code: described,
      errors: [
        {
          messageId: 'describeWrapper',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 21,
          severity: 'error',
          message:
            'This is describe-task-definition output: the task definition is wrapped in {"taskDefinition": …}, which RegisterTaskDefinition rejects, through the AWS CLI and the GitHub deploy action alike (only Berth\'s deploy unwraps it). Unwrap it (the fix unwraps it and strips the describe-only keys: taskDefinitionArn, revision, status and compatibilities).',
          related: [
            { line: 3, column: 9 },
            { line: 8, column: 9 },
            { line: 9, column: 9 },
            { line: 10, column: 9 },
          ],
        },
      ],
      output: registerInput,
    },
    {
      name: 'flat file with describe-only keys: one warning (the GitHub deploy action strips them, the CLI rejects them)',
      code: flat,
      errors: [
        {
          messageId: 'describeOnlyKeys',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 13,
          severity: 'warning',
          message:
            'This file is describe-task-definition output: revision, requiresAttributes and registeredAt are not RegisterTaskDefinition input. The GitHub deploy action (aws-actions/amazon-ecs-deploy-task-definition) and Berth\'s deploy strip them, but `aws ecs register-task-definition --cli-input-json` fails with "Unknown parameter revision". Remove them (the fix strips every one).',
          related: [
            { line: 5, column: 3 },
            { line: 6, column: 3 },
          ],
        },
      ],
      output: `{
  "family": "web",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }]
}`,
    },
    {
      name: 'YAML register input',
      filename: 'task.yaml',
      code: 'family: web\nrevision: 3\ncontainerDefinitions:\n  - name: app\n    image: nginx:1.27\n',
      errors: [{ messageId: 'describeOnlyKeys', line: 2, column: 1, endLine: 2, endColumn: 9, severity: 'warning', message: /^This file is describe-task-definition output: revision is not RegisterTaskDefinition input\./ }],
      output: 'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx:1.27\n',
    },
    {
      name: 'a Berth deploy target reads the file: info (the deploy unwraps and strips)',
      filename: 'ecs/web.json',
      code: described,
      workspace: [{ filename: '.berthrc.yaml', code: 'deploy:\n  targets:\n    web:\n      ecrRepository: web\n      containerName: app\n      taskDefinition: ecs/web.json\n      cluster: prod\n      service: web\n' }],
      errors: [
        {
          messageId: 'strippedByDeploy',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 21,
          severity: 'info',
          message:
            'This file is describe-task-definition output (the {"taskDefinition": …} wrapper and taskDefinitionArn, revision, status and compatibilities). Berth\'s deploy target web unwraps it and strips them, so it deploys; any other tool (the AWS CLI, the GitHub deploy action for a wrapped file) rejects it. Convert it to register input (the fix does) to keep one shape.',
        },
      ],
      output: registerInput,
    },
  ],
});

test('the fixed describe output is valid register input', () => {
  const { findings } = ruleFindings(rule, { code: described });
  assert.equal(findings.length, 1);
  const fixed = applyEdits(described, findings[0]!.fix!.edits);
  const parsed = JSON.parse(fixed) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['family', 'containerDefinitions']);
  const doc = prepare({ uri: 'file:///w/task.json', text: fixed });
  assert.equal(doc.kind, 'ecs-task-definition');
  assert.deepEqual(ruleFindings(rule, { code: fixed }).findings, []);
});
