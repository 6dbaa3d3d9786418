import rule from '../../../../server/src/core/rules/ecs/valid-task-definition-size';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile } from './tfshapes';

const tfContainers = (n: number) => `[${Array.from({ length: n }, (_, i) => `{ name = "c${i}", image = "app:1" }`).join(', ')}]`;
const bigValue = 'x'.repeat(70000);

const containers = (n: number) => Array.from({ length: n }, (_, i) => `{ "name": "c${i}", "image": "app:1" }`).join(', ');
const api = (n: number, extra = '') => `{
  "family": "web",${extra}
  "containerDefinitions": [${containers(n)}]
}`;
const bigEnv = `\n  "tags": [{ "key": "note", "value": "${'x'.repeat(70000)}" }],`;

runRuleTests(rule, {
  valid: [
    { name: 'ten containers', code: api(10) },
    {
      name: 'an intrinsic makes the deployed size unknown',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub '\${AWS::StackName}-${'x'.repeat(70000)}'
      ContainerDefinitions:
        - Name: app
          Image: app:1
`,
    },
    { name: 'Terraform: ten containers', filename: 'main.tf', code: tfTask('', tfContainers(10)) },
    { name: 'Terraform: a large unknown value is not counted', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "x:1", environment = [{ name = "BIG", value = var.big }] }]') },
    { name: 'Terraform: long task-level arguments are not the container definitions', filename: 'main.tf', code: tfTask(`  tags = { note = "${'x'.repeat(60000)}" }`, tfContainers(1)) },
  ],
  invalid: [
    {
      name: 'eleven containers',
      code: api(11),
      errors: [{ messageId: 'tooManyContainers', line: 3, column: 3, endLine: 3, endColumn: 25, severity: 'error', message: /has 11 containers; ECS allows at most 10/ }],
    },
    {
      name: 'over 64 KiB',
      code: api(1, bigEnv),
      errors: [{ messageId: 'tooLarge', line: 4, column: 3, endLine: 4, endColumn: 25, message: /is 68\.\d KiB as compact JSON; ECS allows at most 64 KiB/ }],
    },
    {
      name: 'CloudFormation with eleven containers',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
${Array.from({ length: 11 }, (_, i) => `        - { Name: c${i}, Image: 'app:1' }`).join('\n')}
`,
      errors: [{ messageId: 'tooManyContainers', line: 5, column: 7, endLine: 5, endColumn: 27 }],
    },
    {
      name: 'Terraform: eleven containers',
      filename: 'main.tf',
      code: tfTask('', tfContainers(11)),
      errors: [{ messageId: 'tooManyContainers', line: 4, column: 3, endLine: 4, endColumn: 24, message: /has 11 containers/ }],
    },
    {
      name: 'Terraform: the container definitions alone are over 64 KiB; an unknown value makes it a lower bound',
      filename: 'main.tf',
      code: tfTask('', `[{ name = "app", image = var.image, environment = [{ name = "BIG", value = "${bigValue}" }] }]`),
      errors: [{ messageId: 'tooLarge', line: 4, column: 3, endLine: 4, endColumn: 24, message: /^This task definition is at least 68\.\d KiB as compact JSON/ }],
    },
    {
      name: 'Terraform: in a JSON file read with file(), reported on container_definitions',
      filename: 'main.tf',
      code: tfTaskFile(''),
      workspace: [{ filename: 'containers.json', code: `[{ "name": "app", "image": "x:1", "environment": [{ "name": "BIG", "value": "${bigValue}" }] }]` }],
      errors: [{ messageId: 'tooLarge', line: 4, column: 3, endLine: 4, endColumn: 24, message: /^This task definition is 68\.\d KiB/ }],
    },
  ],
});
