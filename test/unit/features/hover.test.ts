import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { AWS_REFERENCE_BUDGET, hoverAt } from '../../../server/src/core/features/hover';

const NOW = new Date('2026-11-23T00:00:00Z');

/** Hover at the first occurrence of `marker` (offset inside it by `into`). */
function hover(filename: string, text: string, marker: string, into = 1): string | undefined {
  const doc = prepare({ uri: `file:///w/${filename}`, text });
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker} in text`);
  return hoverAt(doc, offset + into, { now: NOW })?.markdown;
}

const TASK = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 80 }] }
  ]
}`;

describe('hover: ECS task definition', () => {
  it('memory: the Fargate sizes once (Berth\'s table, not AWS\'s list too), Berth first, AWS within its budget', () => {
    const text = '{"family": "x", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024", "containerDefinitions": []}';
    const md = hover('task.json', text, '"memory"')!;
    assert.equal(md.split('`256` (0.25 vCPU)').length - 1, 1, md);
    assert.doesNotMatch(md, /Available `cpu` values/);
    assert.match(md, /^\*\*memory\*\*\n\nFargate memory with cpu 512 \(0\.5 vCPU\): 1024–4096 MiB in steps of 1024\./);
    const aws = md.slice(md.indexOf('\n---\n**AWS:** '));
    assert.ok(aws.startsWith('\n---\n**AWS:** The amount of memory (in MiB) used by the task.'), md);
    assert.ok(aws.length < AWS_REFERENCE_BUDGET + 100, `AWS part ${aws.length} characters`);
  });

  it('hostPort: Berth first (port bounds, the ephemeral range, the dynamic port mapping concept with Read more), then AWS docs', () => {
    const md = hover('task.json', TASK, '"hostPort"')!;
    assert.match(md, /^\*\*hostPort\*\*\n\nRange: 0–65535 {2}\n/);
    assert.ok(md.indexOf('**Berth: Dynamic port mapping') < md.indexOf('\n---\n**AWS:** The port number on the container instance'), md);
    assert.ok(md.includes('Range: 0–65535  \n'), md);
    assert.ok(md.includes('the ephemeral range 32768–61000 on the ECS-optimized AMI (49153–65535 when'), md);
    assert.ok(md.includes('**Berth: Dynamic port mapping with an ALB.** In bridge mode a hostPort of 0'), md);
    assert.ok(md.includes('[Read more](https://github.com/berth-tools/berth/blob/main/server/src/core/docs/concepts/dynamic-port-mapping.md)'), md);
  });

  it('requiresCompatibilities: FARGATE explains Fargate', () => {
    const md = hover('task.json', TASK, '"FARGATE"')!;
    assert.ok(md.includes('`FARGATE`: AWS runs the task on capacity it manages'), md);
    assert.ok(md.includes('**Berth: ECS, EKS and Fargate.**'), md);
    assert.ok(md.includes('concepts/ecs-eks-fargate.md'), md);
  });

  it('networkMode value explains that mode', () => {
    const md = hover('task.json', TASK, '"awsvpc"')!;
    assert.ok(md.includes('`awsvpc`: each task gets its own elastic network interface'), md);
    assert.ok(md.includes('**Berth: ECS network modes'), md);
  });

  it('memory of a Managed Instances task definition shows no Fargate sizes', () => {
    const text = TASK.replace('"FARGATE"', '"MANAGED_INSTANCES"');
    const md = hover('task.json', text, '"memory"')!;
    assert.ok(!md.includes('Valid Fargate sizes') && !md.includes('Fargate memory with cpu'), md);
  });

  it('memory shows the valid memory for the cpu already set, and every Fargate size', () => {
    const md = hover('task.json', TASK, '"memory"')!;
    assert.ok(md.includes('Fargate memory with cpu 512 (0.5 vCPU): 1024–4096 MiB in steps of 1024.'), md);
    assert.ok(md.includes('- `512` (0.5 vCPU): 1024–4096 MiB in steps of 1024 ←'), md);
    assert.ok(md.includes('- `256` (0.25 vCPU): 512, 1024, 2048 MiB'), md);
    assert.ok(md.includes('(platform 1.4.0+)'), md);
    assert.ok(md.includes('- `32768` (32 vCPU): 61440, 122880, 249856 MiB (platform 1.4.0+, Linux only)'), md);
  });

  it('memory with 32 vCPU lists its three sizes', () => {
    const md = hover('task.json', TASK.replace('"cpu": "512"', '"cpu": "32 vCPU"'), '"memory"')!;
    assert.ok(md.includes('Fargate memory with cpu 32768 (32 vCPU): 61440, 122880, 249856 MiB.'), md);
  });

  it('cpu shows which cpu values allow the memory already set', () => {
    const md = hover('task.json', TASK, '"cpu"')!;
    assert.ok(md.includes('Fargate cpu for memory 1024 MiB: 256, 512.'), md);
  });

  it('a container-level cpu is not given the task-size table', () => {
    const text = '{"family":"x","containerDefinitions":[{"name":"a","image":"x","cpu":256}]}';
    const md = hover('task.json', text, '"cpu"')!;
    assert.doesNotMatch(md, /Valid Fargate sizes/);
  });

  it('works in a CloudFormation task definition (PascalCase)', () => {
    const text = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: 80
`;
    const md = hover('template.yaml', text, 'HostPort')!;
    assert.match(md, /^\*\*HostPort\*\*/);
    assert.ok(md.includes('Range: 0–65535'), md);
    assert.ok(md.includes('**Berth: Dynamic port mapping with an ALB.**'), md);
  });
});

describe('hover: Lambda runtimes', () => {
  it('a deprecated runtime in Lambda API JSON shows its lifecycle dates and successor', () => {
    const text = '{"FunctionName": "f", "Runtime": "python3.9", "Handler": "app.handler", "Role": "arn:aws:iam::123456789012:role/r", "Code": {"ZipFile": "x"}}';
    const md = hover('function.json', text, 'python3.9')!;
    assert.ok(md.includes('`python3.9`: **deprecated** since 2025-12-15.  \nCreating functions blocked from 2027-02-01.  \nUpdating functions blocked from 2027-03-03.  \nMove to `python3.14`.'), md);
    assert.ok(md.includes('**Berth: Lambda runtimes and their lifecycle.**'), md);
    assert.doesNotMatch(md, /Values: `nodejs`/, 'the raw enum is replaced by the lifecycle');
  });

  it('a supported runtime in a SAM template shows when it is planned to be deprecated', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
`;
    const md = hover('template.yaml', text, 'python3.12')!;
    assert.ok(md.includes('`python3.12`: supported; deprecation planned for 2028-10-31.'), md);
    assert.ok(md.includes('Move to `python3.14`.'), md);
  });

  it('serverless.yml runtime and timeout', () => {
    const text = `service: s
provider:
  name: aws
  runtime: nodejs16.x
functions:
  hello:
    handler: handler.hello
    timeout: 30
`;
    const md = hover('serverless.yml', text, 'nodejs16.x')!;
    assert.ok(md.includes('`nodejs16.x`: **deprecated** since 2024-06-12.'), md);
    assert.ok(md.includes('Move to `nodejs24.x`.'), md);
    const timeout = hover('serverless.yml', text, 'timeout')!;
    assert.ok(timeout.includes('Range: 1–1,800 seconds (1–5,400 seconds on Lambda Managed Instances); default 3.'), timeout);
  });

  it('Lambda MemorySize shows its bounds', () => {
    const text = '{"FunctionName": "f", "Runtime": "python3.12", "MemorySize": 128, "Role": "r", "Handler": "a.b", "Code": {"ZipFile": "x"}}';
    const md = hover('function.json', text, '"MemorySize"')!;
    assert.ok(md.includes('Range: 128–10,240 MB (2,048–32,768 MB on Lambda Managed Instances)'), md);
  });
});

describe('hover: other kinds', () => {
  it('ECS service launchType FARGATE', () => {
    const text = '{"cluster": "c", "serviceName": "s", "taskDefinition": "web:1", "launchType": "FARGATE", "desiredCount": 1}';
    const md = hover('service.json', text, '"FARGATE"')!;
    assert.ok(md.includes('`FARGATE`: AWS runs the task on capacity it manages'), md);
  });

  it('Batch job definition timeout names the Batch concept', () => {
    const text = '{"jobDefinitionName": "j", "type": "container", "timeout": {"attemptDurationSeconds": 60}, "containerProperties": {"image": "x", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]}}';
    const md = hover('job.json', text, '"timeout"')!;
    assert.match(md, /^\*\*timeout\*\*/);
    assert.ok(md.includes('**Berth: AWS Batch'), md);
  });

  it('nothing for unrelated JSON or a key Berth knows nothing about', () => {
    assert.equal(hover('package.json', '{"name": "x", "version": "1.0.0"}', '"name"'), undefined);
    assert.equal(hover('task.json', '{"family": "x", "containerDefinitions": [], "zzz": 1}', '"zzz"'), undefined);
  });
});

describe('hover: Dockerfile', () => {
  it('hoverAt answers with the AWS-aware Dockerfile hover', () => {
    const text = 'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]\n';
    const md = hover('Dockerfile', text, 'FROM')!;
    assert.match(md, /^`public\.ecr\.aws\/lambda\/python:3\.13` is an AWS base image for Lambda/);
  });
});

describe('hover: SAM functions, from the SAM schema', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.9
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      MemorySize: 256
      Architectures: [arm64]
      Events:
        Get:
          Type: Api
          Properties:
            Path: /items
            Method: get
`;

  it("CodeUri shows SAM's documentation", () => {
    const md = hover('template.yaml', text, 'CodeUri')!;
    assert.match(md, /^\*\*CodeUri\*\*\n\nThe code for the function\. Accepted values include/);
  });

  it('nested levels: an Api event property, documented from the shape its Type names', () => {
    const md = hover('template.yaml', text, 'Method')!;
    assert.match(md, /^\*\*Method\*\*\n\nHTTP method for which this function is invoked/);
  });

  it("keeps Lambda's facts for what SAM passes to the function: memory bounds, a Globals runtime's lifecycle", () => {
    const memory = hover('template.yaml', text, 'MemorySize')!;
    assert.ok(memory.includes('Range: 128–10,240 MB (2,048–32,768 MB on Lambda Managed Instances); CPU is allotted in proportion to memory.'), memory);
    const architectures = hover('template.yaml', text, 'Architectures')!;
    assert.match(architectures, /^\*\*Architectures\*\*\n\n\*\*Berth: CPU architecture[\s\S]*\n---\n\*\*AWS:\*\* The instruction set architecture for the function/);
    assert.ok(architectures.includes('**Berth: CPU architecture, x86_64 and arm64.**'), architectures);
    const runtime = hover('template.yaml', text, 'python3.9')!;
    assert.ok(runtime.includes('`python3.9`: **deprecated** since 2025-12-15.'), runtime);
  });
});
