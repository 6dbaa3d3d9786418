import rule from '../../../../server/src/core/rules/ecs/valid-ephemeral-storage';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask } from './tfshapes';

const tfStorage = (size: string) => tfTask(`  ephemeral_storage {\n    size_in_gib = ${size}\n  }`, '[]');

const api = (size: string) => `{
  "family": "web",
  "ephemeralStorage": { "sizeInGiB": ${size} },
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (size: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      EphemeralStorage:
        SizeInGiB: ${size}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { name: 'lower bound', code: api('21') },
    { name: 'upper bound', code: api('200') },
    { name: 'CloudFormation', code: cfn('100') },
    { name: 'CloudFormation parameter', code: cfn('!Ref Size') },
    { name: 'Terraform: 200 GiB', filename: 'main.tf', code: tfStorage('200') },
    { name: 'Terraform: from a variable without a value', filename: 'main.tf', code: tfStorage('var.size') + 'variable "size" {}\n' },
  ],
  invalid: [
    {
      name: 'the default 20 cannot be written',
      code: api('20'),
      errors: [{ messageId: 'outOfRange', line: 3, column: 38, endLine: 3, endColumn: 40, severity: 'error', message: /between 21 and 200 GiB; RegisterTaskDefinition rejects 20/ }],
    },
    {
      name: 'CloudFormation above 200',
      code: cfn('500'),
      errors: [{ messageId: 'outOfRange', line: 6, column: 20, endLine: 6, endColumn: 23 }],
    },
    {
      name: 'Terraform: 250 GiB',
      filename: 'main.tf',
      code: tfStorage('250'),
      errors: [{ messageId: 'outOfRange', line: 4, column: 19, endLine: 4, endColumn: 22, message: 'ephemeral_storage.size_in_gib must be between 21 and 200 GiB; RegisterTaskDefinition rejects 250. For the default 20 GiB, remove ephemeral_storage; otherwise choose a size within the range.' }],
    },
    {
      name: 'Terraform: from terraform.tfvars',
      filename: 'main.tf',
      code: tfStorage('var.size') + 'variable "size" {}\n',
      workspace: [{ filename: 'terraform.tfvars', code: 'size = 10\n' }],
      errors: [{ messageId: 'outOfRange', line: 4, column: 19, endLine: 4, endColumn: 27, related: [{ line: 1, column: 8, filename: 'terraform.tfvars' }] }],
    },
  ],
});
