/**
 * A Terraform plan in JSON (`terraform show -json <planfile>`): detected by its content, read as the one model
 * (planned values; what the plan cannot know yet is unknown, linked by the configuration's references), linted with
 * the Terraform rules, and its findings moved to the `.tf` block that declares the resource when the folder has it.
 * The fixture (test/fixtures/terraform-plan/) is a plan written by hand in the format of
 * developer.hashicorp.com/terraform/internals/json-format, beside the main.tf it was made from.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, prepare, toIndexed } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/rules/types';
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';
import { findingsInConfiguration } from '../../../server/src/core/terraform/planSource';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'terraform-plan');
const PLAN = readFileSync(join(FIXTURE, 'plan.json'), 'utf8');
const MAIN = readFileSync(join(FIXTURE, 'main.tf'), 'utf8');
const JOBS = readFileSync(join(FIXTURE, 'modules', 'jobs', 'main.tf'), 'utf8');
const FOLDER = 'file:///ws/infra/';
const NOW = new Date('2026-12-01T00:00:00Z');

/** `rule line:col-line:col "text"` with 1-based positions, in the document the finding lands in. */
function where(findings: readonly Finding[], texts: Record<string, string>, home: string): string[] {
  return findings.map((f) => {
    const text = texts[f.uri ?? home]!;
    const lines = new LineIndex(text);
    const a = lines.positionAt(f.span.start);
    const b = lines.positionAt(f.span.end);
    const name = (f.uri ?? home).slice(FOLDER.length);
    return `${f.ruleId} ${name}:${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1} ${text.slice(f.span.start, f.span.end)}`;
  });
}

describe('Terraform plan JSON', () => {
  it('is detected by its content, whatever its name, and modelled from planned_values', () => {
    const doc = prepare({ uri: `${FOLDER}tfplan.json`, text: PLAN });
    assert.equal(doc.kind, 'terraform-plan');
    const model = doc.model!;
    assert.deepEqual(model.taskDefinitions.map((t) => [t.logicalId, t.memory?.known && t.memory.value, t.containers.map((c) => c.name?.known && c.name.value)]), [['aws_ecs_task_definition.api', '3072', ['api']]]);
    // The service's task definition and target group are unknown until apply; the configuration says which they are.
    assert.deepEqual(model.services.map((s) => [s.logicalId, s.taskDefinitionRef, s.loadBalancers.map((lb) => lb.targetGroupRef)]), [['aws_ecs_service.api', 'aws_ecs_task_definition.api', ['aws_lb_target_group.api']]]);
    // A child module's resource keeps its full address; a null or empty-list argument is not set.
    assert.deepEqual(model.lambdaFunctions.map((f) => [f.logicalId, f.memorySize?.known && f.memorySize.value, f.vpc]), [
      ['aws_lambda_function.report', 128, undefined],
      ['module.jobs.aws_lambda_function.worker', 20000, undefined],
    ]);
    // Not a plan: the state (no planned_values, no resource_changes) and a file that only names the keys.
    assert.equal(prepare({ uri: `${FOLDER}state.json`, text: '{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{}}}' }).kind, undefined);
  });

  it('the values the source cannot know are judged: findings at exact ranges in the plan, without fixes', () => {
    const findings = lint(prepare({ uri: `${FOLDER}plan.json`, text: PLAN }), { now: NOW });
    assert.deepEqual(where(findings, { [`${FOLDER}plan.json`]: PLAN }, `${FOLDER}plan.json`), [
      'ecs/prefer-readonly-root-filesystem plan.json:57:106-57:114 \\"name\\"',
      'ecs/fargate-valid-cpu-memory plan.json:64:23-64:29 "3072"',
      'lambda/no-deprecated-runtime plan.json:106:24-106:35 "python3.8"',
      'ecs/valid-target-type plan.json:136:28-136:38 "instance"',
      'lambda/valid-memory-size plan.json:157:32-157:37 20000',
    ]);
    assert.ok(findings.every((f) => f.fix === undefined && f.uri === undefined));
    // One line, as terraform show -json writes it: the same findings.
    const compact = JSON.stringify(JSON.parse(PLAN));
    assert.deepEqual(
      lint(prepare({ uri: `${FOLDER}plan.json`, text: compact }), { now: NOW }).map((f) => f.ruleId),
      findings.map((f) => f.ruleId),
    );
  });

  it('with the configuration in the folder, each finding moves to the .tf block by resource address', () => {
    const index = new WorkspaceIndex();
    index.set(toIndexed(prepare({ uri: `${FOLDER}main.tf`, text: MAIN }))!);
    const plan = prepare({ uri: `${FOLDER}plan.json`, text: PLAN });
    // Linted alone (no workspace, so nothing moves), then placed: every finding of the plan.
    const moved = findingsInConfiguration({ uri: plan.uri, text: PLAN, root: plan.tree?.root }, lint(plan, { now: NOW }), index, DEFAULT_LIMITS);
    assert.deepEqual(where(moved, { [`${FOLDER}plan.json`]: PLAN, [`${FOLDER}main.tf`]: MAIN }, `${FOLDER}plan.json`), [
      // Inside jsonencode(): the same path, camelCase as written.
      'ecs/prefer-readonly-root-filesystem main.tf:19:7-19:11 name',
      // A variable set on the command line: the finding lands on its use.
      'ecs/fargate-valid-cpu-memory main.tf:16:30-16:40 var.memory',
      'lambda/no-deprecated-runtime main.tf:61:19-61:30 var.runtime',
      // target_type is the provider's default, not written: the resource's name label.
      'ecs/valid-target-type main.tf:27:32-27:37 "api"',
      // A child module's resource, its folder not in the workspace: it stays in the plan.
      'lambda/valid-memory-size plan.json:157:32-157:37 20000',
    ]);
    const memory = moved[1]!;
    const planned = PLAN.indexOf('"memory": "3072"') + '"memory": '.length;
    assert.deepEqual(memory.related[0], { uri: `${FOLDER}plan.json`, span: { start: planned, end: planned + 6 }, message: 'The planned value' });
    // The target group's finding points at the task definition's network mode, in main.tf too.
    const targetType = moved[3]!;
    assert.deepEqual(
      targetType.related.slice(1).map((r) => [r.uri, MAIN.slice(r.span.start, r.span.end)]),
      [[`${FOLDER}main.tf`, '"awsvpc"']],
    );
    // lint() places them so, each problem once: where main.tf reports the problem itself, its own finding stands for
    // the plan's (the target type: on the service's target_group_arn, not on the target group's name).
    assert.deepEqual(where(lint(plan, { workspace: index, now: NOW }), { [`${FOLDER}plan.json`]: PLAN, [`${FOLDER}main.tf`]: MAIN }, `${FOLDER}plan.json`), [
      'ecs/prefer-readonly-root-filesystem main.tf:19:7-19:11 name',
      'ecs/fargate-valid-cpu-memory main.tf:16:30-16:40 var.memory',
      'lambda/no-deprecated-runtime main.tf:61:19-61:30 var.runtime',
      'ecs/valid-target-type main.tf:52:24-52:51 aws_lb_target_group.api.arn',
      'lambda/valid-memory-size plan.json:157:32-157:37 20000',
    ]);
  });

  /** main.tf, modules/jobs/main.tf and the plan, each in the index as the editor and berth lint keep them. */
  function workspace(texts: Record<string, string>) {
    const index = new WorkspaceIndex();
    const docs = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, prepare({ uri: `${FOLDER}${name}`, text })]));
    for (const doc of Object.values(docs)) index.set(toIndexed(doc)!);
    const all = Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${FOLDER}${name}`, text]));
    return { index, docs, at: (findings: readonly Finding[], name: string) => where(findings, all, `${FOLDER}${name}`) };
  }

  it('a child module\'s resource moves to the module\'s folder when its source is local', () => {
    const { index, docs, at } = workspace({ 'main.tf': MAIN, 'modules/jobs/main.tf': JOBS, 'plan.json': PLAN });
    const findings = lint(docs['plan.json']!, { workspace: index, now: NOW });
    assert.deepEqual(at(findings, 'plan.json').filter((f) => f.startsWith('lambda/valid-memory-size')), ['lambda/valid-memory-size modules/jobs/main.tf:12:19-12:34 var.memory_size']);
    // The plan says where each module is: configuration.root_module.module_calls.jobs.source.
    assert.deepEqual(docs['plan.json']!.model!.planModules, [{ address: '', folder: '.' }, { address: 'module.jobs', folder: './modules/jobs' }]);
  });

  it('in the editor, a .tf file shows the findings of the plans made from its folder, and the plan only the ones it keeps', () => {
    const { index, docs, at } = workspace({ 'main.tf': MAIN, 'modules/jobs/main.tf': JOBS, 'plan.json': PLAN });
    const editor = { workspace: index, now: NOW, ownDocumentOnly: true };
    assert.deepEqual(at(lint(docs['main.tf']!, editor), 'main.tf'), [
      'ecs/fargate-valid-cpu-memory main.tf:16:30-16:40 var.memory',
      'ecs/prefer-readonly-root-filesystem main.tf:19:7-19:11 name',
      // Found in the source (on the service's target_group_arn) and in the plan (on the target group): once.
      'ecs/valid-target-type main.tf:52:24-52:51 aws_lb_target_group.api.arn',
      'lambda/no-deprecated-runtime main.tf:61:19-61:30 var.runtime',
    ]);
    const memory = lint(docs['main.tf']!, editor)[0]!;
    assert.equal(memory.uri, undefined);
    assert.equal(memory.fix, undefined);
    assert.deepEqual(memory.related.map((r) => [r.uri, r.message]), [[`${FOLDER}plan.json`, 'The planned value']]);
    assert.deepEqual(at(lint(docs['modules/jobs/main.tf']!, editor), 'modules/jobs/main.tf'), ['lambda/valid-memory-size modules/jobs/main.tf:12:19-12:34 var.memory_size']);
    // Each is shown in its .tf file: the plan keeps none.
    assert.deepEqual(lint(docs['plan.json']!, editor), []);
    // berth lint and berth mcp get them from the plan too, with the file they are shown in, as that file shows them.
    const fromPlan = lint(docs['plan.json']!, { workspace: index, now: NOW });
    assert.deepEqual(at(fromPlan, 'plan.json'), [
      'ecs/prefer-readonly-root-filesystem main.tf:19:7-19:11 name',
      'ecs/fargate-valid-cpu-memory main.tf:16:30-16:40 var.memory',
      'lambda/no-deprecated-runtime main.tf:61:19-61:30 var.runtime',
      'ecs/valid-target-type main.tf:52:24-52:51 aws_lb_target_group.api.arn',
      'lambda/valid-memory-size modules/jobs/main.tf:12:19-12:34 var.memory_size',
    ]);
    const targetType = fromPlan.find((f) => f.ruleId === 'ecs/valid-target-type')!;
    assert.deepEqual(targetType.related.map((r) => r.uri), [`${FOLDER}main.tf`, `${FOLDER}main.tf`]);
    assert.ok(fromPlan.every((f) => f.fix === undefined));
  });

  it('a problem the module reports in another file than the plan\'s block is shown once, where the module reports it', () => {
    const start = MAIN.indexOf('resource "aws_lb_target_group"');
    const end = MAIN.indexOf('resource "aws_ecs_service"');
    const alb = MAIN.slice(start, end);
    const main = MAIN.slice(0, start) + MAIN.slice(end);
    const { index, docs, at } = workspace({ 'alb.tf': alb, 'main.tf': main, 'plan.json': PLAN });
    const editor = { workspace: index, now: NOW, ownDocumentOnly: true };
    // The plan finds target_type on the target group (alb.tf); the source finds it on the service (main.tf).
    assert.deepEqual(lint(docs['alb.tf']!, editor), []);
    assert.deepEqual(at(lint(docs['main.tf']!, editor), 'main.tf').filter((f) => f.startsWith('ecs/valid-target-type')), ['ecs/valid-target-type main.tf:45:24-45:51 aws_lb_target_group.api.arn']);
    assert.deepEqual(at(lint(docs['plan.json']!, { workspace: index, now: NOW }), 'plan.json').filter((f) => f.startsWith('ecs/valid-target-type')), ['ecs/valid-target-type main.tf:45:24-45:51 aws_lb_target_group.api.arn']);
  });

  it('a berth-ignore comment in the .tf file suppresses the plan\'s finding there', () => {
    const ignored = MAIN.replace('  runtime       = var.runtime', '  # berth-ignore lambda/no-deprecated-runtime\n  runtime       = var.runtime');
    const { index, docs, at } = workspace({ 'main.tf': ignored, 'plan.json': PLAN });
    const rules = (findings: readonly Finding[]) => findings.map((f) => f.ruleId);
    assert.ok(!rules(lint(docs['main.tf']!, { workspace: index, now: NOW })).includes('lambda/no-deprecated-runtime'));
    assert.deepEqual(at(lint(docs['plan.json']!, { workspace: index, now: NOW }), 'plan.json').map((f) => f.split(' ')[0]), [
      'ecs/prefer-readonly-root-filesystem',
      'ecs/fargate-valid-cpu-memory',
      'ecs/valid-target-type',
      'lambda/valid-memory-size',
    ]);
  });

  it('the plan and the .tf files of its modules depend on each other in the index', () => {
    const { index } = workspace({ 'main.tf': MAIN, 'modules/jobs/main.tf': JOBS, 'other/main.tf': 'resource "aws_sqs_queue" "q" {}\n', 'plan.json': PLAN });
    assert.deepEqual(index.dependents(`${FOLDER}plan.json`).sort(), [`${FOLDER}main.tf`, `${FOLDER}modules/jobs/main.tf`]);
    assert.deepEqual(index.dependents(`${FOLDER}modules/jobs/main.tf`), [`${FOLDER}plan.json`]);
    assert.deepEqual(index.dependents(`${FOLDER}other/main.tf`), []);
  });
});
