/**
 * The language server under stress (issue 11 §3), over stdio with a real client library: bursts of edits,
 * closes during analysis, unknown URIs, out-of-order versions, a throwing rule, 10,000 edits without a leak,
 * and a 10,000-file workspace with symlink loops and unreadable files. The server runs with
 * BERTH_TEST_HOOKS=1 (server/src/lsp/testHooks.ts: a rule that throws on BERTH_TEST_THROW, and berth/gc).
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { codes, messageOf, startClient, type StartOptions, type TestClient } from '../helpers/lspClient';
import { serverNodeFlags } from '../helpers/serverFlags';

const HOOKS: StartOptions = { env: { ...process.env, BERTH_TEST_HOOKS: '1' }, nodeArgs: ['--expose-gc'] };

const task = (memory: string, family = 'web') => `{
  "family": "${family}",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "${memory}",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "essential": true, "readonlyRootFilesystem": true }
  ]
}`;
const FARGATE = 'ecs/fargate-valid-cpu-memory';
const MEMORY_LINE = 5;

function change(client: TestClient, uri: string, version: number, text: string): Promise<void> {
  return client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

/** Every publish for `uri` from index `from` on. */
function publishesOf(client: TestClient, uri: string, from = 0): PublishDiagnosticsParams[] {
  return client.published.slice(from).filter((p) => p.uri === uri);
}

/**
 * Waits until the server has passed every timer scheduled so far: opens a fresh document and waits for its
 * (debounced) publish. Timers fire in order, so a stale publish scheduled earlier would have come first.
 */
let sentinels = 0;
async function drain(client: TestClient): Promise<void> {
  // in a folder of its own, so that it is no cross-file dependency of the documents under test
  const uri = `file:///virtual/berth-stress-sentinels/sentinel-${++sentinels}.json`;
  const waiting = client.nextDiagnostics(uri, () => true, 20_000);
  await client.open(uri, 'json', task('512', `sentinel-${sentinels}`));
  await waiting;
}

describe('language server under stress: debounced publishing', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient(HOOKS); // the default debounce (150 ms)
  });
  after(() => client.stop());

  it('100 didChange in a second: one up-to-date publish for the final version, nothing stale after it', async () => {
    const uri = 'file:///virtual/berth-stress/burst.json';
    const opened = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, 'json', task('512'));
    await opened;
    const from = client.published.length;
    const final = client.nextDiagnostics(uri, (p) => p.version === 101, 20_000);
    const started = Date.now();
    for (let v = 2; v <= 101; v++) {
      // 1024 and 2048 are valid with 0.25 vCPU; the last edit (4096) is not.
      await change(client, uri, v, task(v === 101 ? '4096' : v % 2 ? '1024' : '2048'));
      await new Promise((resolve) => setTimeout(resolve, 10)); // the pace of the burst, not a wait for a result
    }
    const burstMs = Date.now() - started;
    const published = await final;
    assert.deepEqual(codes(published.diagnostics), [FARGATE]);
    assert.match(messageOf(published.diagnostics[0]!.message), /4096 MiB/);
    await drain(client);
    const all = publishesOf(client, uri, from);
    assert.deepEqual(all.at(-1), published, 'nothing was published after the final version');
    assert.equal(all.filter((p) => p.version === 101).length, 1, 'one publish for the final version');
    assert.ok(all.slice(0, -1).every((p) => p.version! < 101), 'every earlier publish was for an earlier version');
    // Coalesced: a burst at 10 ms intervals is under the 150 ms debounce; a stalled test process may let one through.
    assert.ok(all.length <= 5, `expected the burst to coalesce, got ${all.length} publishes (versions ${all.map((p) => p.version).join(', ')}) over ${burstMs} ms`);
    console.log(`stress: 100 didChange over ${burstMs} ms → ${all.length} publish(es), the last for version ${all.at(-1)!.version}`);
  });

  it('didClose before the debounce fires: the pending publish is dropped and the diagnostics are cleared', async () => {
    const uri = 'file:///virtual/berth-stress/closed-early.json';
    const from = client.published.length;
    await client.open(uri, 'json', task('4096'));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await drain(client);
    assert.deepEqual(publishesOf(client, uri, from).map((p) => p.diagnostics), [[]]);
  });
});

describe('language server under stress: analysis, closes and odd requests', () => {
  let client: TestClient;
  const logs: string[] = [];
  before(async () => {
    client = await startClient({ ...HOOKS, settings: { validation: { debounceMs: 0 } } });
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
  });
  after(() => client.stop());

  it('didClose during a long analysis: the last word for the document is an empty publish', async () => {
    const uri = 'file:///virtual/berth-stress/big.json';
    // About a megabyte: a hundred containers with fifty variables each, linted for hundreds of milliseconds.
    const env = Array.from({ length: 50 }, (_, i) => `{"name":"V${i}","value":"${'v'.repeat(170)}"}`).join(',');
    const containers = Array.from({ length: 100 }, (_, i) => `{"name":"c${i}","image":"nginx:1.27","essential":${i === 0},"environment":[${env}]}`).join(',\n');
    const text = `{"family":"big","cpu":"256","memory":"4096","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","containerDefinitions":[${containers}]}`;
    const from = client.published.length;
    await client.open(uri, 'json', text);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await drain(client);
    const all = publishesOf(client, uri, from);
    assert.ok(all.length >= 1);
    assert.deepEqual(all.at(-1)!.diagnostics, [], 'the close clears the diagnostics and nothing comes after it');
    // Requests for the closed document are answered, empty.
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }), null);
  });

  it('requests and notifications for unknown or closed URIs are answered empty, and nothing breaks', async () => {
    const uri = 'file:///virtual/berth-stress/never-opened.json';
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.connection.sendRequest('berth/documentKind', { uri }), { kind: null });
    assert.deepEqual(await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), { kind: 'full', items: [] });
    await change(client, uri, 7, '{"containerDefinitions": []}');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'not a uri at all' } });
    await drain(client);
    assert.deepEqual(publishesOf(client, uri).filter((p) => p.diagnostics.length > 0), []);
  });

  it('out-of-order versions: the diagnostics follow the latest text the client sent, whatever its version', async () => {
    const uri = 'file:///virtual/berth-stress/versions.json';
    const opened = client.nextDiagnostics(uri, (p) => p.version === 5);
    await client.open(uri, 'json', task('4096'), 5);
    assert.deepEqual(codes((await opened).diagnostics), [FARGATE]);
    const steps: [number, string, string[]][] = [
      [3, '2048', []], // an older version number with newer text
      [3, '4096', [FARGATE]], // the same version number again, different text
      [9, '1024', []],
      [2, '3072', [FARGATE]],
    ];
    for (const [version, memory, expected] of steps) {
      await change(client, uri, version, task(memory));
      // debounce 0: the publish is sent while the change is handled, before the answer to this request
      await client.connection.sendRequest('berth/documentKind', { uri });
      const last = publishesOf(client, uri).at(-1)!;
      assert.equal(last.version, version);
      assert.deepEqual(codes(last.diagnostics), expected, `version ${version} with memory ${memory}`);
    }
  });

  it('a rule that throws: one internal-error diagnostic without the stack, every other rule still reports, the stack goes to the log', async () => {
    const uri = 'file:///virtual/berth-stress/throws.json';
    const waiting = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.open(uri, 'json', task('4096', 'BERTH_TEST_THROW'));
    const { diagnostics } = await waiting;
    const internal = diagnostics.filter((d: Diagnostic) => d.code === 'internal/rule-error');
    assert.equal(internal.length, 1);
    const message = messageOf(internal[0]!.message);
    assert.match(message, /test\/throws failed on this file \(test rule failure \(BERTH_TEST_THROW\)\)/);
    assert.doesNotMatch(message + JSON.stringify(internal[0]!.data ?? null), /\n\s+at |server\.js/, 'no stack trace in the diagnostic');
    assert.ok(codes(diagnostics).includes(FARGATE), `other rules still report: ${codes(diagnostics).join(', ')}`);
    await client.connection.sendRequest('berth/documentKind', { uri });
    const logged = logs.find((l) => l.includes('Rule failure') && l.includes(uri));
    assert.ok(logged, `expected the failure in the log, got ${JSON.stringify(logs)}`);
    assert.match(logged, /test\/throws: Error: test rule failure \(BERTH_TEST_THROW\)\n\s+at /, 'the log has the stack trace');
  });
});

describe('language server under stress: memory', () => {
  let client: TestClient;
  before(async () => {
    // With the Node flags the VS Code client uses: a capped young generation, as users run the server.
    client = await startClient({ ...HOOKS, nodeArgs: [...HOOKS.nodeArgs!, ...serverNodeFlags()] });
  });
  after(() => client.stop());

  interface Memory {
    collected: boolean;
    rss: number;
    heapUsed: number;
  }

  it('10,000 edits on one document: RSS grows less than 10 % after a forced GC', async () => {
    const uri = 'file:///virtual/berth-stress/edits.json';
    const text = task('512');
    await client.open(uri, 'json', text);
    const familyAt = { line: 1, character: 13 };
    let version = 1;
    let family = 'web';
    const edits = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const next = `w${(version % 997).toString(36).padStart(2, '0')}`;
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [{ range: { start: familyAt, end: { line: 1, character: familyAt.character + family.length } }, text: next }],
        });
        family = next;
        if (version % 100 === 0) {
          // every hundred edits, a request that lints the current version (the caches and the index are used)
          await client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: MEMORY_LINE, character: 0 }, end: { line: MEMORY_LINE, character: 1 } },
            context: { diagnostics: [] },
          });
        }
      }
    };
    // Warm-up: compiled code, schema caches, the first lints, and the I/O buffers and V8's spaces at their
    // high-water mark (after one round RSS was still settling on a loaded machine; the heap was already flat).
    await edits(20_000);
    // Two collections, the lower reading: one GC alone can leave young-generation pages committed.
    const settled = async (): Promise<Memory> => {
      const first = (await client.connection.sendRequest('berth/gc')) as Memory;
      const second = (await client.connection.sendRequest('berth/gc')) as Memory;
      return second.rss <= first.rss ? second : first;
    };
    const before = await settled();
    assert.equal(before.collected, true, 'the server runs with --expose-gc');
    const started = Date.now();
    await edits(10_000);
    const ms = Date.now() - started;
    const after = await settled();
    const growth = (after.rss - before.rss) / before.rss;
    console.log(
      `stress: 10,000 edits in ${ms} ms; RSS ${(before.rss / 1048576).toFixed(1)} → ${(after.rss / 1048576).toFixed(1)} MB (${(growth * 100).toFixed(1)} %), heap ${(before.heapUsed / 1048576).toFixed(1)} → ${(after.heapUsed / 1048576).toFixed(1)} MB`,
    );
    assert.ok(growth < 0.1, `RSS grew by ${(growth * 100).toFixed(1)} %`);
    assert.ok(after.heapUsed < before.heapUsed * 1.1, `the JS heap grew from ${before.heapUsed} to ${after.heapUsed} bytes`);
    // and the document is still analysed correctly at the end
    const hover = await client.connection.sendRequest('berth/documentKind', { uri });
    assert.deepEqual(hover, { kind: 'ecs-task-definition' });
  });
});

describe('language server under stress: a 10,000-file workspace', () => {
  const isRoot = process.getuid?.() === 0;
  let dir: string;
  let client: TestClient;
  const logs: string[] = [];
  let awsFiles = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-ws-'));
    chmodSync(dir, 0o755);
    let files = 0;
    for (let d = 0; d < 100; d++) {
      const sub = join(dir, `pkg-${String(d).padStart(3, '0')}`);
      mkdirSync(sub);
      for (let f = 0; f < 100; f++, files++) {
        const n = d * 100 + f;
        if (f < 25) {
          writeFileSync(join(sub, `task-${n}.json`), task(f % 2 ? '512' : '4096', `fam-${n}`));
          awsFiles++;
        } else if (f < 30) {
          writeFileSync(join(sub, `template-${n}.yaml`), `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q${n}:\n    Type: AWS::SQS::Queue\n`);
          awsFiles++;
        } else if (f < 33) {
          writeFileSync(join(sub, `${n}.Dockerfile`), `FROM node:20\nRUN npm ci\nUSER node\n`);
          awsFiles++;
        } else {
          writeFileSync(join(sub, `data-${n}.json`), `{"name": "pkg-${n}", "version": "1.0.${n}", "private": true}`);
        }
      }
    }
    assert.equal(files, 10_000);
    // symlink loops: a folder pointing at its parent, two files pointing at each other, a dangling link
    const last = join(dir, 'pkg-099');
    symlinkSync('..', join(last, 'up'));
    symlinkSync('b.json', join(last, 'a.json'));
    symlinkSync('a.json', join(last, 'b.json'));
    symlinkSync('missing.json', join(last, 'dangling.json'));
    // unreadable: a file and a folder (the server drops root below, which would read them anyway)
    const locked = join(dir, 'zz-locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'hidden-task.json'), task('512'));
    chmodSync(locked, 0o000);
    writeFileSync(join(last, 'unreadable-task.json'), task('512'));
    chmodSync(join(last, 'unreadable-task.json'), 0o000);

    client = await startClient({
      ...HOOKS,
      workspaceFolder: dir,
      nodeArgs: [...HOOKS.nodeArgs!, ...(isRoot ? ['--require', join(__dirname, 'dropPrivileges.cjs')] : [])],
    });
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
      if (process.env.DBG) console.log('LOG', p.message);
    });
    if (process.env.DBG) client.process.stderr!.on('data', (d: Buffer) => console.log('ERR', String(d)));
  });

  after(async () => {
    await client?.stop();
    if (dir) {
      chmodSync(join(dir, 'zz-locked'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('indexing completes, skips and logs what it cannot read, and requests are answered meanwhile', async () => {
    const started = Date.now();
    // the server answers while it indexes
    const uri = `file://${dir}/open.json`;
    const waiting = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0, 60_000);
    await client.open(uri, 'json', task('4096', 'open'));
    assert.deepEqual(codes((await waiting).diagnostics), [FARGATE]);
    const answeredMs = Date.now() - started;
    const indexed = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`indexing did not finish within 90 s (server exit code ${client.process.exitCode}); log: ${logs.slice(-5).join(' | ')}`)), 90_000);
      const poll = () => {
        const line = logs.find((l) => /^Indexed \d+ AWS configuration files/.test(l));
        if (line) {
          clearTimeout(timer);
          resolve(line);
        } else setTimeout(poll, 50);
      };
      poll();
    });
    const count = Number(/^Indexed (\d+)/.exec(indexed)![1]);
    assert.equal(count, awsFiles, indexed);
    assert.ok(logs.some((l) => l.includes('unreadable-task.json') && /EACCES|permission/i.test(l)), `the unreadable file is logged: ${logs.join(' | ')}`);
    assert.ok(logs.some((l) => l.includes('zz-locked') && /EACCES|permission/i.test(l)), 'the unreadable folder is logged');
    console.log(`stress: workspace of 10,000 files (${awsFiles} AWS files) → "${indexed}"; the diagnostics of a document opened meanwhile after ${answeredMs} ms`);
    // still answering afterwards
    assert.deepEqual(await client.connection.sendRequest('berth/documentKind', { uri }), { kind: 'ecs-task-definition' });
  });
});
