import rule from '../../../../server/src/core/rules/dockerfile/valid-platform-architecture';
import { runRuleTests } from '../../../helpers/ruleTester';
import { samTemplate, serverlessYml, taskDefinition } from './fixtures';

const lambda = 'hello/Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'no link', filename: 'Dockerfile', code: 'FROM --platform=linux/arm64 node:20\n' },
    {
      name: 'a deploy target for another container',
      filename: 'app/Dockerfile',
      workspace: [
        { filename: 'ecs/task.json', code: JSON.stringify({ family: 'web', runtimePlatform: { cpuArchitecture: 'X86_64' }, containerDefinitions: [{ name: 'web', image: 'web:1' }, { name: 'log', image: 'fluent:1' }] }) },
        { filename: '.berthrc.yaml', code: 'deploy:\n  targets:\n    web:\n      dockerfile: app/Dockerfile\n      context: app\n      taskDefinition: ecs/task.json\n      containerName: sidecar\n' },
      ],
      code: 'FROM --platform=linux/arm64 node:20\n',
    },
    { name: 'serverless.yml image on arm64', filename: lambda, workspace: [serverlessYml({ architecture: 'arm64' })], code: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:20\n' },
    { name: 'serverless.yml image built from another Dockerfile', filename: lambda, workspace: [serverlessYml({ file: 'Dockerfile.prod' })], code: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:20\n' },
    { name: 'arm64 both', filename: lambda, workspace: [samTemplate({ architectures: 'arm64' })], code: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:20\n' },
    { name: 'default x86_64 and amd64', filename: lambda, workspace: [samTemplate()], code: 'FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:20\n' },
    { name: 'TARGETPLATFORM', filename: lambda, workspace: [samTemplate()], code: 'FROM --platform=$TARGETPLATFORM node:20\n' },
    { name: 'no platform', filename: lambda, workspace: [samTemplate({ architectures: 'arm64' })], code: 'FROM node:20\n' },
    { name: 'ECS without cpuArchitecture', filename: 'Dockerfile', workspace: [taskDefinition({})], code: 'FROM --platform=linux/arm64 node:20\n' },
    { name: 'platform only on a build stage', filename: 'Dockerfile', workspace: [taskDefinition({}, { runtimePlatform: { cpuArchitecture: 'X86_64' } })], code: 'FROM --platform=linux/arm64 golang:1 AS b\nFROM node:20\n' },
  ],
  invalid: [
    {
      name: 'a .berthrc.yaml deploy target links the Dockerfile to a container in another folder',
      filename: 'app/Dockerfile',
      workspace: [
        { filename: 'ecs/task.json', code: JSON.stringify({ family: 'web', runtimePlatform: { cpuArchitecture: 'X86_64' }, containerDefinitions: [{ name: 'web', image: 'web:1' }, { name: 'log', image: 'fluent:1' }] }) },
        { filename: '.berthrc.yaml', code: 'deploy:\n  targets:\n    web:\n      dockerfile: app/Dockerfile\n      context: app\n      taskDefinition: ecs/task.json\n      containerName: web\n' },
      ],
      code: 'FROM --platform=linux/arm64 node:20\n',
      errors: [{ messageId: 'ecsMismatch', line: 1, column: 17, endLine: 1, endColumn: 28, related: [{ line: 1, column: 54, filename: 'ecs/task.json' }] }],
    },
    {
      name: 'serverless.yml provider.ecr.images: default x86_64, image arm64',
      filename: lambda,
      workspace: [serverlessYml()],
      code: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:20\nCMD ["app.handler"]\n',
      errors: [{ messageId: 'lambdaMismatch', line: 1, column: 17, endLine: 1, endColumn: 28, related: [{ line: 9, column: 3, filename: 'serverless.yml' }] }],
    },
    {
      name: 'Lambda default x86_64, image arm64',
      filename: lambda,
      workspace: [samTemplate()],
      code: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:20\nCMD ["app.handler"]\n',
      errors: [
        {
          messageId: 'lambdaMismatch',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 28,
          severity: 'error',
          message: /runs on x86_64 \(the default, as Architectures is not set\)/,
          related: [{ line: 3, column: 3, filename: 'template.yaml' }],
        },
      ],
    },
    {
      name: 'Lambda arm64, image amd64 through a stage',
      filename: lambda,
      workspace: [samTemplate({ architectures: 'arm64' })],
      code: 'FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:20 AS base\nFROM base\n',
      errors: [{ messageId: 'lambdaMismatch', line: 1, column: 17, endLine: 1, endColumn: 28, related: [{ line: 7, column: 23, filename: 'template.yaml' }] }],
    },
    {
      name: 'ECS ARM64, arm-specific image missing: amd64 namespace',
      filename: 'Dockerfile',
      workspace: [taskDefinition({}, { runtimePlatform: { cpuArchitecture: 'ARM64' } })],
      code: 'FROM amd64/python:3.12\n',
      errors: [{ messageId: 'ecsMismatch', line: 1, column: 6, endLine: 1, endColumn: 23, message: /runs it on ARM64/, related: [{ line: 4, column: 24, filename: 'task.json' }] }],
    },
    {
      name: 'ECS task definition in a CloudFormation template',
      filename: 'Dockerfile',
      workspace: [
        {
          filename: 'stack.yaml',
          code: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RuntimePlatform:\n        CpuArchitecture: X86_64\n      ContainerDefinitions:\n        - Name: web\n          Image: web:1\n',
        },
      ],
      code: 'FROM --platform=linux/arm64 node:20\n',
      errors: [{ messageId: 'ecsMismatch', line: 1, column: 17, endLine: 1, endColumn: 28, message: /runs it on X86_64/, related: [{ line: 6, column: 26, filename: 'stack.yaml' }] }],
    },
  ],
});
