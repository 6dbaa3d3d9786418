import rule from '../../../../server/src/core/rules/schema/valid-number-format';
import { runRuleTests, type ExpectedFinding } from '../../../helpers/ruleTester';
import { api as batchApi, cfn as batchCfn, fargateApi, fargateTf, req, reqHcl, reqYaml } from '../batch/shapes';
import { expressApi, expressCfn } from '../ecs/expressShapes';
import { tfTask } from '../ecs/tfshapes';
import { cfn as lambdaCfn, sls, tf as lambdaTf } from '../lambda/shapes';

/** The finding at the `occurrence`-th `needle` of `code` (1-based lines and columns, as the editor shows them). */
function at(code: string, needle: string, message: string, occurrence = 1): ExpectedFinding {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = code.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in the case`);
  const before = code.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { messageId: 'unreadable', line, column, endLine: line, endColumn: column + needle.length, severity: 'error', message };
}

const CPU_FORMS = 'Write CPU units as a whole number ("1024") or vCPUs ("1 vCPU", "0.25 vCPU").';
const MEMORY_FORMS = 'Write MiB as a whole number ("2048") or GB ("2 GB").';

const task = (cpu: string, memory: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "networkMode": "awsvpc",
  "cpu": ${cpu},
  "memory": ${memory},
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfnTask = (cpu: string, memory: string) => `AWSTemplateFormatVersion: '2010-09-09'
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
          Memory: abc
`;

const cfnJsonTask = `{
  "Resources": {
    "TaskDef": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": { "Cpu": "", "Memory": "1 GB", "ContainerDefinitions": [{ "Name": "app", "Image": "nginx:1.27" }] }
    }
  }
}`;

const containers = `[
  { "name": "app", "image": "nginx:1.27", "memory": "lots", "portMappings": [{ "containerPort": "http" }] }
]`;

const slsCase = sls(['memorySize: abc', "timeout: ''"], ['handler: a.b', 'timeout: ten']);
const tfLambda = lambdaTf('memory_size = "abc"', 'timeout = ""');
const tfEcs = tfTask('  cpu = "one"\n  memory = ""', '[{ name = "app", image = "nginx:1.27", memory = "abc", portMappings = [{ containerPort = "http" }] }]');
const batchFargate = fargateApi([req('a quarter', '')]);
const batchCfnCase = batchCfn(['PlatformCapabilities: [FARGATE]'], reqYaml('1', '2 GB'));
const batchTf = fargateTf([reqHcl('0.25', 'half a gig')]);
const express = expressApi('\n  "cpu": "quarter",\n  "memory": "2 GB",');
const expressYaml = expressCfn("\n      Cpu: '512'\n      Memory: ''");

runRuleTests(rule, {
  valid: [
    { name: 'numbers and the forms AWS converts', code: task('"1 vCPU"', '"2 GB"') },
    { name: 'whole numbers as strings', code: task('"256"', '"512"') },
    { name: 'numbers as JSON numbers', code: task('256', '512') },
    { name: 'EC2 task: "0.5 vcpu" and "1GB"', code: task('"0.5 vcpu"', '"1GB"', 'EC2') },
    { name: 'CloudFormation: a string "512" is a number', code: cfnTask("'256'", "'512'").replace('Memory: abc', 'Memory: 512') },
    { name: 'CloudFormation: intrinsics are unknown', code: cfnTask('!Ref Cpu', '!If [Big, 4096, 2048]').replace('Memory: abc', 'Memory: !Ref ContainerMemory') },
    { name: 'CloudFormation: a dynamic reference is unknown', code: cfnTask("'{{resolve:ssm:/app/cpu}}'", '512').replace('Memory: abc', 'Memory: 512') },
    { name: 'CloudFormation: a wrong type of a number property is the schema rule\'s', code: lambdaCfn('Runtime: python3.12', 'Handler: a.b', 'MemorySize: abc', "Timeout: ''") },
    { name: 'API JSON: a wrong type of a number property is the schema rule\'s', code: task('"256"', '"512"').replace('"image": "nginx:1.27"', '"image": "nginx:1.27", "memory": "abc"') },
    { name: 'serverless: variables are unknown', filename: 'serverless.yml', code: sls(['memorySize: ${self:custom.memory}', "timeout: '${param:timeout, 30}'"], ['handler: a.b']) },
    { name: 'serverless: numbers as strings', filename: 'serverless.yml', code: sls(["memorySize: '1024'"], ['handler: a.b', 'timeout: 30']) },
    { name: 'Terraform: numbers, and strings Terraform converts', filename: 'main.tf', code: lambdaTf('memory_size = "1024"', 'timeout = 30') },
    { name: 'Terraform: variables without values and expressions', filename: 'main.tf', code: lambdaTf('memory_size = var.memory', 'timeout = local.timeout * 2') + 'variable "memory" {}\n' },
    { name: 'Terraform: cpu = "" is unset', filename: 'main.tf', code: tfTask('  cpu = ""\n  memory = "2 GB"', '[{ name = "app", image = "nginx:1.27", memory = 512 }]') },
    { name: 'Batch: Fargate quarter vCPU', code: fargateApi([req('0.25', '512')]) },
    { name: 'Batch: EC2 legacy numbers', code: batchApi([], ['"vcpus": 2', '"memory": 2048']) },
  ],
  invalid: [
    {
      name: 'API JSON: "" and "abc" (the issue)',
      code: task('""', '"abc"'),
      errors: [
        at(task('""', '"abc"'), '""', `cpu "" is not a CPU size that AWS can read, so the deployment is rejected. ${CPU_FORMS}`),
        at(task('""', '"abc"'), '"abc"', `memory "abc" is not a memory size that AWS can read, so the deployment is rejected. ${MEMORY_FORMS}`),
      ],
    },
    {
      name: 'API JSON on EC2: memory "" is rejected too',
      code: task('"256"', '""', 'EC2'),
      errors: [at(task('"256"', '""', 'EC2'), '""', `memory "" is not a memory size that AWS can read, so the deployment is rejected. ${MEMORY_FORMS}`)],
    },
    {
      name: 'API JSON: "2 TB" is no form ECS converts',
      code: task('"1 vCPU"', '"2 TB"'),
      errors: [at(task('"1 vCPU"', '"2 TB"'), '"2 TB"', `memory "2 TB" is not a memory size that AWS can read, so the deployment is rejected. ${MEMORY_FORMS}`)],
    },
    {
      name: 'CloudFormation YAML: Cpu and Memory (the container memory is the schema rule\'s)',
      code: cfnTask("''", 'abc'),
      errors: [
        at(cfnTask("''", 'abc'), "''", `Cpu "" is not a CPU size that AWS can read, so the deployment is rejected. ${CPU_FORMS}`),
        at(cfnTask("''", 'abc'), 'abc', `Memory "abc" is not a memory size that AWS can read, so the deployment is rejected. ${MEMORY_FORMS}`),
      ],
    },
    {
      name: 'CloudFormation JSON',
      code: cfnJsonTask,
      errors: [at(cfnJsonTask, '""', `Cpu "" is not a CPU size that AWS can read, so the deployment is rejected. ${CPU_FORMS}`)],
    },
    {
      name: 'a container-definitions list: numbers no schema rule reads',
      filename: 'containers.json',
      code: containers,
      errors: [
        at(containers, '"lots"', 'memory "lots" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MiB (512).'),
        at(containers, '"http"', 'containerPort "http" is not a port number that AWS can read, so the deployment is rejected. Write a whole number from 0 to 65535 (8080).'),
      ],
    },
    {
      name: 'serverless.yml: provider defaults once, and the function\'s own timeout',
      filename: 'serverless.yml',
      code: slsCase,
      errors: [
        at(slsCase, 'abc', 'memorySize "abc" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MB (from 128, e.g. 1024).'),
        at(slsCase, 'ten', 'timeout "ten" is not a number of seconds that AWS can read, so the deployment is rejected. Write a whole number of seconds (30).'),
      ],
    },
    {
      name: 'Terraform: Lambda numbers',
      filename: 'main.tf',
      code: tfLambda,
      errors: [
        at(tfLambda, '"abc"', 'memory_size "abc" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MB (from 128, e.g. 1024).'),
        at(tfLambda, '""', 'timeout "" is not a number of seconds that AWS can read, so the deployment is rejected. Write a whole number of seconds (30).'),
      ],
    },
    {
      name: 'Terraform: task cpu and jsonencode container definitions',
      filename: 'main.tf',
      code: tfEcs,
      errors: [
        at(tfEcs, '"one"', `cpu "one" is not a CPU size that AWS can read, so the deployment is rejected. ${CPU_FORMS}`),
        at(tfEcs, '"abc"', 'memory "abc" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MiB (512).'),
        at(tfEcs, '"http"', 'containerPort "http" is not a port number that AWS can read, so the deployment is rejected. Write a whole number from 0 to 65535 (8080).'),
      ],
    },
    {
      name: 'ECS Express Mode API input',
      filename: 'express.json',
      code: express,
      errors: [at(express, '"quarter"', `cpu "quarter" is not a CPU size that AWS can read, so the deployment is rejected. ${CPU_FORMS}`)],
    },
    {
      name: 'AWS::ECS::ExpressGatewayService',
      code: expressYaml,
      errors: [at(expressYaml, "''", `Memory "" is not a memory size that AWS can read, so the deployment is rejected. ${MEMORY_FORMS}`)],
    },
    {
      name: 'Batch API JSON: resource requirement values',
      code: batchFargate,
      errors: [
        at(batchFargate, '"a quarter"', 'VCPU value "a quarter" is not a number of vCPUs that AWS can read, so the deployment is rejected. Write a vCPU count ("1", "2"; "0.25" or "0.5" on Fargate).'),
        at(batchFargate, '""', 'MEMORY value "" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MiB ("2048").'),
      ],
    },
    {
      name: 'Batch CloudFormation: MEMORY takes MiB only',
      code: batchCfnCase,
      errors: [at(batchCfnCase, '"2 GB"', 'MEMORY Value "2 GB" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MiB ("2048").')],
    },
    {
      name: 'Batch Terraform',
      filename: 'main.tf',
      code: batchTf,
      errors: [at(batchTf, '"half a gig"', 'MEMORY value "half a gig" is not a memory size that AWS can read, so the deployment is rejected. Write a whole number of MiB ("2048").')],
    },
  ],
});
