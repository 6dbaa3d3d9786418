import rule from '../../../../server/src/core/rules/ecs/valid-port-mappings';
import { runRuleTests } from '../../../helpers/ruleTester';
import { EXPRESS_CASES } from './expressShapes';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const tfContainers = (a: string, b = '') => `[
    { name = "app", image = "nginx:1.27", portMappings = [${a}] },${b ? `\n    { name = "side", image = "envoy:1.30", portMappings = [${b}] },` : ''}
  ]`;

const api = (mode: string, a: string, b = '') => `{
  "family": "web",${mode ? `\n  "networkMode": "${mode}",` : ''}
  "containerDefinitions": [
    { "name": "app", "image": "app:1", "portMappings": [${a}] },
    { "name": "side", "image": "side:1", "portMappings": [${b}] }
  ]
}`;

const cfn = (mode: string, mapping: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: ${mode}
      ContainerDefinitions:
        - Name: app
          Image: app:1
          PortMappings:
            - ${mapping}
`;

runRuleTests(rule, {
  valid: [
    ...EXPRESS_CASES.portMappings.valid,
    { name: 'tcp and udp on one port', code: api('awsvpc', '{ "containerPort": 53 }, { "containerPort": 53, "protocol": "udp" }') },
    { name: 'bridge: same container port in two containers', code: api('bridge', '{ "containerPort": 80 }', '{ "containerPort": 80 }') },
    { name: 'awsvpc: different ports', code: api('awsvpc', '{ "containerPort": 80 }', '{ "containerPort": 8080 }') },
    { name: 'port range in bridge mode', code: cfn('bridge', 'ContainerPortRange: "8000-8010"') },
    { name: 'reserved port inside the container is fine in bridge mode', code: api('', '{ "containerPort": 22 }') },
    { name: 'Terraform: awsvpc, two containers on two ports', filename: 'main.tf', code: tfTask('  network_mode = "awsvpc"', tfContainers('{ containerPort = 80 }', '{ containerPort = 9901 }')) },
    { name: 'Terraform: a port from a variable without a value', filename: 'main.tf', code: tfTask('', tfContainers('{ containerPort = var.port }')) + 'variable "port" {}\n' },
    { name: 'Terraform: a container definitions file read alone: the network mode is unknown', filename: 'containers.json', code: '[{ "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 22 }] }]' },
  ],
  invalid: [
    ...EXPRESS_CASES.portMappings.invalid,
    {
      name: 'port out of range',
      code: api('awsvpc', '{ "containerPort": 70000 }'),
      errors: [{ messageId: 'portOutOfRange', line: 5, column: 76, endLine: 5, endColumn: 81, severity: 'error' }],
    },
    {
      name: 'duplicate mapping in one container',
      code: api('bridge', '{ "containerPort": 80 }, { "containerPort": 80, "protocol": "TCP" }'),
      errors: [{ messageId: 'duplicateMapping', line: 5, column: 101, endLine: 5, endColumn: 103, message: /maps containerPort 80\/tcp twice/ }],
    },
    {
      name: 'awsvpc: two containers on one port',
      code: api('awsvpc', '{ "containerPort": 80 }', '{ "containerPort": 80, "hostPort": 80 }'),
      errors: [{ messageId: 'duplicateHostPort', line: 6, column: 94, endLine: 6, endColumn: 96, message: /container side clashes with the same port of container app/ }],
    },
    {
      name: 'none with port mappings',
      code: api('none', '{ "containerPort": 80 }'),
      errors: [{ messageId: 'noneWithPorts', line: 5, column: 40, endLine: 5, endColumn: 54 }],
    },
    {
      name: 'port range in host mode',
      code: cfn('host', 'ContainerPortRange: "8000-8010"'),
      errors: [{ messageId: 'portRangeMode', line: 10, column: 35, endLine: 10, endColumn: 46, message: /ECS rejects it in host mode/ }],
    },
    {
      name: 'reserved host port: a warning',
      code: cfn('bridge', '{ ContainerPort: 8080, HostPort: 2375 }'),
      errors: [{ messageId: 'reservedHostPort', line: 10, column: 48, endLine: 10, endColumn: 52, severity: 'warning' }],
    },
    {
      name: 'Terraform: jsonencode, a port out of range',
      filename: 'main.tf',
      code: tfTask('  network_mode = "awsvpc"', tfContainers('{ containerPort = 70000 }')),
      errors: [{ messageId: 'portOutOfRange', line: 5, column: 77, endLine: 5, endColumn: 82, severity: 'error' }],
    },
    {
      name: 'Terraform: awsvpc (from a variable default), two containers on one port',
      filename: 'main.tf',
      code: tfTask('  network_mode = var.mode', tfContainers('{ containerPort = 80 }', '{ containerPort = 80 }')) + 'variable "mode" {\n  default = "awsvpc"\n}\n',
      errors: [{ messageId: 'duplicateHostPort', line: 6, column: 78, endLine: 6, endColumn: 80, message: /port 80\/tcp of container side clashes with the same port of container app/ }],
    },
    {
      name: 'Terraform: heredoc, network_mode none with port mappings',
      filename: 'main.tf',
      code: tfTaskHeredoc('  network_mode = "none"', '[{"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 80}]}]'),
      errors: [{ messageId: 'noneWithPorts', line: 5, column: 45, endLine: 5, endColumn: 59 }],
    },
    {
      name: 'Terraform: a reserved host port in the JSON file that a bridge task reads',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 22 }] }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('  network_mode = "bridge"') }],
      errors: [{ messageId: 'reservedHostPort', line: 1, column: 94, endLine: 1, endColumn: 96, severity: 'warning' }],
    },
    {
      name: 'Terraform: a duplicate mapping and a port range in host mode',
      filename: 'main.tf',
      code: tfTask('  network_mode = "host"', tfContainers('{ containerPort = 80 }, { containerPort = 80, protocol = "tcp" }, { containerPortRange = "8000-8010" }')),
      errors: [
        { messageId: 'duplicateMapping', line: 5, column: 101, endLine: 5, endColumn: 103 },
        { messageId: 'portRangeMode', line: 5, column: 148, endLine: 5, endColumn: 159, message: /ECS rejects it in host mode/ },
      ],
    },
  ],
});
