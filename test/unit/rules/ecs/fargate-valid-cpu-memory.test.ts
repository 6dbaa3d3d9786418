import rule from '../../../../server/src/core/rules/ecs/fargate-valid-cpu-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { EXPRESS_CASES } from './expressShapes';

const api = (cpu: string, memory: string, extra = '') => `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",${extra}
  "cpu": ${cpu},
  "memory": ${memory},
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (cpu: string, memory: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: ${cpu}
      Memory: ${memory}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

const tf = (cpu: string, memory: string, extra = '') => `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = ${cpu}
  memory                   = ${memory}${extra}
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
`;

const windows = '\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },';

runRuleTests(rule, {
  valid: [
    ...EXPRESS_CASES.fargateSize.valid,
    { name: 'smallest size', code: api('"256"', '"512"') },
    { name: '8 vCPU, 60 GB', code: api('"8192"', '"61440"') },
    { name: '16 vCPU, 120 GB', code: api('"16384"', '"122880"') },
    { name: '32 vCPU, 60 GB', code: api('"32768"', '"61440"') },
    { name: '32 vCPU, 244 GB', code: api('"32768"', '"249856"') },
    { name: '32 vCPU and GB strings', code: api('"32 vCPU"', '"120 GB"') },
    { name: 'CloudFormation 32 vCPU', code: cfn('32768', '249856') },
    { name: 'Terraform 32 vCPU', filename: 'main.tf', code: tf('32768', '"244 GB"') },
    { name: 'vCPU and GB strings', code: api('"1 vCPU"', '"2 GB"') },
    { name: 'Managed Instances only: not held to Fargate sizes', code: api('"256"', '"4096"').replace('"FARGATE"', '"MANAGED_INSTANCES"') },
    { name: 'EC2 only: no Fargate table', code: api('"256"', '"4096"').replace('"FARGATE"', '"EC2"').replace('"awsvpc"', '"bridge"') },
    { name: 'CloudFormation numbers', code: cfn('1024', '3072') },
    { name: 'CloudFormation intrinsic stays unknown', code: cfn('256', '!Ref TaskMemory') },
    { name: 'Windows with 1 vCPU', code: api('"1024"', '"2048"', '\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },') },
    { name: 'Terraform: sizes from variables without values', filename: 'main.tf', code: tf('var.cpu', 'var.memory') + 'variable "cpu" {}\nvariable "memory" {}\n' },
    { name: 'Terraform: quoted strings', filename: 'main.tf', code: tf('"1024"', '"3072"') },
    {
      name: 'Terraform: a local module called twice with different sizes: the variable is unknown there',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {}\n',
      workspace: [{ filename: 'main.tf', code: 'module "api" {\n  source = "./modules/svc"\n  memory = 4096\n}\n\nmodule "worker" {\n  source = "./modules/svc"\n  memory = 512\n}\n' }],
    },
    {
      name: 'Terraform: a module argument Berth cannot know (a resource attribute)',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {}\n',
      workspace: [{ filename: 'main.tf', code: 'module "api" {\n  source = "./modules/svc"\n  memory = aws_ssm_parameter.memory.value\n}\n' }],
    },
    {
      name: 'Terraform: a remote module is never read',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {}\n',
      workspace: [{ filename: 'main.tf', code: 'module "api" {\n  source = "terraform-aws-modules/svc/aws"\n  memory = 4096\n}\n' }],
    },
    {
      name: "Terraform: a called module's terraform.tfvars does not apply (Terraform reads it only for a root module)",
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {\n  default = 512\n}\n',
      workspace: [
        { filename: 'modules/svc/terraform.tfvars', code: 'memory = 4096\n' },
        { filename: 'main.tf', code: 'module "api" {\n  source = "./modules/svc"\n}\n' },
      ],
    },
    {
      name: 'Terraform: modules that call each other in a cycle: unknown, and no hang',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {}\n\nmodule "loop" {\n  source = "../../other"\n  size   = var.memory\n}\n',
      workspace: [{ filename: 'other/main.tf', code: 'variable "size" {}\n\nmodule "back" {\n  source = "../modules/svc"\n  memory = var.size\n}\n' }],
    },
  ],
  invalid: [
    ...EXPRESS_CASES.fargateSize.invalid,
    {
      name: 'too much memory for 0.25 vCPU',
      code: api('"256"', '"4096"'),
      errors: [
        {
          messageId: 'invalidCombination',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 19,
          severity: 'error',
          message:
            'Fargate does not offer 4096 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB.',
        },
      ],
      output: api('"256"', '"2048"'),
    },
    {
      name: '8 vCPU takes 4 GB steps',
      code: api('"8192"', '"18432"'),
      errors: [{ messageId: 'invalidCombination', line: 6, column: 13, endLine: 6, endColumn: 20 }],
      output: api('"8192"', '"20480"'),
    },
    {
      name: '16 vCPU takes 8 GB steps',
      code: api('"16384"', '"36864"'),
      errors: [{ messageId: 'invalidCombination', line: 6, column: 13, endLine: 6, endColumn: 20 }],
      output: api('"16384"', '"40960"'),
    },
    {
      name: 'GB strings keep their unit in the fix',
      code: api('"1 vCPU"', '"1 GB"'),
      errors: [{ messageId: 'invalidCombination', line: 6, column: 13, endLine: 6, endColumn: 19 }],
      output: api('"1 vCPU"', '"2 GB"'),
    },
    {
      name: '32 vCPU takes 60, 120 or 244 GB only: the nearest',
      code: api('"32768"', '"200000"'),
      errors: [
        {
          messageId: 'invalidCombination',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 21,
          message:
            'Fargate does not offer 200000 MiB of memory with 32 vCPU, so RegisterTaskDefinition rejects this task definition. With 32 vCPU, memory must be 61440, 122880, 249856 MiB; the nearest is 249856 MiB.',
        },
      ],
      output: api('"32768"', '"249856"'),
    },
    {
      name: '32 vCPU with 64 GB: the nearest is 60 GB',
      code: api('"32 vCPU"', '"64 GB"'),
      errors: [{ messageId: 'invalidCombination', line: 6, column: 13, endLine: 6, endColumn: 20 }],
      output: api('"32 vCPU"', '"60 GB"'),
    },
    {
      name: 'CloudFormation 32 vCPU with 128 GB',
      code: cfn('32768', '131072'),
      errors: [{ messageId: 'invalidCombination', line: 9, column: 15, endLine: 9, endColumn: 21 }],
      output: cfn('32768', '122880'),
    },
    {
      name: 'Terraform 32 vCPU with 32 GB',
      filename: 'main.tf',
      code: tf('32768', '32768'),
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 35 }],
      output: tf('32768', '61440'),
    },
    {
      name: 'Terraform: a cpu Fargate does not offer',
      filename: 'main.tf',
      code: tf('"65536"', '"131072"'),
      errors: [{ messageId: 'invalidCpu', line: 5, column: 30, endLine: 5, endColumn: 37, message: /use one of 256, 512, 1024, 2048, 4096, 8192, 16384, 32768\./ }],
    },
    {
      name: '32 vCPU is Linux only',
      code: api('"32768"', '"61440"', windows),
      errors: [
        {
          messageId: 'linuxOnlyCpu',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 17,
          message: 'Fargate offers 32 vCPU (32768 units) to Linux tasks only, and this task runs WINDOWS_SERVER_2022_CORE. Use one of 1024, 2048, 4096, 8192, 16384 for Windows.',
        },
      ],
    },
    {
      name: 'unknown cpu',
      code: api('"300"', '"1024"'),
      errors: [{ messageId: 'invalidCpu', line: 5, column: 10, endLine: 5, endColumn: 15 }],
    },
    {
      name: 'Windows below 1 vCPU',
      code: api('"512"', '"1024"', windows),
      errors: [{ messageId: 'windowsMinCpu', line: 6, column: 10, endLine: 6, endColumn: 15 }],
    },
    {
      name: 'CloudFormation shape',
      code: cfn('512', '512'),
      errors: [{ messageId: 'invalidCombination', line: 9, column: 15, endLine: 9, endColumn: 18 }],
      output: cfn('512', '1024'),
    },
    {
      name: 'CloudFormation quoted string keeps its quotes',
      code: cfn("'2048'", "'2048'"),
      errors: [{ messageId: 'invalidCombination', line: 9, column: 15, endLine: 9, endColumn: 21 }],
      output: cfn("'2048'", "'4096'"),
    },
    {
      name: 'Terraform: a quoted memory keeps its quotes',
      filename: 'main.tf',
      code: tf('"256"', '"4096"'),
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 36, message: /the nearest is 2048 MiB\./ }],
      output: tf('"256"', '"2048"'),
    },
    {
      name: 'Terraform: the memory from terraform.tfvars: at its use, no fix',
      filename: 'main.tf',
      code: tf('512', 'var.memory') + 'variable "memory" {}\n',
      workspace: [{ filename: 'terraform.tfvars', code: 'memory = 512\n' }],
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 40, related: [{ line: 1, column: 10, filename: 'terraform.tfvars' }] }],
    },
    {
      name: 'Terraform: the size from locals in another file: at its use, pointing at the local',
      filename: 'main.tf',
      code: tf('local.cpu', 'local.memory'),
      workspace: [{ filename: 'locals.tf', code: 'locals {\n  cpu    = 2048\n  memory = 2048\n}\n' }],
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 42, related: [{ line: 3, column: 12, filename: 'locals.tf' }] }],
    },
    {
      name: 'Terraform: the memory a local module is called with: at its use in the module, pointing at the argument, no fix',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {}\n',
      workspace: [{ filename: 'main.tf', code: 'module "api" {\n  source = "./modules/svc"\n  memory = 4096\n}\n' }],
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 40, related: [{ line: 3, column: 12, filename: 'main.tf' }] }],
    },
    {
      name: 'Terraform: two calls that agree, one through the default, one through a variable of the calling module',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {\n  default = 4096\n}\n',
      workspace: [
        { filename: 'main.tf', code: 'module "api" {\n  source = "./modules/svc"\n}\n\nmodule "worker" {\n  source = "./modules/svc"\n  memory = var.worker_memory\n}\n\nvariable "worker_memory" {}\n' },
        { filename: 'terraform.tfvars', code: 'worker_memory = 4096\n' },
      ],
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 40, related: [{ line: 10, column: 13 }] }],
    },
    {
      name: 'Terraform: a module calling a module: the value passed down two levels',
      filename: 'modules/svc/main.tf',
      code: tf('256', 'var.memory') + 'variable "memory" {}\n',
      workspace: [
        { filename: 'main.tf', code: 'module "stack" {\n  source = "./stack"\n  size   = 4096\n}\n' },
        { filename: 'stack/main.tf', code: 'variable "size" {}\n\nmodule "svc" {\n  source = "../modules/svc"\n  memory = var.size\n}\n' },
      ],
      errors: [{ messageId: 'invalidCombination', line: 6, column: 30, endLine: 6, endColumn: 40, related: [{ line: 3, column: 12, filename: 'main.tf' }] }],
    },
  ],
});
