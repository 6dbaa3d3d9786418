import rule from '../../../../server/src/core/rules/schema/valid-api-input';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'minimal task definition', code: '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27"}]}' },
    { name: 'describe output: describe-only keys are left to their own rule', code: '{"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "x:1"}]}}' },
    { name: 'update-service input', filename: 'service.json', code: '{"cluster": "c", "service": "web", "taskDefinition": "web:3", "forceNewDeployment": true}' },
    { name: 'job definition', filename: 'job.json', code: '{"jobDefinitionName": "j", "type": "container", "containerProperties": {"image": "x:1", "resourceRequirements": [{"type": "VCPU", "value": "1"}]}}' },
    { name: 'update-function-configuration', filename: 'fn.json', code: '{"FunctionName": "f", "Runtime": "python3.13", "MemorySize": 512}' },
    { name: 'YAML task definition', filename: 'task.yaml', code: 'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx:1.27\n' },
  ],
  invalid: [
    {
      // Detected by their distinctive keys, whatever the types (issue 16: such files used to get no finding at all).
      name: 'a task definition whose every field has the wrong type',
      code: '{"family": 42, "containerDefinitions": {"name": "app", "image": "nginx:1.27"}, "cpu": true}',
      errors: [
        { messageId: 'wrongType', line: 1, column: 12, endLine: 1, endColumn: 14, message: 'family must be a string, not the number 42. The AWS CLI and SDKs reject the wrong type.' },
        { messageId: 'wrongType', line: 1, column: 16, endLine: 1, endColumn: 38, message: 'containerDefinitions must be a list, not an object. The AWS CLI and SDKs reject the wrong type.' },
        { messageId: 'wrongType', line: 1, column: 87, endLine: 1, endColumn: 91 },
      ],
    },
    {
      name: 'a job definition whose every field has the wrong type',
      filename: 'job.json',
      code: '{"jobDefinitionName": 7, "type": ["container"], "containerProperties": "busybox"}',
      errors: [
        { messageId: 'wrongType', line: 1, column: 23, endLine: 1, endColumn: 24 },
        { messageId: 'wrongType', line: 1, column: 26, endLine: 1, endColumn: 32 },
        { messageId: 'wrongType', line: 1, column: 72, endLine: 1, endColumn: 81 },
      ],
    },
    {
      name: 'a function whose every field has the wrong type',
      filename: 'function.json',
      code: '{"FunctionName": ["orders"], "Runtime": 3, "MemorySize": "lots"}',
      errors: [
        { messageId: 'wrongType', line: 1, column: 2, endLine: 1, endColumn: 16, message: 'FunctionName must be a string, not a list. The AWS CLI and SDKs reject the wrong type.' },
        { messageId: 'wrongType', line: 1, column: 41, endLine: 1, endColumn: 42 },
        { messageId: 'wrongType', line: 1, column: 58, endLine: 1, endColumn: 64 },
      ],
    },
    {
      name: 'wrong type',
      code: '{"family": "web", "containerDefinitions": [{"name": "app", "image": "x:1", "portMappings": [{"containerPort": 80, "hostPort": "8080"}]}]}',
      errors: [
        {
          messageId: 'wrongType',
          line: 1,
          column: 127,
          endLine: 1,
          endColumn: 133,
          severity: 'error',
          message: 'hostPort must be a number, not the string "8080". The AWS CLI and SDKs reject the wrong type.',
        },
      ],
    },
    {
      name: 'enum with did-you-mean',
      code: '{"family": "web", "networkMode": "bridg", "containerDefinitions": [{"name": "app", "image": "x:1"}]}',
      errors: [{ messageId: 'notAllowedValue', line: 1, column: 34, endLine: 1, endColumn: 41, message: 'networkMode must be one of bridge, host, awsvpc, none; got "bridg". Did you mean "bridge"?' }],
    },
    {
      name: 'unknown key in YAML',
      filename: 'task.yaml',
      code: 'family: web\ncontainerDefinitions:\n  - name: app\n    image: x:1\n    essentail: true\n',
      errors: [{ messageId: 'unknownProperty', line: 5, column: 5, endLine: 5, endColumn: 14, message: /^Unknown property "essentail" in containerDefinitions\[0\]; did you mean "essential"\?/ }],
    },
    {
      name: 'missing required key',
      code: '{"family": "web", "containerDefinitions": [{"name": "app"}]}',
      errors: [{ messageId: 'missingProperty', line: 1, column: 45, endLine: 1, endColumn: 51, message: 'Missing required property "image" in containerDefinitions[0]. AWS rejects the request without it.' }],
    },
    {
      name: 'out of range',
      filename: 'job.json',
      code: '{"jobDefinitionName": "j", "type": "container", "retryStrategy": {"attempts": "3"}, "timeout": {"attemptDurationSeconds": 1.5}}',
      errors: [
        { messageId: 'wrongType', line: 1, column: 79, endLine: 1, endColumn: 82 },
        { messageId: 'wrongType', line: 1, column: 123, endLine: 1, endColumn: 126, message: /attemptDurationSeconds must be a whole number, not 1.5/ },
      ],
    },
    {
      name: 'string too long',
      filename: 'fn.json',
      code: `{"FunctionName": "f", "Description": "${'x'.repeat(300)}"}`,
      errors: [{ messageId: 'outOfRange', line: 1, column: 38, endLine: 1, endColumn: 340 }],
    },
  ],
});
