/**
 * Accepting a property-name completion leaves the document as the user meant, in every cursor context (issue 21,
 * bug 2: `"memory` after a typed quote, `healthCheck` without its colon). Each case completes at `|`, accepts the
 * entry `label` as an editor does (its edit, its additional edits) and expects the text after; the typed text must
 * still match the entry's filter text, or the editor would hide it.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { completionsAt } from '../../../server/src/core/features/completion';
import type { CompletionEdit } from '../../../server/src/core/features/types';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

function accept(filename: string, textWithBar: string, label: string): string {
  const offset = textWithBar.indexOf('|');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  const entries = completionsAt(prepare({ uri: `file:///w/${filename}`, text }), offset);
  const entry = entries.find((e) => e.label === label);
  assert.ok(entry, `${label} offered (got ${entries.map((e) => e.label).slice(0, 8).join(', ')})`);
  const typed = text.slice(entry.span.start, offset);
  assert.ok((entry.filterText ?? entry.label).toLowerCase().startsWith(typed.toLowerCase()), `the typed ${JSON.stringify(typed)} matches ${entry.filterText ?? entry.label}`);
  const edits: CompletionEdit[] = [{ span: entry.span, newText: entry.insertText }, ...(entry.additionalEdits ?? [])];
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

const task = (inner: string) => `{\n  "family": "web",\n  ${inner}\n  "containerDefinitions": []\n}`;
const container = (inner: string) => `{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27", ${inner}}]}`;

const JSON_CASES: readonly (readonly [string, string, string, string])[] = [
  ['after a typed quote the editor closed', task('"|",'), 'memory', task('"memory": ,')],
  ['after a typed quote left open', task('"|'), 'memory', task('"memory": ')],
  ['inside a half-typed key', task('"mem|",'), 'memory', task('"memory": ,')],
  ['inside a half-typed key left open', task('"mem|'), 'memory', task('"memory": ')],
  ['in the middle of a key', task('"me|mry": "512",'), 'memory', task('"memory": "512",')],
  ['before an existing colon', task('"mem|": "512",'), 'memory', task('"memory": "512",')],
  ['before a colon across spaces', task('"|"  : "512",'), 'memory', task('"memory"  : "512",')],
  ['an object-valued key keeps its colon', container('"health|"'), 'healthCheck', container('"healthCheck": ')],
  ['no quote typed yet', task('mem|'), 'memory', task('"memory": ')],
  ['at the end of an object, after a comma', '{"family": "web", "containerDefinitions": [], "|"}', 'cpu', '{"family": "web", "containerDefinitions": [], "cpu": }'],
  ['after a pair that lacks its comma', '{"containerDefinitions": [], "family": "web"\n  "|"}', 'cpu', '{"containerDefinitions": [], "family": "web",\n  "cpu": }'],
  ['at the end of a nested object without a comma', container('"essential": true "|"'), 'cpu', container('"essential": true, "cpu": ')],
];

const cfn = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${props}`;

const YAML_CASES: readonly (readonly [string, string, string, string])[] = [
  ['block style, a half-typed key', cfn('      Cpu: 256\n      Mem|\n'), 'Memory', cfn('      Cpu: 256\n      Memory: \n')],
  ['block style, before an existing colon', cfn('      Mem|: 512\n'), 'Memory', cfn('      Memory: 512\n')],
  ['block style, an empty line', cfn('      Cpu: 256\n      |\n'), 'Memory', cfn('      Cpu: 256\n      Memory: \n')],
  ['flow style', 'AWSTemplateFormatVersion: \'2010-09-09\'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: 256, Mem| }\n', 'Memory', 'AWSTemplateFormatVersion: \'2010-09-09\'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: 256, Memory:  }\n'],
  ['flow style, before an existing colon', 'AWSTemplateFormatVersion: \'2010-09-09\'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: 256, Mem|: 512 }\n', 'Memory', 'AWSTemplateFormatVersion: \'2010-09-09\'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Cpu: 256, Memory: 512 }\n'],
];

describe('completion edits: JSON keys', () => {
  for (const [name, before, label, after] of JSON_CASES) {
    it(name, () => assert.equal(accept('task.json', before, label), after));
  }
  it('the document parses again once a value is typed after the completed key', () => {
    const out = accept('task.json', task('"|",'), 'memory').replace('"memory": ,', '"memory": "512",');
    assert.deepEqual(prepare({ uri: 'file:///w/task.json', text: out }).problems, []);
  });
});

describe('completion edits: YAML keys', () => {
  for (const [name, before, label, after] of YAML_CASES) {
    it(name, () => assert.equal(accept('template.yaml', before, label), after));
  }
});

const tf = (containers: string) => `resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = ${containers}\n}\n`;

describe('completion edits: Terraform', () => {
  before(() => loadHclParser());
  it('a jsonencode() key gets its =', () => assert.equal(accept('main.tf', tf('jsonencode([{ name = "web", ess| }])'), 'essential'), tf('jsonencode([{ name = "web", essential =  }])')));
  it('a jsonencode() key before an existing =', () => assert.equal(accept('main.tf', tf('jsonencode([{ name = "web", ess| = true }])'), 'essential'), tf('jsonencode([{ name = "web", essential = true }])')));
  it('a key after a typed quote in a JSON heredoc', () => assert.equal(accept('main.tf', tf('<<-EOF\n    [{ "name": "web", "ess|" }]\n  EOF'), 'essential'), tf('<<-EOF\n    [{ "name": "web", "essential":  }]\n  EOF')));
});
