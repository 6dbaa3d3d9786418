/**
 * The hostile inputs of issue 11 §2, each with its explicit expectation. Small cases are committed under
 * test/hostile/fixtures/; big ones (megabytes, 10,000 levels, 100k keys or lines) are generated here at test
 * time and never committed. `writeCases(dir)` writes them all to a folder (for the CLI and the server).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Expectation {
  /** The rule id of the finding that names the problem; `null`: the file is rightly not analysed at all. */
  readonly ruleId: string | null;
  /** What the finding's message must say (names the problem). */
  readonly message?: RegExp;
  /** Findings of other rules are allowed (e.g. a valid but odd file still gets its ordinary findings). */
  readonly others?: 'allowed' | 'none';
  /** At least this many findings of `ruleId` (default 1). */
  readonly atLeast?: number;
}

export interface HostileCase {
  readonly name: string;
  /** File name: decides the format, as in a workspace. */
  readonly file: string;
  readonly bytes: () => Buffer;
  readonly expect: Expectation;
  /** The editor would send this text (lenient UTF-8 decoding); the CLI reads the bytes. */
  readonly editorText?: () => string;
  /**
   * CPU time the core may take, when not the default 2 s: a bound, not a measure (bench/ measures). The big Terraform
   * files spend most of it in tree-sitter's own parse.
   */
  readonly cpuLimitMs?: number;
}

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => () => readFileSync(join(FIXTURES, name));
const text = (s: string) => () => Buffer.from(s, 'utf8');

const TASK_HEAD = '{"family":"web","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512",';

export const CASES: readonly HostileCase[] = [
  {
    name: 'a YAML alias bomb ("billion laughs")',
    file: 'alias-bomb.yaml',
    bytes: fixture('alias-bomb.yaml'),
    expect: { ruleId: 'parse/too-complex', message: /alias/i, others: 'none' },
  },
  {
    name: 'a recursive alias',
    file: 'recursive-alias.yaml',
    bytes: fixture('recursive-alias.yaml'),
    expect: { ruleId: 'parse/too-complex', message: /alias \*loop refers to itself/, others: 'none' },
  },
  {
    name: '10,000-level nesting in JSON',
    file: 'deep.json',
    bytes: () => Buffer.from(`{"containerDefinitions": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
    expect: { ruleId: 'parse/too-complex', message: /nest|deep/i, others: 'none' },
  },
  {
    // 10,000 block levels need 50 MB of indentation (over the size limit); 2,000 stay under it.
    name: '2,000-level nesting in YAML (block mappings, one space a level)',
    file: 'deep-block.yaml',
    bytes: () => {
      const lines = ['Resources:', '  T:', '    Type: AWS::ECS::TaskDefinition', '    Properties:'];
      for (let i = 0; i < 2_000; i++) lines.push(`${' '.repeat(6 + i)}k${i}:`);
      return Buffer.from(`${lines.join('\n')}\n`);
    },
    expect: { ruleId: 'parse/too-complex', message: /nest|deep/i, others: 'none' },
  },
  {
    name: '10,000-level nesting in YAML (flow sequences)',
    file: 'deep-flow.yaml',
    bytes: () => Buffer.from(`containerDefinitions: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    expect: { ruleId: 'parse/too-complex', message: /nest|deep/i, others: 'none' },
  },
  {
    name: 'a 5 MB string value (just under the size limit: analysed)',
    file: 'big-string.json',
    bytes: () => Buffer.from(`${TASK_HEAD}"containerDefinitions":[{"name":"app","image":"nginx:1.27","essential":true,"command":["${'x'.repeat(5_000_000)}"]}]}`),
    expect: { ruleId: 'ecs/valid-task-definition-size', message: /at most 64 KiB/, others: 'allowed' },
  },
  {
    name: 'a 20 MB file',
    file: 'huge.json',
    bytes: () => Buffer.from(`${TASK_HEAD}"containerDefinitions":[${Array.from({ length: 265_000 }, (_, i) => `{"name":"c${i}","image":"nginx:1.27","cpu":1,"memory":64,"essential":false}`).join(',\n')}]}`),
    expect: { ruleId: 'parse/too-complex', message: /19\.\d+ MB, over the 5(\.0)? MB/, others: 'none' },
  },
  {
    name: 'a 100k-key object',
    file: 'many-keys.json',
    bytes: () => {
      const env = Array.from({ length: 100_000 }, (_, i) => `"K${i}":"v"`).join(',');
      return Buffer.from(`{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"T":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":[{"Name":"a","Image":"nginx:1.27"}]}}},"Mappings":{"M":{${env}}}}`);
    },
    expect: { ruleId: null, others: 'allowed' },
  },
  {
    name: 'a 1 MB single line',
    file: 'one-line.json',
    bytes: () => {
      const env = (c: number) => Array.from({ length: 50 }, (_, i) => `{"name":"VAR_${c}_${i}","value":"${'v'.repeat(170)}"}`).join(',');
      const containers = Array.from({ length: 100 }, (_, i) => `{"name":"c${i}","image":"nginx:1.27","essential":${i === 0},"environment":[${env(i)}]}`).join(',');
      return Buffer.from(`${TASK_HEAD}"containerDefinitions":[${containers}]}`);
    },
    expect: { ruleId: 'ecs/valid-task-definition-size', message: /100 containers; ECS allows at most 10/, others: 'allowed' },
  },
  {
    name: 'invalid UTF-8',
    file: 'latin1.yaml',
    bytes: () => Buffer.from('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition # caf\xe9\n', 'latin1'),
    expect: { ruleId: 'parse/invalid-encoding', message: /not valid UTF-8/ },
    editorText: () => 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition # caf\uFFFD\n',
  },
  {
    name: 'binary content and NUL bytes',
    file: 'binary.json',
    bytes: () => Buffer.concat([Buffer.from('{"containerDefinitions": ['), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x89, 0x50, 0x4e, 0x47]), Buffer.from(']}')]),
    expect: { ruleId: 'parse/invalid-encoding', message: /binary/, others: 'none' },
  },
  {
    name: 'an empty file (JSON: not an AWS file, nothing to say)',
    file: 'empty.json',
    bytes: () => Buffer.alloc(0),
    expect: { ruleId: null, others: 'none' },
  },
  {
    name: 'an empty Dockerfile',
    file: 'Dockerfile.empty',
    bytes: () => Buffer.alloc(0),
    expect: { ruleId: 'parse/invalid-encoding', message: /This file is empty/, others: 'none' },
  },
  {
    name: 'a lone BOM (JSON: nothing to say)',
    file: 'bom.json',
    bytes: () => Buffer.from([0xef, 0xbb, 0xbf]),
    expect: { ruleId: null, others: 'none' },
  },
  {
    name: 'a lone BOM in a Dockerfile',
    file: 'bom.Dockerfile',
    bytes: () => Buffer.from([0xef, 0xbb, 0xbf]),
    expect: { ruleId: 'parse/invalid-encoding', message: /This file is empty/, others: 'none' },
  },
  {
    name: 'mixed line endings (\\n, \\r\\n, \\r): findings still at the right place',
    file: 'mixed-eol.json',
    bytes: text('{\r\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\r  "networkMode": "awsvpc",\r\n  "cpu": "256",\n  "memory": "4096",\r\n  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "essential": true }]\n}\n'),
    expect: { ruleId: 'ecs/fargate-valid-cpu-memory', message: /4096 MiB/, others: 'allowed' },
  },
  {
    name: 'tabs in YAML indentation',
    file: 'tabs.yaml',
    bytes: fixture('tabs.yaml'),
    expect: { ruleId: 'parse/syntax-error', message: /tab/i, others: 'none' },
  },
  {
    name: 'a truncated file',
    file: 'truncated.json',
    bytes: fixture('truncated.json'),
    expect: { ruleId: 'parse/syntax-error', message: /Invalid JSON|expected|end/i, others: 'none' },
  },
  {
    name: 'duplicate keys at every level',
    file: 'duplicates.yaml',
    bytes: fixture('duplicates.yaml'),
    expect: { ruleId: 'parse/duplicate-key', message: /Duplicate key/, others: 'allowed', atLeast: 6 },
  },
  {
    name: 'every value of the wrong type',
    file: 'wrong-types.json',
    bytes: fixture('wrong-types.json'),
    expect: { ruleId: 'schema/valid-api-input', message: /must be/, others: 'allowed', atLeast: 20 },
  },
  {
    name: 'a Dockerfile of 100k lines',
    file: 'long.Dockerfile',
    bytes: () => Buffer.from(`FROM ubuntu:22.04\n${Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `ENV V${i}=${i}` : `RUN echo ${i}`)).join('\n')}\n`),
    expect: { ruleId: 'parse/too-complex', message: /more than 10,000 lines/, others: 'none' },
  },
  {
    name: 'a Dockerfile of 10,000 lines (at the line limit: analysed)',
    file: 'limit.Dockerfile',
    bytes: () => Buffer.from(`FROM ubuntu:22.04\n${Array.from({ length: 9_998 }, (_, i) => (i % 2 ? `ENV V${i}=${i}` : `RUN echo ${i}`)).join('\n')}\nUSER app`),
    expect: { ruleId: null, others: 'allowed' },
  },
  {
    name: 'a RUN with a 50k-character heredoc',
    file: 'heredoc.Dockerfile',
    bytes: () => Buffer.from(`# syntax=docker/dockerfile:1\nFROM ubuntu:22.04\nRUN <<EOF\n${'echo 0123456789abcdefghijklmnopqrstuvwxyz && \\\n'.repeat(1100)}true\nEOF\nUSER app\n`),
    expect: { ruleId: null, others: 'allowed' },
  },
  {
    name: 'an empty .tf file',
    file: 'empty.tf',
    bytes: () => Buffer.alloc(0),
    expect: { ruleId: null, others: 'none' },
  },
  {
    name: 'a .tf file of 10,000 resources (every 100th a task definition Fargate rejects)',
    file: 'many-resources.tf',
    bytes: () =>
      Buffer.from(
        Array.from({ length: 10_000 }, (_, i) =>
          i % 100 === 0
            ? `resource "aws_ecs_task_definition" "t${i}" {\n  family                   = "t${i}"\n  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"\n  cpu                      = 256\n  memory                   = 4096\n}\n`
            : `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`,
        ).join(''),
      ),
    expect: { ruleId: 'ecs/fargate-valid-cpu-memory', message: /4096 MiB/, others: 'none', atLeast: 100 },
    cpuLimitMs: 8000,
  },
  {
    name: '10,000-level nesting in a .tf file (tuples in a local)',
    file: 'deep.tf',
    bytes: () => Buffer.from(`locals {\n  x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n`),
    expect: { ruleId: 'parse/too-complex', message: /nests deeper/, others: 'none' },
  },
  {
    name: '5,000 nested blocks in a .tf file',
    file: 'deep-blocks.tf',
    bytes: () => Buffer.from(`${'a {\n'.repeat(5_000)}${'}\n'.repeat(5_000)}`),
    expect: { ruleId: 'parse/too-complex', message: /nests deeper/, others: 'none' },
  },
  {
    name: 'a 1 MB heredoc of container definitions in a .tf file',
    file: 'heredoc.tf',
    bytes: () =>
      Buffer.from(
        `resource "aws_ecs_task_definition" "big" {\n  family = "big"\n  container_definitions = <<EOF\n[{"name": "app", "image": "nginx:1.27", "essential": true, "environment": [\n${Array.from({ length: 12_500 }, (_, i) => `  {"name": "VAR_${i}", "value": "${'x'.repeat(50)}"}`).join(',\n')}\n]}]\nEOF\n}\n`,
      ),
    expect: { ruleId: 'ecs/valid-task-definition-size', message: /64 KiB/, others: 'allowed' },
    cpuLimitMs: 8000,
  },
  {
    name: 'binary content in a .tf file',
    file: 'binary.tf',
    bytes: () => Buffer.concat([Buffer.from('resource "aws_sqs_queue" "q" {'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x89, 0x50, 0x4e, 0x47]), Buffer.from('}\n')]),
    expect: { ruleId: 'parse/invalid-encoding', message: /binary/, others: 'none' },
  },
];

/** Writes every case into `dir` (a temporary folder): the big ones are made here, never committed. */
export function writeCases(dir: string): void {
  for (const c of CASES) writeFileSync(join(dir, c.file), c.bytes());
}
