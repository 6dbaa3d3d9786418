import rule from '../../../../server/src/core/rules/ecs/prefer-deployment-circuit-breaker';
import { runRuleTests } from '../../../helpers/ruleTester';

const service = (extra: string) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web"${extra}
}`;

runRuleTests(rule, {
  valid: [
    { name: 'enabled with rollback', filename: 'service.json', code: service(',\n  "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } }') },
    { name: 'CodeDeploy has its own rollback', filename: 'service.json', code: service(',\n  "deploymentController": { "type": "CODE_DEPLOY" }') },
    { name: 'ECS blue/green rolls back through bake time and hooks', filename: 'service.json', code: service(',\n  "deploymentConfiguration": { "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 15 }') },
    { name: 'strategy from a parameter: not judged', code: 'Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      DeploymentConfiguration:\n        Strategy: !Ref Strategy\n' },
  ],
  invalid: [
    {
      name: 'an explicit ROLLING strategy without a circuit breaker',
      filename: 'service.json',
      code: service(',\n  "deploymentConfiguration": { "strategy": "ROLLING" }'),
      errors: [{ messageId: 'noCircuitBreaker', line: 2, column: 3, endLine: 2, endColumn: 16 }],
    },
    { name: 'none', filename: 'service.json', code: service(''), errors: [{ messageId: 'noCircuitBreaker', line: 2, column: 3, endLine: 2, endColumn: 16, severity: 'info' }] },
    {
      name: 'no rollback',
      filename: 'service.json',
      code: service(',\n  "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": false } }'),
      errors: [{ messageId: 'noRollback', line: 4, column: 32, endLine: 4, endColumn: 58 }],
    },
    {
      name: 'CloudFormation',
      code: `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
`,
      errors: [{ messageId: 'noCircuitBreaker', line: 2, column: 3, endLine: 2, endColumn: 10 }],
    },
  ],
});
