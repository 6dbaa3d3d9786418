import rule from '../../../../server/src/core/rules/ecs/valid-runtime-platform';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask } from './tfshapes';

const tfPlatform = (os: string, arch: string) => tfTask(`  requires_compatibilities = ["FARGATE"]\n  runtime_platform {\n    operating_system_family = ${os}\n    cpu_architecture        = ${arch}\n  }`, '[]');

const api = (os: string, arch: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "runtimePlatform": { "operatingSystemFamily": "${os}", "cpuArchitecture": "${arch}" },
  "containerDefinitions": [{ "name": "app", "image": "mcr.microsoft.com/windows/servercore:ltsc2022" }]
}`;

const cfn = (arch: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      RuntimePlatform:
        OperatingSystemFamily: WINDOWS_SERVER_2019_FULL
        CpuArchitecture: ${arch}
      ContainerDefinitions:
        - Name: app
          Image: app:1
`;

runRuleTests(rule, {
  valid: [
    { name: 'Windows on X86_64', code: api('WINDOWS_SERVER_2022_CORE', 'X86_64') },
    { name: 'Linux on ARM64', code: api('LINUX', 'ARM64') },
    { name: 'EC2 is out of scope', code: api('WINDOWS_SERVER_2022_CORE', 'ARM64', 'EC2') },
    { name: 'CloudFormation parameter', code: cfn('!Ref Arch') },
    { name: 'Terraform: Windows on X86_64', filename: 'main.tf', code: tfPlatform('"WINDOWS_SERVER_2022_CORE"', '"X86_64"') },
    { name: 'Terraform: Linux on ARM64', filename: 'main.tf', code: tfPlatform('"LINUX"', '"ARM64"') },
    { name: 'Terraform: the architecture from a variable without a value', filename: 'main.tf', code: tfPlatform('"WINDOWS_SERVER_2022_CORE"', 'var.arch') + 'variable "arch" {}\n' },
  ],
  invalid: [
    {
      name: 'Windows on ARM64',
      code: api('WINDOWS_SERVER_2022_CORE', 'ARM64'),
      errors: [{ messageId: 'windowsArm', line: 4, column: 96, endLine: 4, endColumn: 103, severity: 'error', message: /WINDOWS_SERVER_2022_CORE with cpuArchitecture ARM64/ }],
    },
    {
      name: 'CloudFormation',
      code: cfn('ARM64'),
      errors: [{ messageId: 'windowsArm', line: 8, column: 26, endLine: 8, endColumn: 31 }],
    },
    {
      name: 'Terraform: Windows on ARM64',
      filename: 'main.tf',
      code: tfPlatform('"WINDOWS_SERVER_2022_CORE"', '"ARM64"'),
      errors: [{ messageId: 'windowsArm', line: 6, column: 31, endLine: 6, endColumn: 38, message: /rejects operating_system_family WINDOWS_SERVER_2022_CORE with cpu_architecture ARM64\./ }],
    },
  ],
});
