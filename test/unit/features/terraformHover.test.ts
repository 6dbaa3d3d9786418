/** Hover in Terraform: a resource's snake_case arguments carry AWS's docs for the API property; JSON arguments are the API's shape. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { hoverAt } from '../../../server/src/core/features/hover';
import { terraformSchemaPath } from '../../../server/src/core/features/terraformPath';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const NOW = new Date('2026-11-23T00:00:00Z');

/** Hover at the first occurrence of `marker` after `after` (offset inside it by `into`), with its span's text. */
function hover(text: string, marker: string, options: { into?: number; after?: string; filename?: string } = {}): { md: string; spanText: string } | undefined {
  const doc = prepare({ uri: `file:///w/${options.filename ?? 'main.tf'}`, text });
  const offset = text.indexOf(marker, options.after ? text.indexOf(options.after) : 0);
  assert.ok(offset >= 0, `marker ${marker} in text`);
  const result = hoverAt(doc, offset + (options.into ?? 1), { now: NOW });
  return result && { md: result.markdown, spanText: text.slice(result.span.start, result.span.end) };
}

const TASK = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "1024"
  ephemeral_storage {
    size_in_gib = 30
  }
  volume {
    name = "data"
  }
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "nginx:1.27"
      portMappings = [{ containerPort = 80, hostPort = 80 }]
      logConfiguration = { logDriver = "awslogs" }
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1024"
  memory                   = "2048"
  container_definitions    = <<-EOF
    [{ "name": "worker", "image": "worker:1", "essential": true, "stopTimeout": 30 }]
  EOF
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  launch_type     = "FARGATE"
  wait_for_steady_state = true
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = "python3.9"
  memory_size   = 512
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fn:1"
}

resource "aws_instance" "box" {
  cpu_core_count = 2
}
`;

describe('Terraform: arguments map onto the API property that documents them', () => {
  it('snake_case names, repeated blocks as list items, moved arguments, JSON arguments as written', () => {
    const p = (...path: (string | number)[]) => terraformSchemaPath(['resource', ...path]);
    assert.deepEqual(p('aws_ecs_task_definition', 'web', 'network_mode'), { kind: 'ecs-task-definition', path: ['networkMode'] });
    assert.deepEqual(p('aws_ecs_task_definition', 'web', 'ephemeral_storage', 'size_in_gib'), { kind: 'ecs-task-definition', path: ['ephemeralStorage', 'sizeInGiB'] });
    assert.deepEqual(p('aws_ecs_task_definition', 'web', 'volume', 'name'), { kind: 'ecs-task-definition', path: ['volumes', 0, 'name'] });
    assert.deepEqual(p('aws_ecs_task_definition', 'web', 'requires_compatibilities', 0), { kind: 'ecs-task-definition', path: ['requiresCompatibilities', 0] });
    assert.deepEqual(p('aws_ecs_task_definition', 'web', 'container_definitions', 0, 'portMappings', 0, 'hostPort'), {
      kind: 'ecs-task-definition',
      path: ['containerDefinitions', 0, 'portMappings', 0, 'hostPort'],
    });
    assert.deepEqual(p('aws_ecs_service', 'web', 'name'), { kind: 'ecs-service', path: ['serviceName'] });
    assert.deepEqual(p('aws_ecs_service', 'web', 'load_balancer', 'container_port'), { kind: 'ecs-service', path: ['loadBalancers', 0, 'containerPort'] });
    assert.deepEqual(p('aws_ecs_service', 'web', 'network_configuration', 'subnets'), { kind: 'ecs-service', path: ['networkConfiguration', 'awsvpcConfiguration', 'subnets'] });
    assert.deepEqual(p('aws_ecs_service', 'web', 'network_configuration', 'assign_public_ip'), {
      kind: 'ecs-service',
      path: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'],
      valuesDiffer: true,
    });
    assert.deepEqual(p('aws_ecs_service', 'web', 'deployment_circuit_breaker', 'rollback'), { kind: 'ecs-service', path: ['deploymentConfiguration', 'deploymentCircuitBreaker', 'rollback'] });
    assert.deepEqual(p('aws_lambda_function', 'fn', 'memory_size'), { kind: 'lambda-function', path: ['MemorySize'] });
    assert.deepEqual(p('aws_lambda_function', 'fn', 'vpc_config', 'subnet_ids'), { kind: 'lambda-function', path: ['VpcConfig', 'SubnetIds'] });
    assert.deepEqual(p('aws_lambda_function', 'fn', 'image_uri'), { kind: 'lambda-function', path: ['Code', 'ImageUri'] });
    assert.deepEqual(p('aws_batch_job_definition', 'job', 'timeout', 'attempt_duration_seconds'), { kind: 'batch-job-definition', path: ['timeout', 'attemptDurationSeconds'] });
    assert.deepEqual(p('aws_batch_job_definition', 'job', 'container_properties', 'resourceRequirements'), { kind: 'batch-job-definition', path: ['containerProperties', 'resourceRequirements'] });
    // The provider's own arguments, other resource types, data sources: nothing.
    assert.equal(p('aws_ecs_service', 'web', 'wait_for_steady_state'), undefined);
    // …but one the API has too (UpdateService's forceNewDeployment) is documented by it.
    assert.deepEqual(p('aws_ecs_service', 'web', 'force_new_deployment'), { kind: 'ecs-service', path: ['forceNewDeployment'] });
    assert.equal(p('aws_instance', 'box', 'cpu_core_count'), undefined);
    assert.equal(terraformSchemaPath(['data', 'aws_ecs_task_definition', 'web', 'family']), undefined);
  });
});

describe('hover: Terraform', () => {
  it('a resource argument: its name, the API property it is, AWS docs and the concept', () => {
    const h = hover(TASK, 'network_mode')!;
    assert.equal(h.spanText, 'network_mode');
    assert.match(h.md, /^\*\*network_mode\*\* \(`networkMode` in the ECS API\)\n\nValues: [\s\S]*\n---\n\*\*AWS:\*\* The Docker networking mode/);
    assert.ok(h.md.includes('Values: `bridge`, `host`, `awsvpc`, `none`'), h.md);
    assert.ok(h.md.includes('**Berth: ECS network modes.**'), h.md);
  });

  it('a value: its own note (awsvpc)', () => {
    const h = hover(TASK, '"awsvpc"')!;
    assert.equal(h.spanText, '"awsvpc"');
    assert.ok(h.md.includes('`awsvpc`: each task gets its own elastic network interface'), h.md);
  });

  it('memory: the Fargate sizes for the cpu of the same resource (each task definition its own)', () => {
    const web = hover(TASK, 'memory')!.md;
    assert.ok(web.includes('Fargate memory with cpu 256 (0.25 vCPU): 512, 1024, 2048 MiB'), web);
    const worker = hover(TASK, 'memory', { after: '"worker"' })!.md;
    assert.ok(worker.includes('Fargate memory with cpu 1024 (1 vCPU)'), worker);
  });

  it('inside a nested block: ephemeral_storage.size_in_gib gives the Fargate bounds', () => {
    const h = hover(TASK, 'size_in_gib')!;
    assert.match(h.md, /^\*\*size_in_gib\*\* \(`sizeInGiB` in the ECS API\)/);
    assert.ok(h.md.includes('Fargate: 21–200 GiB'), h.md);
  });

  it('inside jsonencode: the same hover as in API JSON (hostPort, logDriver)', () => {
    const h = hover(TASK, 'hostPort')!;
    assert.equal(h.spanText, 'hostPort');
    assert.match(h.md, /^\*\*hostPort\*\*\n\nRange: 0–65535[\s\S]*\n---\n\*\*AWS:\*\* The port number on the container instance/);
    assert.ok(h.md.includes('With awsvpc or host network mode, hostPort must equal containerPort'), h.md);
    assert.ok(h.md.includes('**Berth: Dynamic port mapping with an ALB.**'), h.md);
    const driver = hover(TASK, 'logDriver')!.md;
    assert.ok(driver.includes('`awslogs`'), driver);
  });

  it('inside a JSON heredoc: the API docs of the key under the cursor, spans in the .tf file', () => {
    const h = hover(TASK, '"stopTimeout"')!;
    assert.equal(h.spanText, '"stopTimeout"');
    assert.match(h.md, /^\*\*stopTimeout\*\*\n\n/);
    assert.ok(h.md.includes('**Berth: Stop signals'), h.md);
  });

  it('aws_ecs_service: a moved argument (network_configuration.assign_public_ip) without the API values, which Terraform does not take', () => {
    const h = hover(TASK, 'assign_public_ip')!;
    assert.match(h.md, /^\*\*assign_public_ip\*\* \(`assignPublicIp` in the ECS API\)/);
    assert.ok(!h.md.includes('ENABLED'), h.md);
    const breaker = hover(TASK, 'rollback')!.md;
    assert.match(breaker, /^\*\*rollback\*\* \(`rollback` in the ECS API\)|^\*\*rollback\*\*\n/);
  });

  it('aws_lambda_function: runtime lifecycle and memory bounds', () => {
    const runtime = hover(TASK, '"python3.9"')!.md;
    assert.ok(runtime.includes('`python3.9`: **deprecated** since'), runtime);
    const memory = hover(TASK, 'memory_size')!.md;
    assert.match(memory, /^\*\*memory_size\*\* \(`MemorySize` in the Lambda API\)/);
    assert.ok(memory.includes('Range: 128–'), memory);
  });

  it("nothing on arguments Berth cannot document: the provider's own, resources it does not model", () => {
    assert.equal(hover(TASK, 'wait_for_steady_state'), undefined);
    assert.equal(hover(TASK, 'cpu_core_count'), undefined);
  });

  it('a JSON file of container definitions (read with file()) hovers like the task definition\'s list', () => {
    const text = '[{ "name": "web", "image": "nginx:1.27", "essential": true, "portMappings": [{ "containerPort": 80, "hostPort": 0 }] }]';
    const h = hover(text, '"hostPort"', { filename: 'containers.json.tpl' })!;
    assert.match(h.md, /^\*\*hostPort\*\*\n\nRange: 0–65535[\s\S]*\n---\n\*\*AWS:\*\* The port number on the container instance/);
  });
});
