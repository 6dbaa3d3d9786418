#!/usr/bin/env node
// Berth's language server under a second LSP client: headless neovim 0.7.2 running probe.lua.
//
//   node test/e2e/neovim/run.mjs                 Berth: dist/server.js on test/e2e/workspace/task-definition.json
//   node test/e2e/neovim/run.mjs --file=F --cmd='["srv","--stdio"]' [--hover=L:C] [--expect-code=X]
//        [--expect-message=SUBSTR] [--expect-range=L:C-L:C] [--expect-hover=SUBSTR]
//                                                 any other server (ranges 0-based), e.g. to check the probe
// Needs: nvim (.ci/install-deps.sh) and, for Berth, `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { probe } from './probe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

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
  const server = path.join(repo, 'dist', 'server.js');
  const file = path.join(repo, 'test', 'e2e', 'workspace', 'task-definition.json');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const memLine = lines.findIndex((l) => /"memory"\s*:\s*"4096"/.test(l));
  const memCol = lines[memLine].indexOf('"4096"');

  test('Berth server under neovim: Fargate cpu/memory diagnostic and hover', async () => {
    assert.ok(existsSync(server), 'dist/server.js is missing: run `npm run build` first');
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
