import rule from '../../../../server/src/core/rules/ecs/valid-deployment-strategy';
import { runRuleTests } from '../../../helpers/ruleTester';

const TG = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/blue/1';
const ADVANCED = '"advancedConfiguration": { "alternateTargetGroupArn": "green", "productionListenerRule": "rule", "roleArn": "role" }';

const api = (deployment: string, lb = `{ "targetGroupArn": "${TG}", "containerName": "app", "containerPort": 8080 }`, extra = '') => `{
  "serviceName": "web",
  "taskDefinition": "web",${extra}
  "deploymentConfiguration": ${deployment},
  "loadBalancers": [${lb}]
}`;

const cfn = (strategy: string, advanced: string) => `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: web
      DeploymentConfiguration:
        Strategy: ${strategy}
        BakeTimeInMinutes: 5
      LoadBalancers:
        - TargetGroupArn: ${TG}
          ContainerName: app
          ContainerPort: 8080
${advanced}`;

const tf = (advanced: string) => `resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web"
  deployment_configuration {
    strategy = "BLUE_GREEN"
  }
  load_balancer {
    target_group_arn = "${TG}"
    container_name   = "app"
    container_port   = 8080
${advanced}  }
}
`;

runRuleTests(rule, {
  valid: [
    {
      name: 'Terraform blue/green with advanced_configuration',
      filename: 'main.tf',
      code: tf('    advanced_configuration {\n      alternate_target_group_arn = "green"\n      production_listener_rule   = "rule"\n      role_arn                   = "role"\n    }\n'),
    },
    { name: 'rolling (no strategy)', filename: 'service.json', code: api('{ "maximumPercent": 200 }') },
    { name: 'blue/green with advancedConfiguration', filename: 'service.json', code: api('{ "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 10 }', `{ "targetGroupArn": "${TG}", "containerName": "app", "containerPort": 8080, ${ADVANCED} }`) },
    { name: 'blue/green without a load balancer', filename: 'service.json', code: api('{ "strategy": "BLUE_GREEN" }', '') },
    { name: 'linear with its configuration', filename: 'service.json', code: api('{ "strategy": "LINEAR", "linearConfiguration": { "stepPercent": 10 } }', '') },
    { name: 'a PAUSE hook needs no target', filename: 'service.json', code: api('{ "strategy": "BLUE_GREEN", "lifecycleHooks": [{ "targetType": "PAUSE", "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"] }] }', '') },
    { name: 'strategy from an intrinsic function', code: cfn('!Ref Strategy', '') },
    {
      name: 'CloudFormation blue/green with AdvancedConfiguration',
      code: cfn('BLUE_GREEN', '          AdvancedConfiguration:\n            AlternateTargetGroupArn: !Ref Green\n            ProductionListenerRule: !Ref Rule\n            RoleArn: !GetAtt Role.Arn\n'),
    },
  ],
  invalid: [
    {
      name: 'Terraform: blue/green without advanced_configuration',
      filename: 'main.tf',
      code: tf(''),
      errors: [{ messageId: 'missingAdvancedConfiguration', line: 8, column: 5, endLine: 8, endColumn: 21, message: /needs advanced_configuration with alternate_target_group_arn, production_listener_rule and role_arn;/ }],
    },
    {
      name: 'blue/green without advancedConfiguration',
      filename: 'service.json',
      code: api('{ "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 10 }'),
      errors: [
        {
          messageId: 'missingAdvancedConfiguration',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 39,
          severity: 'error',
          message: 'A BLUE_GREEN deployment shifts traffic between two target groups, so this load balancer needs advancedConfiguration with alternateTargetGroupArn, productionListenerRule and roleArn; ECS rejects the service without it.',
        },
      ],
    },
    {
      name: 'canary with CodeDeploy',
      filename: 'service.json',
      code: api('{ "strategy": "CANARY" }', `{ "targetGroupArn": "${TG}", ${ADVANCED} }`, '\n  "deploymentController": { "type": "CODE_DEPLOY" },'),
      errors: [{ messageId: 'needsEcsController', line: 5, column: 44, endLine: 5, endColumn: 52, message: /^The CANARY deployment strategy is ECS's own traffic shifting, so it needs the ECS deployment controller; this service uses CODE_DEPLOY/ }],
    },
    {
      name: 'linearConfiguration with canary, and a Lambda hook without its function',
      filename: 'service.json',
      code: api('{ "strategy": "CANARY", "linearConfiguration": { "stepPercent": 10 }, "lifecycleHooks": [{ "lifecycleStages": ["PRE_SCALE_UP"] }] }', ''),
      errors: [
        { messageId: 'settingForOtherStrategy', line: 4, column: 54, endLine: 4, endColumn: 75, message: 'linearConfiguration applies only to the LINEAR strategy, and this service deploys with CANARY, so ECS rejects it. Set strategy to LINEAR, or remove linearConfiguration.' },
        { messageId: 'lambdaHookWithoutTarget', line: 4, column: 119, endLine: 4, endColumn: 158 },
      ],
    },
    {
      name: 'CloudFormation: AdvancedConfiguration without the role',
      code: cfn('LINEAR', '          AdvancedConfiguration:\n            AlternateTargetGroupArn: !Ref Green\n            ProductionListenerRule: !Ref Rule\n'),
      errors: [{ messageId: 'missingAdvancedSetting', line: 13, column: 11, endLine: 13, endColumn: 32, message: /^AdvancedConfiguration lacks RoleArn/ }],
    },
  ],
});
