import rule from '../../../../server/src/core/rules/ecs/valid-fargate-platform-version';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService, tfTask } from './tfshapes';

const tfLargeTask = { filename: 'task.tf', code: tfTask('  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"\n  cpu                      = 8192\n  memory                   = 16384\n  ephemeral_storage {\n    size_in_gib = 100\n  }', '[]') };

const task = (extra: string) => `{
  "family": "big",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",${extra}
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const service = (version: string) => `{
  "serviceName": "big-svc",
  "taskDefinition": "big",
  "launchType": "FARGATE",
  "platformVersion": "${version}"
}`;

const cfn = (version: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: 256
      Memory: 512
      EphemeralStorage:
        SizeInGiB: 50
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: ${version}
      TaskDefinition: !Ref TaskDef
`;

const large = '\n  "cpu": "8192",\n  "memory": "16384",';

runRuleTests(rule, {
  valid: [
    { name: '1.4.0 runs 8 vCPU', filename: 'service.json', code: service('1.4.0'), workspace: [{ filename: 'task.json', code: task(large) }] },
    { name: 'LATEST', filename: 'service.json', code: service('LATEST'), workspace: [{ filename: 'task.json', code: task(large) }] },
    { name: 'small task on 1.3.0', filename: 'service.json', code: service('1.3.0'), workspace: [{ filename: 'task.json', code: task('\n  "cpu": "256",\n  "memory": "512",') }] },
    { name: 'task definition not in the workspace', filename: 'service.json', code: service('1.3.0') },
    { name: 'CloudFormation 1.4.0', code: cfn('1.4.0') },
    { name: 'Terraform: 1.4.0', filename: 'service.tf', code: tfService('  launch_type      = "FARGATE"\n  platform_version = "1.4.0"'), workspace: [tfLargeTask] },
    { name: 'Terraform: LATEST', filename: 'service.tf', code: tfService('  platform_version = "LATEST"'), workspace: [tfLargeTask] },
  ],
  invalid: [
    {
      name: 'cross-file: 8 vCPU on 1.3.0',
      filename: 'service.json',
      code: service('1.3.0'),
      workspace: [{ filename: 'task.json', code: task(large) }],
      errors: [{ messageId: 'tooOld', line: 5, column: 22, endLine: 5, endColumn: 29, severity: 'error', message: /first to support 8 vCPU/ }],
    },
    {
      name: 'cross-file: 32 vCPU on 1.3.0',
      filename: 'service.json',
      code: service('1.3.0'),
      workspace: [{ filename: 'task.json', code: task('\n  "cpu": "32768",\n  "memory": "249856",') }],
      errors: [{ messageId: 'tooOld', line: 5, column: 22, endLine: 5, endColumn: 29, message: /first to support 32 vCPU used by/ }],
    },
    {
      name: 'CloudFormation: ephemeral storage on 1.3.0',
      code: cfn('1.3.0'),
      errors: [{ messageId: 'tooOld', line: 17, column: 24, endLine: 17, endColumn: 29, message: /support EphemeralStorage used .* Set PlatformVersion to LATEST/ }],
    },
    {
      name: 'Terraform: 1.3.0 with 8 vCPU and ephemeral storage in another file',
      filename: 'service.tf',
      code: tfService('  launch_type      = "FARGATE"\n  platform_version = "1.3.0"'),
      workspace: [tfLargeTask],
      errors: [{ messageId: 'tooOld', line: 5, column: 22, endLine: 5, endColumn: 29, message: /first to support 8 vCPU and ephemeral_storage used by this service's task definition; .* Set platform_version to LATEST/ }],
    },
  ],
});
