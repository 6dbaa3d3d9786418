/**
 * Security guarantees of SECURITY.md that a test can hold (issue 11 §5):
 * - the language server works with every network API made to throw: the protocol suite passes, no attempt;
 * - no eval, no new Function, no require or import of a computed path in server/src and client/src (vetted
 *   exceptions below, each with its reason), and none at all in the server bundle;
 * - the config file is data: YAML tags that would build code in other loaders stay plain data.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { readBerthrc } from '../../server/src/core/config/berthrc';

const ROOT = resolve(__dirname, '..', '..');

describe('security: no network access from the language server', () => {
  it('the LSP protocol suite passes with net, tls, http(s), http2, dns and fetch stubbed to throw, and nothing tried them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-nonet-'));
    const log = join(dir, 'network.log');
    try {
      const suite = readdirSync(join(ROOT, 'test/server')).filter((f) => f.endsWith('.test.ts')).map((f) => join('test/server', f));
      assert.ok(suite.length > 0);
      // A nested `node --test` must not think it is a child of this test run.
      const { NODE_TEST_CONTEXT: _ignored, ...env } = process.env;
      const result = spawnSync(process.execPath, ['--import', './scripts/md-loader.mjs', '--import', 'tsx', '--test', '--test-reporter=tap', ...suite], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'noNetwork.cjs')}`.trim(),
          BERTH_NO_NETWORK_LOG: log,
        },
        timeout: 300_000,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      assert.deepEqual(lines.filter((l) => l.startsWith('attempt')), [], 'no network attempt');
      assert.ok(lines.filter((l) => l.startsWith('armed')).length >= 1, `the stub was armed in the server processes: ${output.slice(-2000)}`);
      assert.match(output, /^# fail 0$/m, output.slice(-3000));
      assert.equal(result.status, 0, output.slice(-3000));
      const passed = Number(/^# pass (\d+)$/m.exec(output)?.[1] ?? 0);
      assert.ok(passed > 0, 'tests ran');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: the network stub itself', () => {
  it('really stops and records net.connect, https.get, dns.lookup and fetch in a process named server.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-nonet-probe-'));
    const log = join(dir, 'network.log');
    try {
      const script = join(dir, 'server.js');
      writeFileSync(
        script,
        [
          "const tryIt = (f) => { try { f(); } catch { /* denied */ } };",
          "tryIt(() => require('node:net').connect(443, 'example.com'));",
          "tryIt(() => require('node:https').get('https://example.com'));",
          "tryIt(() => require('node:dns').lookup('example.com', () => {}));",
          "tryIt(() => fetch('https://example.com'));",
        ].join('\n'),
      );
      const { NODE_TEST_CONTEXT: _ignored, ...env } = process.env;
      const r = spawnSync(process.execPath, ['--require', join(__dirname, 'noNetwork.cjs'), script], { env: { ...env, BERTH_NO_NETWORK_LOG: log }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const attempts = readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('attempt')).map((l) => l.split(' ')[2]);
      assert.deepEqual(attempts, ['net.connect', 'https.get', 'dns.lookup', 'fetch']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Computed requires and imports that are vetted: the path is fixed by Berth, never taken from a workspace. */
const VETTED: Record<string, string> = {
  'server/src/cli/deploy.ts': 'loads dist/deploy.js beside the CLI (join(__dirname, "deploy.js")), so esbuild keeps the AWS SDK out of dist/cli.js',
  'server/src/cli/mcp.ts': 'loads dist/mcp.js beside the CLI (join(__dirname, "mcp.js")), so esbuild keeps the MCP SDK out of dist/cli.js',
  'server/src/cli/launch.ts': 'dist/cli.js runs dist/cli-main.js beside it (join(__dirname, "cli-main.js")), through V8\'s code cache when it can',
  'client/src/deploy/targets.ts': 'requires dist/berthrc.js beside dist/client.js (join(__dirname, "berthrc.js")) the first time a .berthrc.yaml is read',
  'client/src/deploy/loader.ts': 'loads dist/deploy.js from the extension folder (context.asAbsolutePath), on the first deploy only',
};

const PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'eval(', re: /(?<![\w.$])eval\s*\(/ },
  { name: 'new Function', re: /\bnew\s+Function\s*\(/ },
  { name: 'require( of a computed path', re: /(?<![\w.$])require\s*\(\s*(?!(['"])[^'"]*\1\s*\)|`[^`$]*`\s*\))/ },
  { name: 'import( of a computed path', re: /(?<![\w.$])import\s*\(\s*(?!(['"])[^'"]*\1\s*\)|`[^`$]*`\s*\))/ },
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|js|mjs|cjs)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The code of a line without its // comment and without the text of string literals. */
function codeOf(line: string): string {
  if (/^\s*(\/\/|\*|\/\*)/.test(line)) return '';
  return line.replace(/(['"])(?:\\.|(?!\1).)*\1/g, (_, quote: string) => `${quote}s${quote}`);
}

describe('security: no code from strings', () => {
  it('server/src and client/src have no eval, new Function, or require/import of a computed path (vetted exceptions aside)', () => {
    const found: string[] = [];
    const used = new Set<string>();
    for (const file of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))]) {
      const rel = relative(ROOT, file).split('\\').join('/');
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = codeOf(line);
          for (const p of PATTERNS) {
            if (!p.re.test(code)) continue;
            if (VETTED[rel] && p.name.startsWith('require')) {
              used.add(rel);
              continue;
            }
            found.push(`${rel}:${i + 1}: ${p.name}: ${line.trim()}`);
          }
        });
    }
    assert.deepEqual(found, []);
    assert.deepEqual([...used].sort(), Object.keys(VETTED).sort(), 'every vetted exception still exists (else remove it from the list)');
  });

  it('the patterns catch what they are meant to catch', () => {
    const hits = (line: string) => PATTERNS.filter((p) => p.re.test(codeOf(line))).map((p) => p.name);
    assert.deepEqual(hits('const x = eval(text);'), ['eval(']);
    assert.deepEqual(hits('const f = new Function("a", body);'), ['new Function']);
    assert.deepEqual(hits('const m = require(userPath);'), ['require( of a computed path']);
    assert.deepEqual(hits('const m = require(`./rules/${name}`);'), ['require( of a computed path']);
    assert.deepEqual(hits("const m = await import(join(dir, 'x.js'));"), ['import( of a computed path']);
    assert.deepEqual(hits("const fs = require('node:fs');"), []);
    assert.deepEqual(hits("const { promises } = await import('node:fs');"), []);
    assert.deepEqual(hits('// we never eval(anything)'), []);
    assert.deepEqual(hits("const s = 'no eval( here';"), []);
  });

  it('the server bundle (dist/server.js, which analyses workspace files) has none of them at all, dependencies included', () => {
    const bundle = join(ROOT, 'dist/server.js');
    assert.ok(existsSync(bundle), 'run the build first (npm test does)');
    const text = readFileSync(bundle, 'utf8');
    const hits = [/(?<![\w.$])eval\s*\(/g, /\bnew\s+Function\s*\(/g].flatMap((re) => [...text.matchAll(re)].map((m) => text.slice(Math.max(0, m.index! - 80), m.index! + 60)));
    assert.deepEqual(hits, []);
  });
});

describe('security: the config file is data only', () => {
  it('YAML tags that build functions or objects in other loaders stay data, and nothing runs', () => {
    const g = globalThis as { berthConfigRan?: boolean };
    delete g.berthConfigRan;
    const result = readBerthrc(
      [
        'rules: !!js/function "function () { globalThis.berthConfigRan = true; return { }; }"',
        'exclude: !!js/undefined ""',
        'limits: { maxDepth: !!js/regexp /x/ }',
        '',
      ].join('\n'),
    );
    assert.equal(g.berthConfigRan, undefined);
    assert.ok(result.errors.length + result.warnings.length > 0, 'the odd values are reported, not used');
    assert.equal(typeof result.config.rules, 'object');
  });
});
