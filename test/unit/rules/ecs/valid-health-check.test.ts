import rule from '../../../../server/src/core/rules/ecs/valid-health-check';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const tfCheck = (check: string) => tfTask('', `[{ name = "app", image = "nginx:1.27", healthCheck = { ${check} } }]`);

const api = (hc: string) => `{
  "family": "web",
  "containerDefinitions": [{
    "name": "app", "image": "nginx:1.27",
    "healthCheck": { ${hc} }
  }]
}`;
const cmd = '"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]';

runRuleTests(rule, {
  valid: [
    { name: 'defaults', code: api(cmd) },
    { name: 'bounds', code: api(`${cmd}, "interval": 300, "timeout": 120, "retries": 10, "startPeriod": 0`) },
    { name: 'CMD', code: api('"command": ["CMD", "/bin/check"], "interval": 5, "timeout": 2, "retries": 1') },
    { name: 'Terraform: a good check', filename: 'main.tf', code: tfCheck('command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval = 30, timeout = 5, retries = 3') },
    { name: 'Terraform: bounds from a variable without a value', filename: 'main.tf', code: tfCheck('command = ["CMD", "true"], interval = var.interval') + 'variable "interval" {}\n' },
  ],
  invalid: [
    {
      name: 'interval too short, retries too many',
      code: api(`${cmd}, "interval": 1, "retries": 20`),
      errors: [
        { messageId: 'outOfBounds', line: 5, column: 99, endLine: 5, endColumn: 100, severity: 'error', message: 'healthCheck.interval must be between 5 and 300; ECS rejects 1. Choose a value in that range.' },
        { messageId: 'outOfBounds', line: 5, column: 113, endLine: 5, endColumn: 115 },
      ],
    },
    {
      name: 'timeout not below the interval: a warning',
      code: api(`${cmd}, "interval": 10, "timeout": 10`),
      errors: [{ messageId: 'timeoutNotBelowInterval', line: 5, column: 114, endLine: 5, endColumn: 116, severity: 'warning' }],
    },
    {
      name: 'CloudFormation command without CMD',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          HealthCheck:
            Command: [curl, -f, http://localhost/]
`,
      errors: [{ messageId: 'badCommand', line: 9, column: 23, endLine: 9, endColumn: 27, message: /starts with "curl"/ }],
    },
    {
      name: 'Terraform: jsonencode, interval out of bounds and a bad command',
      filename: 'main.tf',
      code: tfCheck('command = ["curl -f http://localhost/"], interval = 1'),
      errors: [
        { messageId: 'badCommand', line: 4, column: 104, endLine: 4, endColumn: 131, message: /starts with "curl -f http:\/\/localhost\/"/ },
        { messageId: 'outOfBounds', line: 4, column: 145, endLine: 4, endColumn: 146, message: 'healthCheck.interval must be between 5 and 300; ECS rejects 1. Choose a value in that range.' },
      ],
    },
    {
      name: 'Terraform: heredoc, timeout not below the interval',
      filename: 'main.tf',
      code: tfTaskHeredoc('', '[{"name": "app", "image": "nginx:1.27", "healthCheck": {"command": ["CMD", "true"], "interval": 10, "timeout": 10}}]'),
      errors: [{ messageId: 'timeoutNotBelowInterval', line: 5, column: 116, endLine: 5, endColumn: 118, severity: 'warning' }],
    },
    {
      name: 'Terraform: the JSON file read with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "healthCheck": { "command": ["CMD", "true"], "retries": 11 } }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'outOfBounds', line: 1, column: 98, endLine: 1, endColumn: 100 }],
    },
    {
      name: 'Terraform: the interval from a variable default: at its use',
      filename: 'main.tf',
      code: tfCheck('command = ["CMD", "true"], interval = var.interval') + 'variable "interval" {\n  default = 400\n}\n',
      errors: [{ messageId: 'outOfBounds', line: 4, column: 131, endLine: 4, endColumn: 143, related: [{ line: 7, column: 13 }] }],
    },
  ],
});
