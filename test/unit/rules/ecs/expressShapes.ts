/**
 * ECS Express Mode cases (model/express.ts) for the task definition rules that judge what an Express service lets a
 * user set: each rule's table spreads its cases in, in API input (create-express-gateway-service), in
 * AWS::ECS::ExpressGatewayService and in Terraform's aws_ecs_express_gateway_service (arguments as the provider names them). express.test.ts checks the rest (kind, silence of the other rules, hover, completion).
 */
import type { InvalidCase, ValidCase } from '../../../helpers/ruleTester';

const INFRA = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';

/** create-express-gateway-service input; `settings` are lines of top-level keys, `container` of primaryContainer. */
export const expressApi = (settings: string, container = '"image": "nginx:1.27"') => `{
  "serviceName": "api",
  "infrastructureRoleArn": "${INFRA}",${settings}
  "primaryContainer": { ${container} }
}`;

/** AWS::ECS::ExpressGatewayService; `settings` and `container` are YAML lines at their indentation. */
export const expressCfn = (settings: string, container = '        Image: nginx:1.27') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ECS::ExpressGatewayService
    Properties:
      InfrastructureRoleArn: ${INFRA}${settings}
      PrimaryContainer:
${container}
`;

/** aws_ecs_express_gateway_service; `settings` are argument lines, `container` the lines of primary_container. */
export const expressTf = (settings: string, container = '    image = "nginx:1.27"') => `resource "aws_ecs_express_gateway_service" "api" {
  infrastructure_role_arn = "${INFRA}"${settings}

  primary_container {
${container}
  }
}
`;

const api = expressApi;
const cfn = expressCfn;
const tf = expressTf;
const TF = 'main.tf';

type Table = { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] };

/** By rule: the Express cases of its table. */
export const EXPRESS_CASES: Readonly<Record<'fargateSize' | 'floatingTag' | 'plaintextSecrets' | 'separateRoles' | 'executionRole' | 'portMappings', Table>> = {
  fargateSize: {
  valid: [
    { name: 'API: a Fargate size', code: api('\n  "cpu": "1024",\n  "memory": "2048",') },
    { name: 'API: no size (Express defaults to 256/512)', code: api('') },
    { name: 'API: only cpu written (the memory ECS picks is not known here)', code: api('\n  "cpu": "4096",') },
    { name: 'CloudFormation: 32 vCPU with 120 GB', code: cfn("\n      Cpu: '32768'\n      Memory: '122880'") },
    { name: 'CloudFormation: a size from a parameter', code: cfn("\n      Cpu: '256'\n      Memory: !Ref Memory") },
    { name: 'Terraform: a Fargate size', filename: TF, code: tf('\n  cpu                     = "1024"\n  memory                  = "2048"') },
    { name: 'Terraform: sizes from variables without values', filename: TF, code: tf('\n  cpu                     = var.cpu\n  memory                  = var.memory') + 'variable "cpu" {}\nvariable "memory" {}\n' },
    {
      name: 'a task definition of its own: ECS writes no task from the service',
      code: `{
  "infrastructureRoleArn": "${INFRA}",
  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:3",
  "cpu": "256",
  "memory": "4096"
}`,
    },
  ],
  invalid: [
    {
      name: 'API: too much memory for 0.25 vCPU, with the nearest size as the fix',
      code: api('\n  "cpu": "256",\n  "memory": "4096",'),
      errors: [
        {
          messageId: 'invalidCombination',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 19,
          severity: 'error',
          message:
            'Fargate does not offer 4096 MiB of memory with 0.25 vCPU, so CreateExpressGatewayService rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB.',
        },
      ],
      output: api('\n  "cpu": "256",\n  "memory": "2048",'),
    },
    {
      name: 'API: a cpu Fargate does not offer',
      code: api('\n  "cpu": "3072",\n  "memory": "8192",'),
      errors: [{ messageId: 'invalidCpu', line: 4, column: 10, endLine: 4, endColumn: 16, message: /^Fargate does not offer 3072 CPU units\. CreateExpressGatewayService rejects it;/ }],
    },
    {
      name: 'CloudFormation: 1 GB with 1 vCPU',
      code: cfn("\n      Cpu: '1024'\n      Memory: '1024'"),
      errors: [{ messageId: 'invalidCombination', line: 8, column: 15, endLine: 8, endColumn: 21 }],
      output: cfn("\n      Cpu: '1024'\n      Memory: '2048'"),
    },
    {
      name: 'Terraform: too much memory for 0.25 vCPU, with the nearest size as the fix',
      filename: TF,
      code: tf('\n  cpu                     = "256"\n  memory                  = "4096"'),
      errors: [{ messageId: 'invalidCombination', line: 4, column: 29, endLine: 4, endColumn: 35, severity: 'error', message: /^Fargate does not offer 4096 MiB of memory with 0\.25 vCPU, so CreateExpressGatewayService rejects/ }],
      output: tf('\n  cpu                     = "256"\n  memory                  = "2048"'),
    },
  ],
  },

  floatingTag: {
  valid: [
    { name: 'API: a pinned tag', code: api('') },
    { name: 'CloudFormation: a digest', code: cfn('', '        Image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000') },
  ],
  invalid: [
    {
      name: 'API: :latest in the primary container, which ECS names Main',
      code: api('', '"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:latest"'),
      errors: [{ messageId: 'latest', line: 4, column: 34, endLine: 4, endColumn: 91, message: /^Container Main uses image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/api:latest with the :latest tag\./ }],
    },
    {
      name: 'CloudFormation: no tag',
      code: cfn('', '        Image: public.ecr.aws/nginx/nginx'),
      errors: [{ messageId: 'untagged', line: 8, column: 16, endLine: 8, endColumn: 42 }],
    },
    {
      name: 'Terraform: :latest in primary_container',
      filename: TF,
      code: tf('', '    image = "nginx:latest"'),
      errors: [{ messageId: 'latest', line: 5, column: 13, endLine: 5, endColumn: 27, message: /^Container Main uses image nginx:latest with the :latest tag\./ }],
    },
  ],
  },

  plaintextSecrets: {
  valid: [{ name: 'API: a plain setting', code: api('', '"image": "nginx:1.27", "environment": [{ "name": "LOG_LEVEL", "value": "debug" }]') }],
  invalid: [
    {
      name: 'API: a password in the environment moves to secrets',
      code: api('', '"image": "nginx:1.27", "environment": [{ "name": "DB_PASSWORD", "value": "hunter2hunter2" }]'),
      errors: [{ messageId: 'secretName', line: 4, column: 98, endLine: 4, endColumn: 114, message: /^Environment variable DB_PASSWORD of container Main looks like a secret/ }],
      output: api('', '"image": "nginx:1.27", "environment": [], "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:DB_PASSWORD" }]'),
    },
    {
      name: 'CloudFormation: an API token in the environment',
      code: cfn('', '        Image: nginx:1.27\n        Environment:\n          - Name: API_TOKEN\n            Value: 7f3a9c2e5b1d4f8a'),
      errors: [{ messageId: 'secretName', line: 11, column: 20, endLine: 11, endColumn: 36 }],
    },
    {
      name: 'Terraform: a password in an environment block; the message names the secret block and value_from (no fix in HCL)',
      filename: TF,
      code: tf('', '    image = "nginx:1.27"\n\n    environment {\n      name  = "DB_PASSWORD"\n      value = "hunter2hunter2"\n    }'),
      errors: [
        {
          messageId: 'secretName',
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 31,
          message:
            'Environment variable DB_PASSWORD of container Main looks like a secret, written in plain text: anyone who can describe the task definition can read it. Move it to a secret block with value_from pointing at a Secrets Manager secret or an SSM SecureString parameter.',
        },
      ],
    },
  ],
  },

  separateRoles: {
  valid: [{ name: 'API: two roles', code: api('\n  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",\n  "taskRoleArn": "arn:aws:iam::123456789012:role/app",') }],
  invalid: [
    {
      name: 'API: one role for both',
      code: api('\n  "executionRoleArn": "arn:aws:iam::123456789012:role/app",\n  "taskRoleArn": "arn:aws:iam::123456789012:role/app",'),
      errors: [{ messageId: 'sameRole', line: 5, column: 18, endLine: 5, endColumn: 54, severity: 'info' }],
    },
    {
      name: 'CloudFormation: the same GetAtt twice',
      code: cfn('\n      ExecutionRoleArn: !GetAtt AppRole.Arn\n      TaskRoleArn: !GetAtt AppRole.Arn') + '  AppRole:\n    Type: AWS::IAM::Role\n',
      errors: [{ messageId: 'sameRole', line: 8, column: 20, endLine: 8, endColumn: 39, message: /^TaskRoleArn and ExecutionRoleArn are the same role\./ }],
    },
    {
      name: 'Terraform: the same aws_iam_role twice',
      filename: TF,
      code: tf('\n  execution_role_arn      = aws_iam_role.app.arn\n  task_role_arn           = aws_iam_role.app.arn'),
      errors: [{ messageId: 'sameRole', line: 4, column: 29, endLine: 4, endColumn: 49, message: /^task_role_arn and execution_role_arn are the same role\./ }],
    },
  ],
  },

  executionRole: {
  valid: [
    { name: 'API: secrets with an execution role', code: api('\n  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",', '"image": "nginx:1.27", "secrets": [{ "name": "T", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/t" }]') },
    { name: 'API: a public image and no secrets need no execution role here', code: api('') },
    {
      name: 'Terraform: a secret block with execution_role_arn',
      filename: TF,
      code: tf('\n  execution_role_arn      = aws_iam_role.exec.arn', '    image = "nginx:1.27"\n\n    secret {\n      name       = "T"\n      value_from = "arn:aws:ssm:us-east-1:123456789012:parameter/t"\n    }'),
    },
  ],
  invalid: [
    {
      name: 'API: secrets without an execution role',
      code: api('', '"image": "nginx:1.27", "secrets": [{ "name": "T", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/t" }]'),
      errors: [{ messageId: 'secrets', line: 4, column: 48, endLine: 4, endColumn: 57, message: /^Container secrets are fetched by ECS with the task execution role, and CreateExpressGatewayService rejects secrets without an execution role\. Add executionRoleArn/ }],
    },
    {
      name: 'CloudFormation: a private ECR image without an execution role (a warning: the pull fails at run time)',
      code: cfn('', '        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.2'),
      errors: [{ messageId: 'privateEcr', line: 8, column: 16, endLine: 8, endColumn: 70, severity: 'warning', message: /Add ExecutionRoleArn/ }],
    },
    {
      name: 'Terraform: a secret block without execution_role_arn',
      filename: TF,
      code: tf('', '    image = "nginx:1.27"\n\n    secret {\n      name       = "T"\n      value_from = "arn:aws:ssm:us-east-1:123456789012:parameter/t"\n    }'),
      errors: [{ messageId: 'secrets', line: 7, column: 5, endLine: 7, endColumn: 11, message: /rejects secrets without an execution role\. Add execution_role_arn/ }],
    },
  ],
  },

  portMappings: {
  valid: [{ name: 'API: port 8080', code: api('', '"image": "nginx:1.27", "containerPort": 8080') }],
  invalid: [
    {
      name: 'API: a port past 65535',
      code: api('', '"image": "nginx:1.27", "containerPort": 70000'),
      errors: [{ messageId: 'portOutOfRange', line: 4, column: 65, endLine: 4, endColumn: 70 }],
    },
    {
      name: 'CloudFormation: a negative port',
      code: cfn('', '        Image: nginx:1.27\n        ContainerPort: -1'),
      errors: [{ messageId: 'portOutOfRange', line: 9, column: 24, endLine: 9, endColumn: 26 }],
    },
    {
      name: 'Terraform: container_port past 65535',
      filename: TF,
      code: tf('', '    image          = "nginx:1.27"\n    container_port = 70000'),
      errors: [{ messageId: 'portOutOfRange', line: 6, column: 22, endLine: 6, endColumn: 27 }],
    },
  ],
  },
};
