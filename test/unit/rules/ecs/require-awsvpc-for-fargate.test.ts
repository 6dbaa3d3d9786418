import rule from '../../../../server/src/core/rules/ecs/require-awsvpc-for-fargate';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask } from './tfshapes';

const tfFargate = (mode: string) => tfTask(`  requires_compatibilities = ["FARGATE"]${mode ? `\n  network_mode             = ${mode}` : ''}`, '[{ name = "app", image = "x:1" }]');

const api = (mode?: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],${mode ? `\n  "networkMode": "${mode}",` : ''}
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (mode: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities:
        - FARGATE
      NetworkMode: ${mode}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc', code: api('awsvpc') },
    { name: 'EC2 may use bridge', code: api('bridge', 'EC2') },
    { name: 'EC2 may omit networkMode', code: api(undefined, 'EC2') },
    { name: 'CloudFormation awsvpc', code: cfn('awsvpc') },
    { name: 'CloudFormation parameter', code: cfn('!Ref NetworkMode') },
    { name: 'Terraform: awsvpc', filename: 'main.tf', code: tfFargate('"awsvpc"') },
    { name: 'Terraform: a mode from a variable without a value', filename: 'main.tf', code: tfFargate('var.mode') + 'variable "mode" {}\n' },
    { name: 'Terraform: compatibilities from a variable without a value', filename: 'main.tf', code: tfTask('  requires_compatibilities = var.compat\n  network_mode = "bridge"', '[]') + 'variable "compat" {}\n' },
  ],
  invalid: [
    {
      name: 'bridge on Fargate',
      code: api('bridge'),
      errors: [{ messageId: 'wrongMode', line: 4, column: 18, endLine: 4, endColumn: 26, severity: 'error' }],
      output: api('awsvpc'),
    },
    {
      name: 'omitted networkMode means bridge',
      code: api(),
      errors: [{ messageId: 'missingMode', line: 3, column: 3, endLine: 3, endColumn: 28 }],
    },
    {
      name: 'CloudFormation host',
      code: cfn('host'),
      errors: [{ messageId: 'wrongMode', line: 7, column: 20, endLine: 7, endColumn: 24 }],
      output: cfn('awsvpc'),
    },
    {
      name: 'Terraform: bridge with FARGATE, fixed in HCL',
      filename: 'main.tf',
      code: tfFargate('"bridge"'),
      errors: [{ messageId: 'wrongMode', line: 4, column: 30, endLine: 4, endColumn: 38, message: 'Fargate tasks run only in awsvpc network mode, so RegisterTaskDefinition rejects network_mode "bridge" with FARGATE compatibility. Set network_mode to awsvpc.' }],
      output: tfFargate('"awsvpc"'),
    },
    {
      name: 'Terraform: no network_mode',
      filename: 'main.tf',
      code: tfFargate(''),
      errors: [{ messageId: 'missingMode', line: 3, column: 3, endLine: 3, endColumn: 27, message: /has no network_mode, which means bridge; .* Add network_mode = "awsvpc"\./ }],
    },
    {
      name: 'Terraform: the mode from a variable default: at its use, no fix',
      filename: 'main.tf',
      code: tfFargate('var.mode') + 'variable "mode" {\n  default = "host"\n}\n',
      errors: [{ messageId: 'wrongMode', line: 4, column: 30, endLine: 4, endColumn: 38, related: [{ line: 8, column: 13 }] }],
    },
  ],
});
