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
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';
import type { Finding } from '../../../server/src/core/rules/types';
import { findingsInConfiguration } from '../../../server/src/core/terraform/planSource';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'terraform-plan');
const PLAN = readFileSync(join(FIXTURE, 'plan.json'), 'utf8');
const MAIN = readFileSync(join(FIXTURE, 'main.tf'), 'utf8');
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
    const moved = findingsInConfiguration({ uri: plan.uri, text: PLAN, root: plan.tree?.root }, lint(plan, { workspace: index, now: NOW }), index, DEFAULT_LIMITS);
    assert.deepEqual(where(moved, { [`${FOLDER}plan.json`]: PLAN, [`${FOLDER}main.tf`]: MAIN }, `${FOLDER}plan.json`), [
      // Inside jsonencode(): the same path, camelCase as written.
      'ecs/prefer-readonly-root-filesystem main.tf:19:7-19:11 name',
      // A variable set on the command line: the finding lands on its use.
      'ecs/fargate-valid-cpu-memory main.tf:16:30-16:40 var.memory',
      'lambda/no-deprecated-runtime main.tf:61:19-61:30 var.runtime',
      // target_type is the provider's default, not written: the resource's name label.
      'ecs/valid-target-type main.tf:27:32-27:37 "api"',
      // A child module's resource stays in the plan.
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
  });
});
