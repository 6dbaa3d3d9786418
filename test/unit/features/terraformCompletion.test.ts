/** Completion in Terraform: keys and values inside jsonencode() (HCL syntax) and JSON heredocs, API values for arguments. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { completionsAt } from '../../../server/src/core/features/completion';
import type { CompletionEntry } from '../../../server/src/core/features/types';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const NOW = new Date('2026-11-23T00:00:00Z');

/** Completion at the `|` in `text` (the bar is removed), with the text each entry would replace. */
function complete(text: string, filename = 'main.tf'): { entries: CompletionEntry[]; replaced: string[] } {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0);
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const entries = completionsAt(prepare({ uri: `file:///w/${filename}`, text: clean }), offset, { now: NOW });
  return { entries, replaced: [...new Set(entries.map((e) => clean.slice(e.span.start, e.span.end)))] };
}
const sorted = (entries: CompletionEntry[]) => [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
const labels = (entries: CompletionEntry[]) => sorted(entries).map((e) => e.label);
const inserts = (entries: CompletionEntry[]) => sorted(entries).map((e) => e.insertText);

const task = (body: string, containers: string) => `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
${body}
  container_definitions = ${containers}
}
`;

describe('completion: Terraform, inside jsonencode()', () => {
  it('keys of a container definition in HCL syntax (`name = `), without the ones already written', () => {
    const { entries, replaced } = complete(task('', `jsonencode([
    {
      name  = "web"
      image = "nginx:1.27"
      ess|
    }
  ])`));
    const essential = entries.find((e) => e.label === 'essential');
    assert.equal(essential?.insertText, 'essential = ');
    assert.ok(essential?.documentation?.includes('essential'), 'AWS docs of the key');
    assert.ok(entries.some((e) => e.label === 'portMappings'));
    assert.ok(!entries.some((e) => e.label === 'name' || e.label === 'image'), 'written keys are not offered again');
    assert.deepEqual(replaced, ['ess']);
  });

  it('keys in a nested object (logConfiguration), on a line after a comma', () => {
    const { entries } = complete(task('', `jsonencode([{ name = "web", logConfiguration = { logDriver = "awslogs", | } }])`));
    assert.deepEqual(labels(entries).sort(), ['options', 'secretOptions']);
    assert.deepEqual(inserts(entries).sort(), ['options = ', 'secretOptions = ']);
  });

  it('enum values: quoted when no quote was typed, bare inside quotes; Fargate log drivers first', () => {
    const bare = complete(task('', `jsonencode([{ name = "web", logConfiguration = { logDriver = aw| } }])`));
    assert.deepEqual(labels(bare.entries).slice(0, 3), ['awslogs', 'splunk', 'awsfirelens']);
    assert.equal(sorted(bare.entries)[0]!.insertText, '"awslogs"');
    assert.deepEqual(bare.replaced, ['aw']);
    const quoted = complete(task('', `jsonencode([{ name = "web", logConfiguration = { logDriver = "|" } }])`));
    assert.equal(sorted(quoted.entries)[0]!.insertText, 'awslogs');
    assert.equal(quoted.entries.find((e) => e.label === 'syslog')?.deprecated, true, 'not on Fargate');
  });

  it('container names for dependsOn, from the same task definition', () => {
    const { entries } = complete(task('', `jsonencode([
    { name = "app", image = "app:1", dependsOn = [{ containerName = "|", condition = "START" }] },
    { name = "envoy", image = "envoy:1" },
  ])`));
    assert.deepEqual(labels(entries), ['envoy']);
  });
});

describe('completion: Terraform, inside a JSON heredoc', () => {
  it('keys in JSON syntax and values inside their quotes', () => {
    const keys = complete(task('', `<<-EOF
    [{ "name": "web", "image": "nginx:1.27", "ess|" }]
  EOF`));
    // The whole quoted key is replaced and the colon written (issue 21, bug 2), as in a JSON file.
    const essential = keys.entries.find((e) => e.label === 'essential');
    assert.equal(essential?.insertText, '"essential": ');
    assert.equal(essential.filterText, '"essential"');
    assert.deepEqual(keys.replaced, ['"ess"']);
    const values = complete(task('', `<<-EOF
    [{ "name": "web", "image": "nginx:1.27", "logConfiguration": { "logDriver": "|" } }]
  EOF`));
    assert.deepEqual(labels(values.entries).slice(0, 1), ['awslogs']);
    assert.equal(sorted(values.entries)[0]!.insertText, 'awslogs');
  });
});

describe('completion: Terraform, argument values', () => {
  it('network_mode and requires_compatibilities take the API values', () => {
    assert.deepEqual(inserts(complete(task('  network_mode = |', '"[]"')).entries), ['"bridge"', '"host"', '"awsvpc"', '"none"']);
    assert.deepEqual(inserts(complete(task('  network_mode = "aw|"', '"[]"')).entries), ['bridge', 'host', 'awsvpc', 'none']);
    assert.deepEqual(labels(complete('resource "aws_ecs_task_definition" "t" {\n  requires_compatibilities = ["|"]\n}\n').entries), ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  });

  it('Fargate memory for the cpu of the same resource, inserted as numbers', () => {
    const { entries } = complete(task('  cpu    = "256"\n  memory = |', '"[]"'));
    assert.deepEqual(inserts(entries), ['512', '1024', '2048']);
  });

  it('Lambda runtimes by lifecycle', () => {
    const { entries } = complete('resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  runtime = "py|"\n}\n');
    assert.ok(entries.length > 5);
    assert.ok(entries.some((e) => e.label === 'python3.13' && e.insertText === 'python3.13'));
  });

  it('nothing for argument names, unmodelled resources, or values the provider writes otherwise', () => {
    assert.deepEqual(complete(task('  netw|', '"[]"')).entries, []);
    assert.deepEqual(complete('resource "aws_instance" "box" {\n  instance_type = "|"\n}\n').entries, []);
    assert.deepEqual(complete('resource "aws_ecs_service" "s" {\n  network_configuration {\n    assign_public_ip = |\n  }\n}\n').entries, []);
  });
});

describe('completion: Terraform JSON syntax (.tf.json)', () => {
  const json = (task: object) => JSON.stringify({ resource: { aws_ecs_task_definition: { web: task } } }, null, 2);

  it('the API values of an argument, inside its quotes', () => {
    const { entries, replaced } = complete(json({ family: 'web', network_mode: 'aw|' }), 'main.tf.json');
    assert.deepEqual(labels(entries), ['bridge', 'host', 'awsvpc', 'none']);
    assert.deepEqual(inserts(entries), ['bridge', 'host', 'awsvpc', 'none']);
    assert.deepEqual(replaced, ['aw']);
  });

  it('values inside a JSON string argument (container_definitions), and no argument names', () => {
    const text = json({ family: 'web', container_definitions: '[{"name":"web","logConfiguration":{"logDriver":"aw|"}}]' });
    const { entries, replaced } = complete(text, 'main.tf.json');
    assert.ok(labels(entries).includes('awslogs') && labels(entries).includes('splunk'), labels(entries).join());
    assert.deepEqual(replaced, ['aw']);
    assert.deepEqual(complete(json({ family: 'web', netw: '' }).replace('netw', 'netw|'), 'main.tf.json').entries, []);
  });
});
