import rule from '../../../../server/src/core/rules/ecs/valid-managed-instances-network-mode';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask } from './tfshapes';

const api = (mode?: string, compat = '"MANAGED_INSTANCES"') => `{
  "family": "web",
  "requiresCompatibilities": [${compat}],${mode ? `\n  "networkMode": "${mode}",` : ''}
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (mode?: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities:
        - MANAGED_INSTANCES${mode ? `\n      NetworkMode: ${mode}` : ''}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

const tf = (mode: string) => tfTask(`  requires_compatibilities = ["MANAGED_INSTANCES"]${mode ? `\n  network_mode             = ${mode}` : ''}`, '[{ name = "app", image = "x:1" }]');

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc', code: api('awsvpc') },
    { name: 'host', code: api('host') },
    { name: 'none', code: api('none') },
    { name: 'EC2 may use bridge, or leave the mode out', code: api(undefined, '"EC2"') },
    { name: 'FARGATE too: require-awsvpc-for-fargate reports the mode', code: api('bridge', '"FARGATE", "MANAGED_INSTANCES"') },
    { name: 'CloudFormation: a mode from a parameter is unknown', code: cfn('!Ref NetworkMode') },
    { name: 'Terraform: awsvpc', filename: 'main.tf', code: tf('"awsvpc"') },
  ],
  invalid: [
    {
      name: 'bridge',
      code: api('bridge'),
      errors: [
        {
          messageId: 'wrongMode',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 26,
          severity: 'error',
          message: 'ECS Managed Instances run tasks in awsvpc, host, none network mode only, so a task definition that requires MANAGED_INSTANCES cannot use networkMode "bridge". Set networkMode to awsvpc (or host).',
        },
      ],
      output: api('awsvpc'),
    },
    {
      name: 'no mode: reported on the compatibilities',
      code: api(),
      errors: [{ messageId: 'missingMode', line: 3, column: 3, endLine: 3, endColumn: 28, message: /has no networkMode; .* Add "networkMode": "awsvpc"\.$/ }],
    },
    {
      name: 'CloudFormation: bridge',
      code: cfn('bridge'),
      errors: [{ messageId: 'wrongMode', line: 7, column: 20, endLine: 7, endColumn: 26, message: /cannot use NetworkMode "bridge"/ }],
      output: cfn('awsvpc'),
    },
    {
      name: 'CloudFormation: no mode',
      code: cfn(),
      errors: [{ messageId: 'missingMode', line: 5, column: 7, endLine: 5, endColumn: 30 }],
    },
    {
      name: 'Terraform: bridge',
      filename: 'main.tf',
      code: tf('"bridge"'),
      errors: [{ messageId: 'wrongMode', line: 4, column: 30, endLine: 4, endColumn: 38, message: /cannot use network_mode "bridge"/ }],
      output: tf('"awsvpc"'),
    },
  ],
});
