// The measurements. Each returns plain data (summaries keep raw samples); each loop is bounded by a
// count and by a time budget, and every session is stopped in a finally block.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { spawnTracked, startSession, withTimeout } from './lsp.mjs';
import { summarize } from './stats.mjs';

const require = createRequire(import.meta.url);

const uriOf = (file) => pathToFileURL(file).href;

async function session(server, extra = {}) {
  const s = await startSession({ ...server, ...extra });
  if (server.afterInit) await server.afterInit(s);
  return s;
}

/** A publish that answers the given version (servers that do not send versions: any publish). */
const forVersion = (version) => (p) => p.version === undefined || p.version === null || p.version === version;

/** Opens a document and waits for its first diagnostics (push) or pulls them once (pull). */
async function openAndSettle(s, server, file, languageId) {
  const uri = uriOf(file);
  const text = readFileSync(file, 'utf8');
  if (server.pull) {
    await s.open(uri, languageId, text);
    const report = await s.pull(uri);
    return { uri, count: report.items?.length ?? 0 };
  }
  const waiting = s.nextPublish(uri, forVersion(1));
  await s.open(uri, languageId, text);
  const { params } = await waiting;
  return { uri, count: params.diagnostics.length };
}

// ---------------------------------------------------------------- start-up

export async function spawnToInitialize(server, { runs }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = await startSession(server);
    samples.push(s.spawnToInitMs);
    await s.stop();
  }
  return summarize(samples);
}

/** Spawn → initialize → initialized → didOpen → first publishDiagnostics. */
export async function spawnToFirstDiagnostics(server, file, languageId, { runs }) {
  const samples = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const s = await session(server);
    try {
      const uri = uriOf(file);
      const waiting = s.nextPublish(uri, forVersion(1));
      await s.open(uri, languageId, readFileSync(file, 'utf8'));
      const { params, at } = await waiting;
      samples.push(at - s.t0);
      count = params.diagnostics.length;
    } finally {
      await s.stop();
    }
  }
  return { ...summarize(samples), diagnostics: count };
}

// ---------------------------------------------------------------- edits, hover, completion

/**
 * Finds the occurrence of `pattern` (a regex whose one capture group is the value to toggle) nearest
 * the middle of the text. Returns the value's offset and the two values an edit alternates between:
 * the value found and `alternate`.
 */
export function editSite(text, pattern, alternate) {
  const middle = text.length / 2;
  let best;
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
    const offset = m.index + m[0].lastIndexOf(m[1]);
    if (!best || Math.abs(offset - middle) < Math.abs(best.offset - middle)) best = { offset, value: m[1] };
  }
  if (!best) throw new Error(`no edit site ${pattern}`);
  if (best.value === alternate) throw new Error(`edit site ${pattern} already holds ${alternate}`);
  return { offset: best.offset, values: [best.value, alternate] };
}

/** Offset of the key `name` nearest the middle (inside the key, for hover) and of its first character (for completion). */
export function keySite(text, keyPattern) {
  const middle = text.length / 2;
  let best;
  for (const m of text.matchAll(new RegExp(keyPattern.source, 'g'))) {
    if (!best || Math.abs(m.index - middle) < Math.abs(best - middle)) best = m.index;
  }
  if (best === undefined) throw new Error(`no key ${keyPattern}`);
  return best;
}

/**
 * Opens `file`, then edits it `edits` times (after `warmup` edits that are not counted), each time
 * toggling one value near the middle, and times didChange → diagnostics. Also: server CPU per edit,
 * and hover/completion at `keyOffset` when given.
 */
export async function editSeries(server, file, languageId, options) {
  const { edit, keyOffset, completionOffset, warmup = 3, edits = 20, budgetMs = 60000, requests = 20 } = options;
  const s = await session(server);
  try {
    const opened = await openAndSettle(s, server, file, languageId);
    const { uri } = opened;
    let state = 0;
    const samples = [];
    let findings = opened.count;
    let cpuStart = NaN;
    const started = performance.now();
    for (let k = 0; k < warmup + edits; k++) {
      if (k === warmup) cpuStart = s.cpuMs();
      if (k >= warmup + 5 && performance.now() - started > budgetMs) break;
      const from = edit.values[state];
      const to = edit.values[1 - state];
      state = 1 - state;
      let elapsed;
      if (server.pull) {
        const { sentAt } = await s.change(uri, edit.offset, edit.offset + from.length, to);
        const report = await s.pull(uri);
        elapsed = performance.now() - sentAt;
        findings = report.items?.length ?? 0;
      } else {
        const waiting = s.nextPublish(uri, forVersion(k + 2));
        const { sentAt, version } = await s.change(uri, edit.offset, edit.offset + from.length, to);
        if (version !== k + 2) throw new Error(`unexpected version ${version}`);
        const got = await waiting;
        elapsed = got.at - sentAt;
        findings = got.params.diagnostics.length;
      }
      if (k >= warmup) samples.push(elapsed);
    }
    const cpuPerEdit = (s.cpuMs() - cpuStart) / samples.length;
    const result = { edit: summarize(samples), cpuPerEditMs: Math.round(cpuPerEdit * 100) / 100, findings };
    if (keyOffset !== undefined && requests > 0) result.hover = await timedRequests(() => s.hover(uri, keyOffset), requests, (r) => hoverText(r).length > 0);
    if (completionOffset !== undefined && requests > 0) result.completion = await timedRequests(() => s.completion(uri, completionOffset), requests, (r) => completionItems(r).length > 0);
    return result;
  } finally {
    await s.stop();
  }
}

function hoverText(hover) {
  if (!hover?.contents) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('');
  return c.value ?? '';
}
const completionItems = (r) => (Array.isArray(r) ? r : (r?.items ?? []));

/** `count` requests after one warm-up; stops early (after at least 5) when `budgetMs` is spent. */
async function timedRequests(request, count, answered, budgetMs = 30000) {
  const samples = [];
  let useful = 0;
  await request(); // warm-up
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (i >= 5 && performance.now() - started > budgetMs) break;
    const t = performance.now();
    const result = await request();
    samples.push(performance.now() - t);
    if (answered(result)) useful++;
  }
  return { ...summarize(samples), answered: useful };
}

// ---------------------------------------------------------------- memory

/** Opens every file, waits for each one's diagnostics, then reads the server's RSS. */
export async function rssWithOpenFiles(server, files, languageId, settleMs = 30000) {
  const s = await session(server);
  try {
    const before = s.rssMb();
    for (const file of files) await openAndSettle(s, server, file, languageId);
    // A round trip so that everything queued has been handled.
    await s.hover(uriOf(files[0]), 0);
    const peak = s.rssMb();
    // Then idle, as an editor mostly is: V8 gives back heap it no longer needs after some seconds.
    // Sampled each second for settleMs, or until RSS has fallen and then stayed put for 5 s.
    const idleStart = performance.now();
    let settled = peak;
    let lastDrop;
    while (performance.now() - idleStart < settleMs && (lastDrop === undefined || performance.now() - lastDrop < 5000)) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = s.rssMb();
      if (now < settled - 0.5) lastDrop = performance.now();
      settled = Math.min(settled, now);
    }
    return {
      files: files.length,
      rssMb: Math.round(peak),
      rssBeforeMb: Math.round(before),
      ...(settleMs > 0 ? { rssSettledMb: Math.round(settled), settleS: Math.round(((lastDrop ?? performance.now()) - idleStart) / 1000) } : {}),
    };
  } finally {
    await s.stop();
  }
}

// ---------------------------------------------------------------- workspace indexing in the server

/** Starts with a workspace folder: time to the "Indexed N … in X ms" log, and first diagnostics of a file opened meanwhile. */
export async function workspaceIndexing(server, folder, openFile) {
  const s = await session(server, { workspaceFolder: folder });
  try {
    const uri = uriOf(openFile);
    const waiting = s.nextPublish(uri, forVersion(1), 60000);
    const openedAt = performance.now();
    await s.open(uri, 'json', readFileSync(openFile, 'utf8'));
    const first = await waiting;
    const log = await s.nextLog(/Indexed (\d+) .* in (\d+) ms/, 120000);
    const [, files, ms] = /Indexed (\d+) .* in (\d+) ms/.exec(log.message);
    return {
      indexedFiles: Number(files),
      indexMs: Number(ms),
      spawnToIndexedMs: Math.round(log.at - s.t0),
      openDuringIndexMs: Math.round((first.at - openedAt) * 100) / 100,
      rssMb: Math.round(s.rssMb()),
    };
  } finally {
    await s.stop();
  }
}

// ---------------------------------------------------------------- CLI, whole process

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs `node cli.js lint <target> --format json` `runs` times; wall time, and CPU time where /usr/bin/time exists. */
export async function cliRuns(cliJs, target, { runs, cwd, env, timeoutMs = 120000 }) {
  const wall = [];
  const cpu = [];
  let findings;
  let maxRssMb;
  const timeFile = path.join(os.tmpdir(), `berth-bench-time-${process.pid}.txt`);
  for (let i = 0; i < runs; i++) {
    const args = [cliJs, 'lint', target, '--format', 'json'];
    const command = TIME ? TIME : process.execPath;
    const argv = TIME ? ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ...args] : args;
    const t = performance.now();
    const child = spawnTracked(command, argv, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const code = await withTimeout(new Promise((resolve) => child.once('exit', (c) => resolve(c))), timeoutMs, `cli ${target}`).catch((e) => {
      child.kill('SIGKILL');
      throw e;
    });
    const elapsed = performance.now() - t;
    if (code !== 0 && code !== 1) throw new Error(`berth lint ${target} exited ${code}: ${err.slice(0, 500)}`);
    wall.push(elapsed);
    try {
      findings = JSON.parse(out).findings.length;
    } catch {
      findings = undefined;
    }
    if (TIME) {
      const [, user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      cpu.push((user + sys) * 1000);
      maxRssMb = Math.round(kb / 1024);
    }
  }
  rmSync(timeFile, { force: true });
  const summary = summarize(wall);
  const cpuSummary = cpu.length ? summarize(cpu) : undefined;
  return { ...summary, firstMs: summary.samples[0], cpuMs: cpuSummary?.median ?? NaN, coresUsed: cpuSummary ? Math.round((cpuSummary.median / summary.median) * 100) / 100 : NaN, maxRssMb, findings };
}

/** `node -e 0`: the floor of any whole-process time on this machine. */
export function nodeStartup(runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore', timeout: 10000 });
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

/**
 * Node plus the parser's first parse of one file, whole process, without Berth: the floor under a
 * whole-process lint of that file (the first parse runs cold, before the JIT has optimized the parser).
 */
export function firstParseRuns(format, file, runs) {
  const parser = format === 'yaml' ? require.resolve('yaml') : require.resolve('jsonc-parser');
  const call = format === 'yaml' ? 'parseDocument(text)' : 'parseTree(text)';
  const script = `const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'); require(${JSON.stringify(parser)}).${call};`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: 60000 });
    if (r.status !== 0) throw new Error(`first parse of ${file} failed (exit ${r.status})`);
    samples.push(performance.now() - t);
  }
  return { parser: format === 'yaml' ? 'yaml parseDocument' : 'jsonc-parser parseTree', ...summarize(samples) };
}

/** An external command (cfn-lint) on a file, whole process, through the shell. */
export function externalRuns(command, file, runs, timeoutMs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/bin/sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'ignore', timeout: timeoutMs });
    if (r.error) throw r.error;
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

// ---------------------------------------------------------------- bare parse floors (in this process)

export function parseFloor(parse, text, { runs, budgetMs = 20000 }) {
  parse(text);
  parse(text);
  const samples = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    if (i >= 5 && performance.now() - started > budgetMs) break;
    const t = performance.now();
    parse(text);
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}
