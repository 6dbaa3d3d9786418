import rule from '../../../../server/src/core/rules/ecs/valid-health-check';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
});
