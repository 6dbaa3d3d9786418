/**
 * `berth mcp` end to end: the built CLI started over stdio by the MCP SDK's own client (as an agent starts it),
 * on a copy of a small project; every tool called on real files, and requests that are wrong in every way.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { RULES } from '../../server/src/core/rules/index';
import { buildCli, ROOT } from '../cli/cliHarness';
import { cdkApp } from '../helpers/cdkFixture';

const CLI = join(ROOT, 'dist', 'cli.js');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let project: string;
let client: Client;
let stderr = '';

async function connect(cwd: string, args: readonly string[] = []): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', ...args], cwd, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const c = new Client({ name: 'berth-test', version: '1.0.0' });
  await c.connect(transport);
  return c;
}

async function call(name: string, args: Record<string, unknown>, c = client): Promise<CallToolResult> {
  return (await c.callTool({ name, arguments: args })) as CallToolResult;
}

const textOf = (r: CallToolResult) => (r.content[0] as { text: string }).text;

before(async () => {
  await buildCli(); // dist/cli.js and dist/mcp.js
  project = mkdtempSync(join(tmpdir(), 'berth-mcp-'));
  cpSync(join(__dirname, 'fixtures', 'project'), project, { recursive: true });
  client = await connect(project);
});

after(async () => {
  await client?.close();
});

describe('berth mcp: the session', () => {
  it('initializes as berth with this version and instructions for the agent', () => {
    assert.deepEqual(client.getServerVersion(), { name: 'berth', title: 'Berth', version });
    assert.match(client.getInstructions()!, /^Berth checks AWS compute configuration/);
    assert.match(stderr, /berth mcp: serving .* on stdio/);
  });

  it('lists six read-only tools, each with input and output schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['lint', 'lint_text', 'list_fixes', 'apply_fixes', 'explain', 'deploy_plan']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.outputSchema?.type, 'object', tool.name);
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.ok(tool.description && tool.description.length > 80, tool.name);
    }
    assert.deepEqual(tools.find((t) => t.name === 'deploy_plan')!.inputSchema.required, ['target']);
  });
});

describe('lint', () => {
  it('reports what `berth lint --format json` reports for the project, and its text output', async () => {
    const r = await call('lint', {});
    const cli = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    const expected = JSON.parse(cli.stdout) as { findings: unknown[]; summary: unknown };
    assert.equal(r.isError, undefined);
    assert.deepEqual(r.structuredContent, { findings: expected.findings, summary: expected.summary, notes: [] });
    assert.equal(textOf(r), spawnSync(process.execPath, [CLI, 'lint'], { cwd: project, encoding: 'utf8' }).stdout);
    assert.deepEqual(
      (r.structuredContent!.findings as { file: string; line: number; column: number; ruleId: string }[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
      ['api/task-definition.json:6:13 ecs/fargate-valid-cpu-memory', 'web/task-definition.json:12:61 ecs/no-static-host-port-behind-load-balancer'],
    );
  });

  it('takes paths and a minimum severity', async () => {
    const r = await call('lint', { paths: ['web'], minSeverity: 'error' });
    assert.deepEqual(r.structuredContent!.findings, []);
    assert.deepEqual(r.structuredContent!.summary, { files: 3, errors: 0, warnings: 0, infos: 0 });
  });

  it('bad input: a path that matches nothing, a path outside the project (isError, a clear message)', async () => {
    const missing = await call('lint', { paths: ['no/such.json'] });
    assert.equal(missing.isError, true);
    assert.match(textOf(missing), /^No files matched "no\/such\.json" in /);
    const outside = await call('lint', { paths: ['../../etc'] });
    assert.equal(outside.isError, true);
    assert.match(textOf(outside), /^\.\.\/\.\.\/etc is outside the project folder .*; Berth reads files inside it only\.$/);
  });
});

describe('lint_text', () => {
  const fargate = (memory: string) =>
    `{\n  "family": "draft",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "${memory}",\n  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "essential": true }]\n}\n`;

  it('checks a text of a given kind: exact ranges and the quick fix id', async () => {
    const r = await call('lint_text', { text: fargate('4096'), kind: 'ecs-task-definition' });
    assert.equal(r.structuredContent!.kind, 'ecs-task-definition');
    const findings = r.structuredContent!.findings as { file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; fix?: string }[];
    const memory = findings.find((f) => f.ruleId === 'ecs/fargate-valid-cpu-memory')!;
    assert.deepEqual({ ...memory, message: undefined, docsUrl: undefined, severity: undefined }, {
      file: '<text>', line: 6, column: 13, endLine: 6, endColumn: 19, ruleId: 'ecs/fargate-valid-cpu-memory', fix: 'ecs/fargate-valid-cpu-memory@6:13',
      message: undefined, docsUrl: undefined, severity: undefined,
    });
    assert.match(textOf(r), /^<text>:6:13: error: Fargate does not offer 4096 MiB.*\(quick fix: ecs\/fargate-valid-cpu-memory@6:13\)$/m);
  });

  it('a text given with a path stands in for that file, with the rest of the project around it', async () => {
    const onDisk = readFileSync(join(project, 'web/task-definition.json'), 'utf8');
    const before = await call('lint_text', { path: 'web/task-definition.json', text: onDisk });
    assert.deepEqual((before.structuredContent!.findings as { ruleId: string }[]).map((f) => f.ruleId), ['ecs/no-static-host-port-behind-load-balancer'], 'the service is in another file');
    const after = await call('lint_text', { path: 'web/task-definition.json', text: onDisk.replace('"hostPort": 8080, ', '') });
    assert.deepEqual(after.structuredContent!.findings, []);
  });

  it('a text that is not what the kind says, and text that is no AWS configuration', async () => {
    const wrong = await call('lint_text', { text: fargate('512'), kind: 'lambda-function' });
    assert.equal(wrong.isError, true);
    assert.equal(textOf(wrong), '<text> does not look like a lambda-function; leave out "kind" to let Berth detect what it is.');
    const other = await call('lint_text', { text: '{ "name": "app", "version": "1.0.0" }' });
    assert.equal(other.isError, undefined);
    assert.deepEqual(other.structuredContent, { findings: [] });
    assert.match(textOf(other), /not AWS configuration Berth checks/);
    const neither = await call('lint_text', {});
    assert.equal(neither.isError, true);
    assert.equal(textOf(neither), 'Give a path (a file in the project) or a text to check.');
    const folder = await call('lint_text', { path: 'web' });
    assert.match(textOf(folder), /^web is a folder; give one file/);
  });
});

describe('list_fixes and apply_fixes', () => {
  it('lists a cross-file fix with its exact edit', async () => {
    const r = await call('list_fixes', { path: 'web/task-definition.json' });
    assert.deepEqual(r.structuredContent!.fixes, [
      {
        id: 'ecs/no-static-host-port-behind-load-balancer@12:61',
        title: 'Remove hostPort (dynamic port mapping)',
        finding: (r.structuredContent!.fixes as { finding: unknown }[])[0]!.finding,
        edits: [{ line: 12, column: 49, endLine: 12, endColumn: 67, newText: '' }],
      },
    ]);
    assert.deepEqual((await call('list_fixes', { path: 'web/task-definition.json', line: 3 })).structuredContent, { fixes: [] });
    assert.deepEqual((await call('list_fixes', { path: 'web/task-definition.json', ruleId: 'ecs/fargate-valid-cpu-memory' })).structuredContent, { fixes: [] });
  });

  it('returns the fixed text and what remains, and leaves the file alone', async () => {
    const file = join(project, 'api/task-definition.json');
    const original = readFileSync(file, 'utf8');
    const r = await call('apply_fixes', { path: 'api/task-definition.json', fixes: ['ecs/fargate-valid-cpu-memory@6:13'] });
    assert.equal(r.structuredContent!.text, original.replace('"memory": "4096"', '"memory": "2048"'));
    assert.deepEqual(r.structuredContent!.applied, ['ecs/fargate-valid-cpu-memory@6:13']);
    assert.deepEqual(r.structuredContent!.skipped, []);
    assert.deepEqual(r.structuredContent!.remaining, []);
    assert.match(textOf(r), /^1 fix\(es\) applied to api\/task-definition\.json; 0 finding\(s\) remain\. The file on disk is unchanged\./);
    assert.equal(readFileSync(file, 'utf8'), original);
  });

  it('applies every fix of a text when none is named', async () => {
    const text = '{\n  "family": "web",\n  "revision": 3,\n  "status": "ACTIVE",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true, "memory": 256 }]\n}\n';
    const r = await call('apply_fixes', { text });
    assert.equal(r.structuredContent!.text, '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true, "memory": 256 }]\n}\n');
    assert.deepEqual(r.structuredContent!.remaining, []);
  });

  it('bad input: an unknown fix id names the fixes there are', async () => {
    const r = await call('apply_fixes', { path: 'api/task-definition.json', fixes: ['ecs/made-up@1:1'] });
    assert.equal(r.isError, true);
    assert.equal(textOf(r), 'No quick fix "ecs/made-up@1:1" in api/task-definition.json; its fixes are: ecs/fargate-valid-cpu-memory@6:13. Call list_fixes again after the text changed.');
  });
});

describe('explain', () => {
  it("returns a rule's page and a concept article", async () => {
    const rule = await call('explain', { id: 'ecs/fargate-valid-cpu-memory' });
    assert.equal(rule.structuredContent!.id, 'ecs/fargate-valid-cpu-memory');
    assert.match(rule.structuredContent!.markdown as string, /^# ecs\/fargate-valid-cpu-memory/);
    assert.match(rule.structuredContent!.markdown as string, /\*\*Concept:\*\* \[Fargate task sizes\]/);
    const concept = await call('explain', { id: 'fargate-task-size' });
    assert.equal(concept.structuredContent!.title, 'Fargate task sizes');
    assert.equal(textOf(concept), concept.structuredContent!.markdown);
  });

  it('without an id, lists every rule and concept', async () => {
    const r = await call('explain', {});
    assert.equal((r.structuredContent!.rules as unknown[]).length, RULES.length);
    assert.ok((r.structuredContent!.concepts as { id: string }[]).some((c) => c.id === 'fargate-task-size'));
  });

  it('bad input: a misspelt id gets a suggestion', async () => {
    const r = await call('explain', { id: 'ecs/fargate-valid-cpu-memroy' });
    assert.equal(r.isError, true);
    assert.equal(textOf(r), 'No rule or concept "ecs/fargate-valid-cpu-memroy". Did you mean "ecs/fargate-valid-cpu-memory"? Call explain without an id for the list.');
  });
});

describe('deploy_plan (dry run; no AWS call)', () => {
  it('plans a complete target: steps, writes marked, the task definition as it would be registered', async () => {
    const r = await call('deploy_plan', { target: 'web' });
    const plan = r.structuredContent as { ready: boolean; missing: string[]; steps: { id: string; write: boolean; needsAws: boolean }[]; lintErrors: string[]; platform: string; taskDefinition: { family: string; containerDefinitions: { image: string }[] }; problems: string[] };
    assert.equal(plan.ready, true);
    assert.deepEqual(plan.steps.map((s) => s.id), ['lint', 'identity', 'repository', 'preflight', 'login', 'build', 'inspect', 'push', 'render', 'register', 'update', 'watch']);
    assert.deepEqual(plan.steps.filter((s) => s.write).map((s) => s.id), ['push', 'register', 'update']);
    assert.deepEqual(plan.steps.filter((s) => !s.needsAws).map((s) => s.id), ['lint', 'build', 'inspect', 'render']);
    assert.deepEqual([plan.missing, plan.lintErrors, plan.problems], [[], [], []]);
    assert.equal(plan.platform, 'linux/amd64');
    assert.equal(plan.taskDefinition.family, 'web');
    // The target's region names the registry; the account is known only to AWS, the digest only after the push.
    assert.equal(plan.taskDefinition.containerDefinitions[0]!.image, '<account>.dkr.ecr.eu-west-1.amazonaws.com/web@<digest after push>');
    assert.match(textOf(r), /^Plan for deploy target "web" \(deploy\); no AWS call was made\.$/m);
    assert.match(textOf(r), /^ {2}1\. Lint the target files$/m);
    assert.match(textOf(r), /^ {2}2\. Check the AWS identity \(sts:GetCallerIdentity, ecs:DescribeServices\) \[needs AWS\]$/m);
    assert.match(textOf(r), /^ {2}8\. Push the image \(registry push\) \[writes, needs AWS\]$/m);
  });

  it('says why a target is not ready: lint errors, a missing Dockerfile, missing settings', async () => {
    const api = (await call('deploy_plan', { target: 'api' })).structuredContent as { ready: boolean; lintErrors: string[]; problems: string[] };
    assert.equal(api.ready, false);
    assert.equal(api.lintErrors.length, 1);
    assert.match(api.lintErrors[0]!, /^api\/task-definition\.json:6:13: error: Fargate does not offer 4096 MiB/);
    assert.deepEqual(api.problems, ['api/Dockerfile does not exist: the image build would fail.']);
    const half = (await call('deploy_plan', { target: 'half' })).structuredContent as { ready: boolean; missing: string[] };
    assert.deepEqual(half.missing, ['containerName', 'taskDefinition', 'cluster', 'service']);
    const image = (await call('deploy_plan', { target: 'half', imageOnly: true })).structuredContent as { missing: string[]; steps: { id: string }[] };
    assert.deepEqual(image.missing, []);
    assert.deepEqual(image.steps.map((s) => s.id), ['lint', 'identity', 'repository', 'preflight', 'login', 'build', 'inspect', 'push']);
  });

  it('bad input: an unknown target, a missing argument', async () => {
    const unknown = await call('deploy_plan', { target: 'prod' });
    assert.equal(unknown.isError, true);
    assert.equal(textOf(unknown), 'No deploy target "prod" in .berthrc.yaml; the targets are web, api, half.');
    const missing = await call('deploy_plan', {});
    assert.equal(missing.isError, true);
    assert.match(textOf(missing), /Invalid arguments for tool deploy_plan/);
  });
});

describe('CDK output', () => {
  it('lint and lint_text name the construct behind a finding in cdk.out, and the line of the app that created it', async () => {
    const app = cdkApp();
    const c = await connect(app);
    try {
      const construct = { path: 'WebStack/ApiTask', source: { file: 'lib/web-stack.js', line: 13, column: 5 } };
      const lint = await call('lint', { paths: ['cdk.out'], minSeverity: 'error' }, c);
      assert.deepEqual((lint.structuredContent!.findings as { construct?: unknown }[])[0]!.construct, construct);
      const text = await call('lint_text', { path: 'cdk.out/WebStack.template.json' }, c);
      const memory = (text.structuredContent!.findings as { ruleId: string; construct?: unknown }[]).find((f) => f.ruleId === 'ecs/fargate-valid-cpu-memory')!;
      assert.deepEqual(memory.construct, { path: 'WebStack/ApiTask', source: { file: 'lib/web-stack.js', line: 13, column: 5 } });
    } finally {
      await c.close();
    }
  });
});

describe('berth mcp: bad input', () => {
  it('a broken .berthrc.yaml makes each tool say so, and the server stays up', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'berth-mcp-broken-'));
    writeFileSync(join(broken, '.berthrc.yaml'), 'rules: [\n');
    const c = await connect(broken);
    try {
      const r = await call('lint', {}, c);
      assert.equal(r.isError, true);
      assert.match(textOf(r), /^The configuration file \.berthrc\.yaml is broken, so nothing was checked:\n\.berthrc\.yaml:\d+:\d+: /);
      assert.equal((await call('explain', { id: 'fargate-task-size' }, c)).isError, undefined, 'explain needs no configuration');
    } finally {
      await c.close();
    }
  });

  it('an unknown option or a missing project folder: exit 2 and a message', () => {
    const option = spawnSync(process.execPath, [CLI, 'mcp', '--port', '80'], { encoding: 'utf8' });
    assert.equal(option.status, 2);
    assert.match(option.stderr, /^berth mcp: unknown option "--port"$/m);
    const folder = spawnSync(process.execPath, [CLI, 'mcp', '--root', join(project, 'nope')], { encoding: 'utf8' });
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /^berth mcp: the project folder .*nope does not exist or is not a folder$/m);
  });

  it('malformed messages get JSON-RPC errors, an unknown method too, and the server goes on', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    const replies: { id: unknown; error?: { code: number }; result?: unknown }[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
        replies.push(JSON.parse(buffer.slice(0, nl)) as (typeof replies)[number]);
        buffer = buffer.slice(nl + 1);
      }
    });
    const waitFor = async (n: number) => {
      for (let i = 0; i < 200 && replies.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(replies.length >= n, `expected ${n} replies, got ${JSON.stringify(replies)}`);
    };
    try {
      child.stdin.write('this is not json\n');
      child.stdin.write('{"jsonrpc":"2.0","id":1}\n');
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`);
      await waitFor(3);
      child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
      child.stdin.write('{"jsonrpc":"2.0","id":3,"method":"no/such/method"}\n');
      child.stdin.write('{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}\n');
      child.stdin.write('{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"explain","arguments":{"id":42}}}\n');
      child.stdin.write('{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"explain","arguments":{"id":"fargate-task-size"}}}\n');
      await waitFor(7);
      assert.deepEqual(replies.slice(0, 2).map((r) => [r.id, r.error?.code]), [[null, -32700], [null, -32600]]);
      assert.equal(replies[2]!.id, 2);
      assert.ok(replies[2]!.result);
      const byId = new Map(replies.slice(3).map((r) => [r.id, r]));
      assert.equal(byId.get(3)!.error?.code, -32601);
      assert.match(JSON.stringify(byId.get(4)), /no_such_tool/);
      assert.match(JSON.stringify(byId.get(5)), /Invalid arguments for tool explain/);
      assert.match(JSON.stringify(byId.get(6)!.result), /Fargate task sizes/);
      assert.equal(child.exitCode, null, 'still running');
    } finally {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
    }
    assert.equal(child.exitCode, 0, 'closing stdin ends the server cleanly');
  });
});

describe('lint_text on a Terraform plan beside its configuration', () => {
  it('names the .tf file each finding is shown in, at the block of its resource', async () => {
    const fixture = join(ROOT, 'test', 'fixtures', 'terraform-plan');
    mkdirSync(join(project, 'infra'), { recursive: true });
    for (const name of ['main.tf', 'plan.json']) writeFileSync(join(project, 'infra', name), readFileSync(join(fixture, name), 'utf8'));
    const r = await call('lint_text', { path: 'infra/plan.json' });
    assert.equal(r.structuredContent!.kind, 'terraform-plan');
    const findings = r.structuredContent!.findings as { file: string; line: number; column: number; ruleId: string; fix?: string }[];
    assert.deepEqual(
      findings.filter((f) => f.ruleId !== 'lambda/valid-package-size').map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
      // (ecs/prefer-readonly-root-filesystem is off in this project.)
      [
        'infra/main.tf:16:30 ecs/fargate-valid-cpu-memory',
        'infra/main.tf:61:19 lambda/no-deprecated-runtime',
        'infra/main.tf:52:24 ecs/valid-target-type',
        'infra/plan.json:157:32 lambda/valid-memory-size',
      ],
    );
    assert.ok(findings.every((f) => f.fix === undefined));
  });
});
