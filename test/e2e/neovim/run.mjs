#!/usr/bin/env node
// Berth's language server under a second LSP client: headless neovim 0.7.2 running probe.lua.
//
//   node test/e2e/neovim/run.mjs                 Berth: dist/server.js on test/e2e/workspace/task-definition.json
//                                                 and on the task definition, SAM template and Dockerfile in
//                                                 test/e2e/workspace-neovim/ (diagnostics, hover, code action)
//   node test/e2e/neovim/run.mjs --file=F --cmd='["srv","--stdio"]' [--hover=L:C] [--expect-code=X]
//        [--expect-message=SUBSTR] [--expect-range=L:C-L:C] [--expect-hover=SUBSTR]
//                                                 any other server (ranges 0-based), e.g. to check the probe
// Env: BERTH_NVIM_SERVER  the server bundle to test (default <repo>/dist/server.js), e.g. a scratch build
//                         with a rule broken on purpose, to see these tests fail.
// Needs: nvim (.ci/install-deps.sh) and, for Berth, `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { probe } from './probe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

const server = path.resolve(process.env.BERTH_NVIM_SERVER ?? path.join(repo, 'dist', 'server.js'));
const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);

function describe(result) {
  return JSON.stringify({ error: result.error, exitCode: result.exitCode, diagnostics: result.diagnostics, stderr: result.stderr?.slice(0, 2000) }, null, 2);
}

function hoverText(hover) {
  if (!hover || hover === null) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value ?? '';
}

// --- command line -------------------------------------------------------------------------------
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const custom = arg('cmd') !== undefined;

if (custom) {
  const file = arg('file');
  test(`neovim probe: ${arg('cmd')} on ${file}`, async () => {
    const result = await probe({ file, cmd: JSON.parse(arg('cmd')), hover: arg('hover'), filetype: arg('filetype') });
    console.log(`round trip: ${result.wallMs} ms wall, diagnostics after ${result.timings?.diagnosticsMs} ms, hover ${result.timings?.hoverMs ?? '-'} ms`);
    assert.equal(result.ok, true, describe(result));
    assert.equal(result.exitCode, 0);
    const expectCode = arg('expect-code');
    const expectMessage = arg('expect-message');
    const expectRange = arg('expect-range');
    const match = result.diagnostics.find((d) =>
      (expectCode === undefined || String(codeOf(d)) === expectCode)
      && (expectMessage === undefined || d.message.includes(expectMessage)));
    assert.ok(match, `no diagnostic with code ${expectCode} and message containing ${expectMessage}: ${describe(result)}`);
    if (expectRange) {
      const [sl, sc, el, ec] = expectRange.split(/[:-]/).map(Number);
      assert.deepEqual(match.range, { start: { line: sl, character: sc }, end: { line: el, character: ec } });
    }
    if (arg('expect-hover') !== undefined) assert.match(hoverText(result.hover), new RegExp(arg('expect-hover')));
  });
} else {
  // Berth's own server, the contract the VS Code suite also checks.
  const file = path.join(repo, 'test', 'e2e', 'workspace', 'task-definition.json');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const memLine = lines.findIndex((l) => /"memory"\s*:\s*"4096"/.test(l));
  const memCol = lines[memLine].indexOf('"4096"');

  test('Berth server under neovim: Fargate cpu/memory diagnostic and hover', async () => {
    assert.ok(existsSync(server), `${server} is missing: run \`npm run build\` first`);
    const result = await probe({ file, cmd: [process.execPath, server, '--stdio'], hover: `${memLine}:${memCol + 2}`, filetype: 'json' });
    console.log(`round trip: ${result.wallMs} ms wall, diagnostics after ${result.timings?.diagnosticsMs} ms, hover ${result.timings?.hoverMs ?? '-'} ms`);
    assert.equal(result.ok, true, describe(result));
    const found = result.diagnostics.filter((d) => d.source === 'berth' && codeOf(d) === 'ecs/fargate-valid-cpu-memory');
    assert.equal(found.length, 1, describe(result));
    const [d] = found;
    assert.equal(d.severity, 1, 'error severity');
    assert.match(d.message, /4096/);
    // 0-based range on the memory value, with or without its quotes.
    assert.equal(d.range.start.line, memLine);
    assert.equal(d.range.end.line, memLine);
    const covered = lines[memLine].slice(d.range.start.character, d.range.end.character);
    assert.equal(covered.replace(/^"|"$/g, ''), '4096', `range covers ${JSON.stringify(covered)}`);
    // The hover request must be answered without an error (probe.lua fails otherwise); print what came back.
    console.log(`hover at ${memLine}:${memCol + 2}: ${JSON.stringify(hoverText(result.hover).slice(0, 200))}`);
  });
}

if (!custom) {
  // Three more document kinds, each with exact expectations: every diagnostic (code, severity, message,
  // 0-based range, docs link), the hover text, and a quick fix applied by neovim itself
  // (vim.lsp.util.apply_workspace_edit), after which the server must republish without that finding.
  const fixtures = path.join(repo, 'test', 'e2e', 'workspace-neovim');
  const range = (sl, sc, el, ec) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  const docsUrl = (rule) => `https://github.com/berth-tools/berth/blob/main/server/src/core/rules/${rule}.md`;
  const ERROR = 1;
  const WARNING = 2;
  const INFO = 3;

  const cases = [
    {
      name: 'ECS task definition: hostPort ≠ containerPort in awsvpc; hover on hostPort; "Set hostPort to 80"',
      file: path.join(fixtures, 'ecs', 'task-definition.json'),
      diagnostics: [{
        code: 'ecs/valid-host-port-for-network-mode',
        severity: ERROR,
        message: 'In awsvpc network mode the container port is the host port, so hostPort 8080 must be omitted or equal containerPort 80; RegisterTaskDefinition rejects this mapping of container api. Set hostPort to 80 or remove it.',
        range: range(13, 58, 13, 62),
      }],
      hover: { at: '13:60', range: range(13, 58, 13, 62), includes: ['**hostPort**', 'dynamic port mapping', 'With awsvpc or host network mode, hostPort must equal containerPort or be left out.', 'Berth: Dynamic port mapping with an ALB.'] },
      fix: { code: 'ecs/valid-host-port-for-network-mode', title: 'Set hostPort to 80', edits: [{ range: range(13, 58, 13, 62), newText: '80' }] },
    },
    {
      name: 'SAM template: deprecated Lambda runtime; hover on Runtime; "Use runtime nodejs24.x"',
      file: path.join(fixtures, 'sam', 'template.yaml'),
      diagnostics: [{
        code: 'lambda/no-deprecated-runtime',
        severity: ERROR,
        message: 'Runtime nodejs12.x has been blocked for function updates since 2023-04-30: Lambda rejects creating or updating a function with it. Move to nodejs24.x.',
        range: range(9, 15, 9, 25),
      }],
      hover: { at: '9:18', range: range(9, 15, 9, 25), includes: ['**Runtime**', '`nodejs12.x`: **deprecated** since 2023-03-31.', 'Move to `nodejs24.x`.', '[Lambda runtimes](https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html)', 'Berth: Lambda runtimes and their lifecycle.'] },
      fix: { code: 'lambda/no-deprecated-runtime', title: 'Use runtime nodejs24.x', edits: [{ range: range(9, 15, 9, 25), newText: 'nodejs24.x' }] },
    },
    {
      name: 'Dockerfile: MAINTAINER, ADD, shell-form CMD; instruction hover; "Replace MAINTAINER with a LABEL"',
      file: path.join(fixtures, 'docker', 'Dockerfile'),
      diagnostics: [
        { code: 'dockerfile/no-maintainer', severity: INFO, message: 'MAINTAINER is deprecated. Use a label instead: LABEL org.opencontainers.image.authors="…".', range: range(1, 0, 1, 10) },
        { code: 'dockerfile/prefer-copy', severity: WARNING, message: 'ADD copies server.js like COPY, but also downloads URLs and unpacks local archives, so a file renamed to .tar.gz later changes what the image contains. Use COPY for local files and folders; keep ADD for URLs and archives you mean to unpack.', range: range(5, 0, 5, 3) },
        { code: 'dockerfile/prefer-exec-form', severity: WARNING, message: 'CMD in shell form runs under /bin/sh -c, so the shell is PID 1 and receives SIGTERM; the app never sees it, cannot shut down cleanly, and is killed when the stop timeout ends (10 s for docker stop, 30 s by default on ECS). Use the JSON form: CMD ["…", "…"].', range: range(7, 4, 7, 18) },
      ],
      // Neovim reports no Docker extension, so Berth's generic Dockerfile features are on (berth.dockerfile.genericFeatures: auto).
      hover: { at: '1:3', range: range(1, 0, 1, 10), includes: ['This instruction has been deprecated in favor of `LABEL`'] },
      fix: { code: 'dockerfile/no-maintainer', title: 'Replace MAINTAINER with a LABEL', edits: [{ range: range(1, 0, 1, 41), newText: 'LABEL org.opencontainers.image.authors="Berth Team <berth@example.com>"' }] },
    },
    {
      name: 'Terraform: a Fargate size with 0.5 vCPU and 512 MiB; hover inside jsonencode(); "Set memory to 1024 MiB" in HCL',
      file: path.join(fixtures, 'terraform', 'main.tf'),
      diagnostics: [{
        code: 'ecs/fargate-valid-cpu-memory',
        severity: ERROR,
        message: 'Fargate does not offer 512 MiB of memory with 0.5 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.5 vCPU, memory must be 1024–4096 MiB in steps of 1024; the nearest is 1024 MiB.',
        range: range(5, 29, 5, 34),
      }],
      // neovim's filetype for .tf is `terraform`, the language id Berth (and HashiCorp's extension) use.
      hover: { at: '12:56', range: range(12, 54, 12, 62), includes: ['**hostPort**', 'With awsvpc or host network mode, hostPort must equal containerPort or be left out.'] },
      fix: { code: 'ecs/fargate-valid-cpu-memory', title: 'Set memory to 1024 MiB', edits: [{ range: range(5, 29, 5, 34), newText: '"1024"' }] },
    },
  ];

  for (const c of cases) {
    test(`Berth server under neovim: ${c.name}`, async () => {
      assert.ok(existsSync(server), `${server} is missing: run \`npm run build\` first`);
      // No filetype override: neovim's own detection (json, yaml, dockerfile) picks the languageId, as for a user.
      const result = await probe({ file: c.file, cmd: [process.execPath, server, '--stdio'], hover: c.hover.at, codeAction: c.fix.code, apply: true, timeoutMs: 8_000 });
      const t = result.timings ?? {};
      console.log(`# ${path.relative(repo, c.file)}: ${result.wallMs} ms wall; diagnostics after ${t.diagnosticsMs} ms, hover ${t.hoverMs} ms, code action ${t.codeActionMs} ms, republish after fix ${t.fixMs} ms`);
      assert.equal(result.ok, true, describe(result));

      // Diagnostics: exactly these, in this order, with every field a client shows.
      const got = result.diagnostics.map((d) => ({ source: d.source, code: codeOf(d), severity: d.severity, message: d.message, range: d.range, href: d.codeDescription?.href }));
      const want = c.diagnostics.map((d) => ({ source: 'berth', ...d, href: docsUrl(d.code) }));
      assert.deepEqual(got, want);

      // Hover.
      if (c.hover.none) {
        assert.equal(result.hover, null, `expected no hover, got ${JSON.stringify(result.hover)}`);
      } else {
        assert.equal(result.hover?.contents?.kind, 'markdown');
        assert.deepEqual(result.hover.range, c.hover.range);
        const text = hoverText(result.hover);
        for (const s of c.hover.includes) assert.ok(text.includes(s), `hover lacks ${JSON.stringify(s)}:\n${text}`);
      }

      // Code action for the diagnostic: one preferred quick fix whose edit neovim applies.
      const uri = pathToFileURL(c.file).href;
      assert.ok(Array.isArray(result.codeActions) && result.codeActions.length >= 1, `no code actions: ${JSON.stringify(result.codeActions)}`);
      const [action] = result.codeActions;
      assert.equal(action.title, c.fix.title);
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred, true);
      assert.deepEqual(action.diagnostics.map(codeOf), [c.fix.code]);
      assert.deepEqual(Object.keys(action.edit.changes), [uri]);
      // neovim tags applied edits with an `_index`; compare what the server sent.
      assert.deepEqual(action.edit.changes[uri].map(({ range: r, newText }) => ({ range: r, newText })), c.fix.edits);

      // The buffer after the edit, and the server's next publish for that version.
      const expectedText = applyEdits(readFileSync(c.file, 'utf8'), c.fix.edits);
      assert.equal(result.textAfterFix, expectedText.replace(/\n$/, ''));
      const after = result.diagnosticsAfterFix.map(codeOf);
      assert.deepEqual(after, c.diagnostics.map((d) => d.code).filter((code) => code !== c.fix.code));
    });
  }
}

/** Applies LSP edits (single-line ranges, as the fixtures' fixes are) to `text`. */
function applyEdits(text, edits) {
  const lines = text.split('\n');
  for (const { range: r, newText } of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    assert.equal(r.start.line, r.end.line, 'applyEdits handles single-line edits only');
    const line = lines[r.start.line];
    lines[r.start.line] = line.slice(0, r.start.character) + newText + line.slice(r.end.character);
  }
  return lines.join('\n');
}
