import rule from '../../../../server/src/core/rules/ecs/require-fargate-task-size';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask } from './tfshapes';

const api = (size: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "networkMode": "awsvpc",${size}
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (size: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc${size}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { name: 'both given', code: api('\n  "cpu": "256",\n  "memory": "512",') },
    { name: 'EC2 needs no task size', code: api('', 'EC2') },
    { name: 'Managed Instances need no Fargate task size', code: api('', 'MANAGED_INSTANCES') },
    { name: 'CloudFormation parameters count as given', code: cfn('\n      Cpu: !Ref Cpu\n      Memory: !Ref Memory') },
    { name: 'Terraform: cpu and memory', filename: 'main.tf', code: tfTask('  requires_compatibilities = ["FARGATE"]\n  cpu                      = 256\n  memory                   = 512', '[]') },
    { name: 'Terraform: from variables without values', filename: 'main.tf', code: tfTask('  requires_compatibilities = ["FARGATE"]\n  cpu                      = var.cpu\n  memory                   = var.memory', '[]') },
  ],
  invalid: [
    {
      name: 'neither given',
      code: api(''),
      errors: [{ messageId: 'missingSize', line: 3, column: 3, endLine: 3, endColumn: 28, severity: 'error', message: /without cpu and memory/ }],
    },
    {
      name: 'CloudFormation without Memory',
      code: cfn('\n      Cpu: 256'),
      errors: [{ messageId: 'missingSize', line: 5, column: 7, endLine: 5, endColumn: 30, message: /without Memory\. Add Memory at the task level \(for example Memory: 512\)\./ }],
    },
    {
      name: 'Terraform: neither',
      filename: 'main.tf',
      code: tfTask('  requires_compatibilities = ["FARGATE"]', '[{ name = "app", image = "x:1", cpu = 256, memory = 512 }]'),
      errors: [{ messageId: 'missingSize', line: 3, column: 3, endLine: 3, endColumn: 27, message: /without cpu and memory\. Add cpu and memory at the task level \(for example cpu = "256", memory = "512"\)\./ }],
    },
  ],
});
