import rule from '../../../../server/src/core/rules/ecs/valid-host-port-for-network-mode';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const tfMapping = (mode: string, mapping: string) => tfTask(`  network_mode = ${mode}`, `[{ name = "app", image = "nginx:1.27", portMappings = [${mapping}] }]`);

const api = (mode: string, mapping: string) => `{
  "family": "web",
  "networkMode": "${mode}",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "portMappings": [${mapping}] }
  ]
}`;

const cfn = (mode: string, hostPort: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: ${mode}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 8080
              HostPort: ${hostPort}
`;

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc, hostPort omitted', code: api('awsvpc', '{ "containerPort": 80 }') },
    { name: 'awsvpc, hostPort equal', code: api('awsvpc', '{ "containerPort": 80, "hostPort": 80 }') },
    { name: 'bridge allows a different hostPort', code: api('bridge', '{ "containerPort": 80, "hostPort": 8080 }') },
    { name: 'CloudFormation host mode, equal', code: cfn('host', '8080') },
    { name: 'intrinsic hostPort', code: cfn('awsvpc', '!Ref Port') },
    { name: 'Terraform: awsvpc, hostPort equal', filename: 'main.tf', code: tfMapping('"awsvpc"', '{ containerPort = 80, hostPort = 80 }') },
    { name: 'Terraform: bridge may map any host port', filename: 'main.tf', code: tfMapping('"bridge"', '{ containerPort = 80, hostPort = 8080 }') },
    { name: 'Terraform: the mode from a variable without a value', filename: 'main.tf', code: tfMapping('var.mode', '{ containerPort = 80, hostPort = 8080 }') + 'variable "mode" {}\n' },
    { name: 'Terraform: a container definitions file read alone', filename: 'containers.json', code: '[{ "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]' },
  ],
  invalid: [
    {
      name: 'awsvpc with another hostPort',
      code: api('awsvpc', '{ "containerPort": 80, "hostPort": 8080 }'),
      errors: [{ messageId: 'hostPortMismatch', line: 5, column: 97, endLine: 5, endColumn: 101, severity: 'error', message: /In awsvpc network mode .* Set hostPort to 80 or remove it/ }],
      output: api('awsvpc', '{ "containerPort": 80, "hostPort": 80 }'),
    },
    {
      name: 'awsvpc with dynamic hostPort 0',
      code: api('awsvpc', '{ "containerPort": 80, "hostPort": 0 }'),
      errors: [{ messageId: 'hostPortMismatch', line: 5, column: 97, endLine: 5, endColumn: 98 }],
      output: api('awsvpc', '{ "containerPort": 80, "hostPort": 80 }'),
    },
    {
      name: 'CloudFormation host mode',
      code: cfn('host', '80'),
      errors: [{ messageId: 'hostPortMismatch', line: 11, column: 25, endLine: 11, endColumn: 27 }],
      output: cfn('host', '8080'),
    },
    {
      name: 'Terraform: jsonencode, awsvpc with another hostPort',
      filename: 'main.tf',
      code: tfMapping('"awsvpc"', '{ containerPort = 80, hostPort = 8080 }'),
      errors: [{ messageId: 'hostPortMismatch', line: 4, column: 126, endLine: 4, endColumn: 130, message: /hostPort 8080 must be omitted or equal containerPort 80/ }],
      output: tfMapping('"awsvpc"', '{ containerPort = 80, hostPort = 80 }'),
    },
    {
      name: 'Terraform: heredoc, host mode',
      filename: 'main.tf',
      code: tfTaskHeredoc('  network_mode = "host"', '[{"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]'),
      errors: [{ messageId: 'hostPortMismatch', line: 5, column: 96, endLine: 5, endColumn: 100 }],
      output: tfTaskHeredoc('  network_mode = "host"', '[{"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 80, "hostPort": 80}]}]'),
    },
    {
      name: 'Terraform: the JSON file an awsvpc task reads with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('  network_mode = "awsvpc"') }],
      errors: [{ messageId: 'hostPortMismatch', line: 1, column: 94, endLine: 1, endColumn: 98 }],
      output: '[{ "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 80 }] }]',
    },
    {
      name: 'Terraform: the host port from a variable default: at its use, no fix',
      filename: 'main.tf',
      code: tfMapping('"awsvpc"', '{ containerPort = 80, hostPort = var.host_port }') + 'variable "host_port" {\n  default = 8080\n}\n',
      errors: [{ messageId: 'hostPortMismatch', line: 4, column: 126, endLine: 4, endColumn: 139, related: [{ line: 7, column: 13 }] }],
    },
  ],
});
