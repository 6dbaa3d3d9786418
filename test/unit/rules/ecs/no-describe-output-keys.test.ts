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
      name: 'describe-task-definition output, wrapped',
      code: described,
      errors: [
        { messageId: 'describeWrapper', line: 2, column: 5, endLine: 2, endColumn: 21, severity: 'error' },
        { messageId: 'describeOnlyKey', line: 3, column: 9, endLine: 3, endColumn: 28, message: /taskDefinitionArn is part of describe-task-definition output/ },
        { messageId: 'describeOnlyKey', line: 8, column: 9, endLine: 8, endColumn: 19 },
        { messageId: 'describeOnlyKey', line: 9, column: 9, endLine: 9, endColumn: 17 },
        { messageId: 'describeOnlyKey', line: 10, column: 9, endLine: 10, endColumn: 26 },
      ],
      output: registerInput,
    },
    {
      name: 'flat file with describe-only keys, including the last ones',
      code: flat,
      errors: [
        { messageId: 'describeOnlyKey', line: 3, column: 3, endLine: 3, endColumn: 13 },
        { messageId: 'describeOnlyKey', line: 5, column: 3, endLine: 5, endColumn: 23 },
        { messageId: 'describeOnlyKey', line: 6, column: 3, endLine: 6, endColumn: 17 },
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
      errors: [{ messageId: 'describeOnlyKey', line: 2, column: 1, endLine: 2, endColumn: 9 }],
      output: 'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx:1.27\n',
    },
  ],
});

test('the fixed describe output is valid register input', () => {
  const { findings } = ruleFindings(rule, { code: described });
  const fixed = applyEdits(described, findings.flatMap((f) => f.fix?.edits ?? []));
  const parsed = JSON.parse(fixed) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['family', 'containerDefinitions']);
  const doc = prepare({ uri: 'file:///w/task.json', text: fixed });
  assert.equal(doc.kind, 'ecs-task-definition');
  assert.deepEqual(ruleFindings(rule, { code: fixed }).findings, []);
});
