import rule from '../../../../server/src/core/rules/ecs/prefer-deployment-circuit-breaker';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService } from './tfshapes';

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
    { name: 'Terraform: enabled with rollback', filename: 'main.tf', code: tfService('  deployment_circuit_breaker {\n    enable   = true\n    rollback = true\n  }') },
    { name: 'Terraform: the CODE_DEPLOY controller', filename: 'main.tf', code: tfService('  deployment_controller {\n    type = "CODE_DEPLOY"\n  }') },
    { name: 'Terraform: rollback from a variable without a value', filename: 'main.tf', code: tfService('  deployment_circuit_breaker {\n    enable   = true\n    rollback = var.rollback\n  }') },
    { name: 'Terraform: a blue/green strategy', filename: 'main.tf', code: tfService('  deployment_configuration {\n    strategy = "BLUE_GREEN"\n  }') },
    { name: 'Terraform: a dynamic deployment_circuit_breaker block is unknown', filename: 'main.tf', code: tfService('  dynamic "deployment_circuit_breaker" {\n    for_each = var.breaker == null ? [] : [var.breaker]\n    content {\n      enable   = deployment_circuit_breaker.value.enable\n      rollback = deployment_circuit_breaker.value.rollback\n    }\n  }') },
    { name: 'Terraform: a dynamic deployment_controller block is unknown', filename: 'main.tf', code: tfService('  dynamic "deployment_controller" {\n    for_each = var.controller == null ? [] : [var.controller]\n    content {\n      type = deployment_controller.value\n    }\n  }') },
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
    {
      name: 'Terraform: no circuit breaker, on the service name label',
      filename: 'main.tf',
      code: tfService(''),
      errors: [{ messageId: 'noCircuitBreaker', line: 1, column: 28, endLine: 1, endColumn: 33, severity: 'info', message: /Add deployment_circuit_breaker with enable and rollback set to true\./ }],
    },
    {
      name: 'Terraform: no rollback',
      filename: 'main.tf',
      code: tfService('  deployment_circuit_breaker {\n    enable   = true\n    rollback = false\n  }'),
      errors: [{ messageId: 'noRollback', line: 4, column: 3, endLine: 4, endColumn: 29 }],
    },
  ],
});
