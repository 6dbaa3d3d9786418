import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, prepare, toIndexed } from '../../../server/src/core/analyze';
import type { ScalarNode } from '../../../server/src/core/parse/tree';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { loadHclParser } from '../../../server/src/io/hclGrammar';
import { defineRule } from '../../../server/src/core/rules/defineRule';
import { terraformModuleModel } from '../../../server/src/core/terraform/document';
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';

before(() => loadHclParser());

const FOLDER = 'file:///ws/infra/';

function workspaceOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) {
    const indexed = toIndexed(prepare({ uri: FOLDER + name, text }));
    if (indexed) index.set(indexed);
  }
  return index;
}

function moduleModel(files: Record<string, string>, current: string) {
  const index = workspaceOf(files);
  return terraformModuleModel(FOLDER + current, index.get(FOLDER + current)!.model, index, DEFAULT_LIMITS);
}

describe('Terraform module model', () => {
  it('prepare(): a .tf file is the terraform kind; its resources are modelled on their own', () => {
    const doc = prepare({ uri: `${FOLDER}main.tf`, text: 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  cpu    = 256\n}\n' });
    assert.equal(doc.kind, 'terraform');
    assert.equal(doc.format, 'hcl');
    assert.deepEqual(doc.model!.taskDefinitions.map((t) => [t.shape, t.logicalId, t.family?.known && t.family.value, t.cpu?.known && t.cpu.value]), [['terraform', 'aws_ecs_task_definition.app', 'app', '256']]);
  });

  it('a resource sees the variables and locals of the whole module; tfvars win over defaults', () => {
    const model = moduleModel(
      {
        'main.tf': 'resource "aws_lambda_function" "fn" {\n  function_name = local.name\n  memory_size   = var.memory\n  timeout       = var.timeout\n  runtime       = var.runtime\n}\n',
        'variables.tf': 'variable "memory" {\n  default = 128\n}\nvariable "timeout" {\n  default = 30\n}\nvariable "runtime" {}\nlocals {\n  name = "${var.prefix}-fn"\n}\nvariable "prefix" {\n  default = "app"\n}\n',
        'terraform.tfvars': 'memory = 512\n',
        'prod.auto.tfvars': 'memory = 1024\n',
        'other.tfvars': 'timeout = 900\n',
      },
      'main.tf',
    );
    const fn = model.lambdaFunctions[0]!;
    assert.deepEqual([fn.functionName?.known && fn.functionName.value, fn.memorySize?.known && fn.memorySize.value, fn.timeout?.known && fn.timeout.value], ['app-fn', 1024, 30]);
    // A variable without a value anywhere stays unknown.
    assert.equal(fn.runtime?.known, false);
    // The value is shown where it is used, with its origin in the auto.tfvars file.
    const memory = fn.memorySize!.node as ScalarNode;
    assert.equal(memory.origin?.uri, `${FOLDER}prod.auto.tfvars`);
  });

  it('every resource of the module is in the model; each node knows the document it is written in', () => {
    const model = moduleModel(
      {
        'ecs.tf': 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode(local.containers)\n}\n',
        'service.tf': 'resource "aws_ecs_service" "web" {\n  name            = "web"\n  task_definition = aws_ecs_task_definition.app.arn\n  load_balancer {\n    target_group_arn = aws_lb_target_group.web.arn\n    container_name   = "web"\n    container_port   = 80\n  }\n}\n',
        'locals.tf': 'locals {\n  containers = [{ name = "web", image = "nginx", portMappings = [{ containerPort = 80, hostPort = 80 }] }]\n}\n',
      },
      'service.tf',
    );
    const [td] = model.taskDefinitions;
    const [service] = model.services;
    assert.equal(service!.taskDefinitionRef, 'aws_ecs_task_definition.app');
    assert.equal(service!.loadBalancers[0]!.targetGroupRef, 'aws_lb_target_group.web');
    assert.equal(model.owners!.get(service!.serviceName!.node), `${FOLDER}service.tf`);
    assert.equal(model.owners!.get(td!.family!.node), `${FOLDER}ecs.tf`);
    const hostPort = td!.containers[0]!.portMappings[0]!.hostPort!;
    assert.equal(hostPort.known && hostPort.value, 80);
    assert.equal(model.owners!.get(hostPort.node), `${FOLDER}locals.tf`);
  });

  it('container definitions in a heredoc, and in a file read with file()', () => {
    const heredoc = moduleModel({ 'main.tf': 'resource "aws_ecs_task_definition" "a" {\n  container_definitions = <<-EOF\n    [{"name": "web", "image": "nginx:1.27", "memory": 512}]\n  EOF\n}\n' }, 'main.tf');
    assert.deepEqual(heredoc.taskDefinitions[0]!.containers.map((c) => c.memory?.known && c.memory.value), [512]);
    const fromFile = moduleModel(
      {
        'main.tf': 'resource "aws_ecs_task_definition" "a" {\n  container_definitions = file("${path.module}/containers.json")\n}\nresource "aws_ecs_task_definition" "b" {\n  container_definitions = var.defs\n}\n',
      },
      'main.tf',
    );
    // containers.json is not in the workspace: the containers are unknown, not absent.
    assert.deepEqual(fromFile.taskDefinitions.map((t) => [t.containers.length, t.containersKnown]), [[0, false], [0, false]]);
  });
});

describe('Terraform findings land in the document that owns their node', () => {
  const rule = defineRule({
    id: 'test/every-family',
    kinds: ['terraform'],
    severity: 'warning',
    docs: { summary: 'Report every family' },
    messages: { family: 'family {name}' },
    check(ctx) {
      for (const td of ctx.model.taskDefinitions) if (td.family) ctx.report({ at: td.family, messageId: 'family', data: { name: td.family.known ? td.family.value : '?' } });
    },
  });

  it('each file reports its own resources, with values from the other files', () => {
    const files = { 'a.tf': 'resource "aws_ecs_task_definition" "a" {\n  family = var.family\n}\n', 'b.tf': 'resource "aws_ecs_task_definition" "b" {\n  family = "b"\n}\nvariable "family" {\n  default = "from-b"\n}\n' };
    const index = workspaceOf(files);
    const findings = (name: string) => lint(prepare({ uri: FOLDER + name, text: files[name as keyof typeof files] }), { rules: [rule], workspace: index }).map((f) => [f.message, f.fix, f.related.map((r) => r.uri)]);
    assert.deepEqual(findings('a.tf'), [['family from-b', undefined, [`${FOLDER}b.tf`]]]);
    assert.deepEqual(findings('b.tf'), [['family b', undefined, []]]);
  });
});

describe('container definitions read with file() and templatefile()', () => {
  const rule = defineRule({
    id: 'test/every-port-and-cpu',
    kinds: ['terraform', 'ecs-container-definitions'],
    severity: 'warning',
    docs: { summary: 'Report every host port and task cpu' },
    messages: { port: 'hostPort {port}', cpu: 'cpu {cpu}' },
    check(ctx) {
      for (const td of ctx.model.taskDefinitions) {
        if (td.cpu?.known) ctx.report({ at: td.cpu, messageId: 'cpu', data: { cpu: td.cpu.value } });
        for (const c of td.containers) for (const m of c.portMappings) if (m.hostPort?.known) ctx.report({ at: m.hostPort, messageId: 'port', data: { port: m.hostPort.value } });
      }
    },
  });
  const files = {
    'main.tf': 'resource "aws_ecs_task_definition" "a" {\n  cpu = 256\n  container_definitions = templatefile("${path.module}/containers.json.tpl", { image = var.image })\n}\n',
    'containers.json.tpl': '[\n  {"name": "web", "image": "${image}", "portMappings": [{"containerPort": 80, "hostPort": 80}]}\n]\n',
  };

  it('a bare array of container definitions is its own kind, placeholders are unknown values', () => {
    const doc = prepare({ uri: `${FOLDER}containers.json.tpl`, text: files['containers.json.tpl'] });
    assert.equal(doc.kind, 'ecs-container-definitions');
    const [td] = doc.model!.taskDefinitions;
    assert.equal(td!.containers[0]!.image?.known, false);
    // The task's own settings are in the .tf that reads the file: unknown here, not absent.
    assert.equal(td!.networkMode?.known, false);
    assert.equal(prepare({ uri: `${FOLDER}other.json`, text: '[{"name": "x"}, 3]' }).kind, undefined);
  });

  it('the .tf reports the task, the JSON file its containers; each re-checks when the other changes', () => {
    const index = workspaceOf(files);
    const findings = (name: keyof typeof files) => lint(prepare({ uri: FOLDER + name, text: files[name] }), { rules: [rule], workspace: index }).map((f) => f.message);
    assert.deepEqual(findings('main.tf'), ['cpu 256']);
    assert.deepEqual(findings('containers.json.tpl'), ['hostPort 80']);
    assert.deepEqual(index.dependents(`${FOLDER}main.tf`), [`${FOLDER}containers.json.tpl`]);
    assert.deepEqual(index.dependents(`${FOLDER}containers.json.tpl`), [`${FOLDER}main.tf`]);
  });

  it('a container definitions file no Terraform reads is checked on its own', () => {
    const index = workspaceOf({ 'c.json': files['containers.json.tpl'].replace('${image}', 'nginx') });
    const doc = prepare({ uri: `${FOLDER}c.json`, text: files['containers.json.tpl'].replace('${image}', 'nginx') });
    assert.deepEqual(lint(doc, { rules: [rule], workspace: index }).map((f) => f.message), ['hostPort 80']);
  });
});

describe('OpenTofu: x.tofu is read instead of x.tf', () => {
  const lambda = (memory: number) => `resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  memory_size   = ${memory}\n}\n`;
  const files = { 'main.tf': lambda(128), 'main.tofu': lambda(1024), 'variables.tf': 'variable "x" {\n  default = 1\n}\n', 'extra.tofu': 'locals {\n  y = 2\n}\n' };

  it('a .tofu file\'s module is OpenTofu\'s: main.tf is left out, the other .tf files stay', () => {
    assert.deepEqual(moduleModel(files, 'main.tofu').lambdaFunctions.map((f) => f.memorySize?.known && f.memorySize.value), [1024]);
    assert.deepEqual(moduleModel(files, 'variables.tf').lambdaFunctions.map((f) => f.memorySize?.known && f.memorySize.value), [1024]);
    assert.deepEqual(moduleModel(files, 'extra.tofu').lambdaFunctions.map((f) => f.memorySize?.known && f.memorySize.value), [1024]);
  });

  it('a .tf file with a .tofu twin is read as Terraform reads the folder: its .tf files, no .tofu file', () => {
    assert.deepEqual(moduleModel(files, 'main.tf').lambdaFunctions.map((f) => f.memorySize?.known && f.memorySize.value), [128]);
  });

  it('the twin rule is by name: main.tf.json gives way to main.tofu.json, not to main.tofu', () => {
    const json = JSON.stringify({ resource: { aws_lambda_function: { fn: { function_name: 'fn', memory_size: 256 } } } });
    const both = { 'main.tf.json': json, 'main.tofu': lambda(1024) };
    assert.deepEqual(moduleModel(both, 'main.tofu').lambdaFunctions.map((f) => f.memorySize?.known && f.memorySize.value).sort(), [1024, 256]);
    const twins = { 'main.tf.json': json, 'main.tofu.json': json.replace('256', '512') };
    assert.deepEqual(moduleModel(twins, 'main.tofu.json').lambdaFunctions.map((f) => f.memorySize?.known && f.memorySize.value), [512]);
  });
});
