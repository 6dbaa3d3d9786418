/** `npm pack` gives an installable CLI: installed into an empty folder, `berth` lints, deploys, serves MCP and explains itself. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ROOT } from '../cli/cliHarness';
import { packAndInstall, type PackedCli } from './packedCli';

let cli: PackedCli;
let examples: string;
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function berth(args: readonly string[], cwd = examples) {
  // The bin link, as a shell would run it: its #! line picks node from PATH.
  const r = spawnSync(cli.bin, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  cli = await packAndInstall();
  examples = mkdtempSync(join(tmpdir(), 'berth-examples-'));
  cpSync(join(ROOT, 'examples'), examples, { recursive: true });
});

describe('the packed CLI', () => {
  it('ships the bundles and their WASM files, README, LICENSE and CHANGELOG, and nothing of the sources or the extension', () => {
    assert.deepEqual(cli.files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli-main.js',
      'dist/cli.js',
      'dist/deploy.js',
      'dist/mcp.js',
      'dist/tree-sitter-terraform.wasm', // Terraform's parser, loaded on the first .tf file
      'dist/web-tree-sitter.wasm',
      'package.json',
      'scripts/build-if-missing.mjs',
    ]);
  });

  it('installs with no runtime dependencies: node_modules holds berth alone', () => {
    assert.deepEqual(readdirSync(join(cli.prefix, 'node_modules')).filter((n) => !n.startsWith('.')), ['berth']);
  });

  it('berth --version and --help', () => {
    assert.deepEqual(berth(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
    const help = berth(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: berth lint \[options\] \[paths or globs\.\.\.\]$/m);
    assert.match(help.stdout, /^ {7}berth deploy <target>/m);
  });

  it('berth lint finds what the repository build finds in examples/ (text and SARIF)', () => {
    const installed = berth(['lint']);
    const repo = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint'], { cwd: examples, encoding: 'utf8' });
    assert.equal(installed.code, 1, 'the examples hold deliberate errors');
    assert.equal(installed.stdout, repo.stdout);
    assert.match(installed.stdout, /^api\/task-definition\.json:6:13: error: Fargate does not offer 4096 MiB of memory with 0\.25 vCPU.* \[ecs\/fargate-valid-cpu-memory\]$/m);
    const sarif = JSON.parse(berth(['lint', '--format', 'sarif', 'api']).stdout) as { version: string; runs: { tool: { driver: { version: string } }; results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]!.tool.driver.version, version);
    assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'ecs/fargate-valid-cpu-memory'));
  });

  it('berth deploy loads its engine from the package (a dry run of an unknown target is refused before any AWS call)', () => {
    assert.equal(berth(['deploy', '--help']).code, 0);
    writeFileSync(join(examples, '.berthrc.yaml'), 'deploy:\n  targets:\n    web:\n      ecrRepository: web\n');
    const r = berth(['deploy', 'nope', '--dry-run']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /REFUSED: .*"nope"/);
  });

  it('berth mcp serves the MCP SDK client from the package', async () => {
    const transport = new StdioClientTransport({ command: cli.bin, args: ['mcp'], cwd: examples, stderr: 'pipe' });
    const client = new Client({ name: 'berth-package-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      assert.equal(client.getServerVersion()?.version, version);
      const r = (await client.callTool({ name: 'lint', arguments: { paths: ['api'] } })) as unknown as { structuredContent: { findings: { ruleId: string }[] } };
      assert.ok(r.structuredContent.findings.some((f) => f.ruleId === 'ecs/fargate-valid-cpu-memory'));
    } finally {
      await client.close();
    }
  });

  it('bad input: a missing path, an unknown option, a broken config (exit 2, a clear message)', () => {
    const missing = berth(['lint', 'no/such/file.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^berth: no files matched "no\/such\/file\.json"$/m);
    const option = berth(['lint', '--frobnicate']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^berth: unknown option "--frobnicate"$/m);
    const broken = mkdtempSync(join(tmpdir(), 'berth-broken-'));
    writeFileSync(join(broken, '.berthrc.yaml'), 'rules: [\n');
    writeFileSync(join(broken, 'task.json'), '{}\n');
    const config = berth(['lint'], broken);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /^berth: \.berthrc\.yaml/m);
    assert.match(config.stderr, /nothing was checked/);
  });
});
