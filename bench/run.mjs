#!/usr/bin/env node
// Berth's benchmark: generates inputs, measures Berth's language server and CLI beside its peers in
// one run, and writes bench/RESULTS.md and bench/results.json (see bench/README.md).
//
//   node bench/run.mjs            full run (npm run package first; installs the pinned peers when missing)
//   node bench/run.mjs --smoke    < 1 minute: small sizes, few iterations, no peers; asserts only
//                                 that every measurement produced a number (never a timing)
// Options: --no-build (use dist/ and berth.vsix as they are), --no-peers, --no-profile, --wait-idle=<seconds> (default 120
// in a full run: wait, bounded, for the 1-minute load average to fall under 1 before measuring),
// --only=<series,...> (measure only these series, e.g. --only=startup,memory,dockerfiles; writes
// bench/out/only/results.json and a summary on stderr, never RESULTS.md or results.json). Series: startup,
// templates, pull, taskdefs, dockerfiles, memory, workspace, parse, cli, peers, profile.
// --berth-node-flags="<flags>" (with --only): start Berth's server with these Node flags instead of the
// client's (bench/lib/servers.mjs BERTH_NODE_FLAGS), to compare.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { activationRuns, buildActivationBundles } from './lib/activation.mjs';
import { generateAll } from './lib/generate.mjs';
import { bareTreeSitter, terraformOfLines, wasmFirstLoad } from './lib/terraform.mjs';
import { CHILDREN, killAll, startSession } from './lib/lsp.mjs';
import { cliRuns, editSeries, editSite, externalRuns, firstParseRuns, keySite, nodeStartup, parseFloor, rssWithOpenFiles, spawnToFirstDiagnostics, spawnToInitialize, workspaceIndexing } from './lib/measure.mjs';
import { summarizeProfile } from './lib/profile.mjs';
import { renderResults } from './lib/report.mjs';
import { missingNumbers, onlySummary } from './lib/summary.mjs';
import { berthServer, dockerServer, ensurePeers, jsonServer, PEER_CACHE, yamlServer } from './lib/servers.mjs';
import { logLogSlope, summarize } from './lib/stats.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const SMOKE = flag('smoke');
const SERIES = ['startup', 'templates', 'terraform', 'pull', 'taskdefs', 'dockerfiles', 'memory', 'workspace', 'parse', 'cli', 'activation', 'peers', 'profile'];
const ONLY = option('only', undefined)?.split(',').filter(Boolean);
for (const name of ONLY ?? []) if (!SERIES.includes(name)) throw new Error(`--only: unknown series ${name} (known: ${SERIES.join(', ')})`);
/** Whether a series runs: every one, unless --only names some. */
const wants = (name) => !ONLY || ONLY.includes(name);

const CONFIG = SMOKE
  ? { sizes: [100, 1000], containers: [1, 10], instructions: [10, 100], workspaceFiles: 50, openFiles: 3, edits: 3, warmup: 1, requests: 3, spawnRuns: 2, firstDiagRuns: 2, cliRuns: 1, parseRuns: 3, budgetMs: 5000, settleMs: 0 }
  : { sizes: [100, 1000, 10000, 50000], containers: [1, 10, 100], instructions: [10, 100, 1000], workspaceFiles: 1000, openFiles: 20, edits: 25, warmup: 3, requests: 25, spawnRuns: 10, firstDiagRuns: 10, cliRuns: 5, parseRuns: 25, budgetMs: 60000, settleMs: 30000 };
const PEERS_ON = !SMOKE && !flag('no-peers') && wants('peers');
const PROFILE_ON = !SMOKE && !flag('no-profile') && wants('profile');
const OUT = SMOKE ? path.join(BENCH, 'out', 'smoke') : path.join(BENCH, 'out');
const ONLY_OUT = path.join(BENCH, 'out', 'only');
// A guard against hangs, not a timing assertion: generous even on a loaded machine.
const RUN_DEADLINE = Date.now() + (SMOKE ? 5 * 60 : 60 * 60) * 1000;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

// Every child process dies with us.
let exiting = false;
const cleanup = () => {
  if (exiting) return;
  exiting = true;
  killAll();
};
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping ${CHILDREN.size} child process(es)`);
    cleanup();
    process.exit(130);
  });
}

function checkDeadline(what) {
  if (Date.now() > RUN_DEADLINE) throw new Error(`run deadline passed before ${what}`);
}

/** Runs one measurement; a failure is recorded as { error } and the run goes on. */
async function measure(label, fn) {
  checkDeadline(label);
  log(label);
  try {
    return await fn();
  } catch (error) {
    log(`  FAILED: ${error.message}`);
    return { error: String(error.message).slice(0, 500) };
  }
}

/** The bundles as the .vsix and the npm package ship them (minified), and the .vsix itself, whose size is a goal. */
function build() {
  log('npm run package');
  const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 5 * 60 * 1000 });
  if (r.status !== 0) throw new Error('npm run package failed');
}

/** Copies the bundles so that a rebuild by someone else during the run does not change what is measured. */
function snapshotBundles() {
  const bin = path.join(OUT, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const f of ['server.js', 'server.js.map', 'cli.js', 'cli-main.js', 'cli-main.js.map']) {
    const from = path.join(ROOT, 'dist', f);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm run build`);
    copyFileSync(from, path.join(bin, f));
  }
  return bin;
}

async function waitForIdle(seconds) {
  const until = Date.now() + seconds * 1000;
  while (os.loadavg()[0] >= 1 && Date.now() < until) {
    log(`load average ${os.loadavg()[0].toFixed(2)}: waiting for the machine to be idle (up to ${Math.round((until - Date.now()) / 1000)} s more)`);
    await new Promise((resolve) => setTimeout(resolve, 10000));
  }
}

function gitDescription() {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', 'server', 'client'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return dirty ? `${rev} + uncommitted changes in server/ or client/` : rev;
}

// ---------------------------------------------------------------- edit/hover/completion sites

const SITES = {
  yaml: { edit: [/MemorySize: (512)/, '1024'], keys: [/(?<=\n\s+)Essential(?=:)/, /(?<=\n\s+)MemorySize(?=:)/] },
  json: { edit: [/"MemorySize": (512)/, '1024'], keys: [/(?<=")Essential(?=":)/, /(?<=")MemorySize(?=":)/] },
  taskdef: { edit: [/"memoryReservation": (64)/, '128'], keys: [/(?<=")essential(?=":)/] },
  dockerfile: { edit: [/ENV PORT=(8080)/, '8081'], keys: [/(?<=\n)EXPOSE(?= )/, /(?<=\n)WORKDIR(?= )/] },
  terraform: { edit: [/memory_size {3}= (512)/, '1024'], keys: [/(?<=\n\s+)memory_size(?= )/] },
};

function sitesFor(file, kind) {
  const text = readFileSync(file, 'utf8');
  const site = SITES[kind];
  const edit = editSite(text, site.edit[0], site.edit[1]);
  let key;
  for (const pattern of site.keys) {
    try {
      key = keySite(text, pattern);
      break;
    } catch {
      /* next pattern */
    }
  }
  if (key === undefined) throw new Error(`no hover/completion site in ${file}`);
  return { edit, keyOffset: key + 2, completionOffset: key };
}

async function series(server, file, languageId, kind, extra = {}) {
  const sites = sitesFor(file, kind);
  const budgetMs = Math.min(CONFIG.budgetMs, Math.max(5000, RUN_DEADLINE - Date.now() - 60000));
  return editSeries(server, file, languageId, { ...sites, warmup: CONFIG.warmup, edits: CONFIG.edits, requests: CONFIG.requests, budgetMs, ...extra });
}

// ---------------------------------------------------------------- main

async function main() {
  const startedAt = new Date();
  if (!SMOKE && !flag('no-build')) build();
  const bin = snapshotBundles();
  const serverJs = path.join(bin, 'server.js');
  const cliJs = path.join(bin, 'cli.js');
  log(`generating inputs into ${path.relative(ROOT, OUT)}/inputs`);
  const inputs = generateAll(OUT, CONFIG);
  const peerVersions = PEERS_ON ? ensurePeers(log) : undefined;
  if (!SMOKE) await waitForIdle(Number(option('wait-idle', ONLY ? '0' : '120')));

  const requireServer = createRequire(path.join(ROOT, 'server', 'package.json'));
  const yaml = requireServer('yaml');
  const jsonc = requireServer('jsonc-parser');
  const version = (name) => {
    // The package.json above the resolved entry (not every package exports ./package.json).
    for (let dir = path.dirname(requireServer.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8'));
        if (pkg.name === name) return pkg.version;
      }
    }
    return 'unknown';
  };

  const results = {
    meta: {
      date: startedAt.toISOString(),
      mode: SMOKE ? 'smoke' : 'full',
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().map((c) => c.model),
      cpuCount: os.cpus().length,
      memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      loadAverageStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
      git: gitDescription(),
      berthVersion: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
      serverBundleKb: Math.round(statSync(serverJs).size / 1024),
      versions: { yaml: version('yaml'), 'jsonc-parser': version('jsonc-parser'), ...(peerVersions ?? {}) },
      // Home-relative, so results.json names no machine-specific path.
      peerCache: PEERS_ON ? PEER_CACHE.replace(os.homedir(), '~') : undefined,
      config: CONFIG,
    },
    inputs: {
      templates: inputs.templates.map((t) => ({ name: path.basename(t.file), lines: t.lines, kb: Math.round(t.bytes / 1024), resources: t.resources })),
      firstDiagnostics: { name: path.basename(inputs.firstDiagnostics.file), lines: inputs.firstDiagnostics.lines, containers: inputs.firstDiagnostics.containers },
      taskDefinitions: inputs.taskDefinitions.map((t) => ({ name: path.basename(t.file), lines: t.lines, containers: t.containers })),
      dockerfiles: inputs.dockerfiles.map((d) => ({ name: `docker/${d.instructions}/Dockerfile`, lines: d.lines, instructions: d.instructions })),
      workspace: { files: inputs.workspace.files, lines: inputs.workspace.lines, kinds: inputs.workspace.kinds },
      schemaTypes: inputs.schemaTypes,
    },
    berth: { edits: {}, editsPull: {} },
    parse: {},
    cli: { files: {} },
    peers: {},
    profiles: {},
  };
  const berth = berthServer(bin);
  // --berth-node-flags="<flags>" replaces the flags the client starts the server with (to compare; "" for none).
  const nodeFlags = option('berth-node-flags', undefined);
  if (nodeFlags !== undefined && !ONLY) throw new Error('--berth-node-flags is for partial runs (--only=...): a full run measures what the client starts');
  if (nodeFlags !== undefined) berth.nodeArgs = nodeFlags.split(/\s+/).filter(Boolean);

  // ------------------------------------------------------------ Berth over stdio
  if (wants('startup')) {
    results.berth.spawnToInitialize = await measure('berth: spawn → initialize', () => spawnToInitialize(berth, { runs: CONFIG.spawnRuns }));
    results.berth.firstDiagnostics = await measure(`berth: spawn → first diagnostics (${inputs.firstDiagnostics.lines}-line task definition)`, () =>
      spawnToFirstDiagnostics(berth, inputs.firstDiagnostics.file, 'json', { runs: CONFIG.firstDiagRuns }),
    );
  }
  for (const t of inputs.templates) {
    const name = path.basename(t.file);
    if (wants('templates')) results.berth.edits[name] = { lines: t.lines, ...(await measure(`berth: edits ${name}`, () => series(berth, t.file, t.languageId, t.format))) };
    if (t.format === 'json' && wants('pull')) {
      results.berth.editsPull[name] = { lines: t.lines, ...(await measure(`berth (pull): edits ${name}`, () => series({ ...berth, pull: true }, t.file, 'json', 'json'))) };
    }
  }
  for (const t of wants('taskdefs') ? inputs.taskDefinitions : []) {
    const name = path.basename(t.file);
    results.berth.edits[name] = { lines: t.lines, ...(await measure(`berth: edits ${name}`, () => series(berth, t.file, 'json', 'taskdef'))) };
  }
  for (const d of wants('dockerfiles') ? inputs.dockerfiles : []) {
    const name = `Dockerfile (${d.instructions} instructions)`;
    results.berth.edits[name] = { lines: d.lines, ...(await measure(`berth: edits ${name}`, () => series(berth, d.file, 'dockerfile', 'dockerfile'))) };
  }
  if (wants('memory')) {
    results.berth.rss = {
      ...results.berth.rss,
      yaml: await measure(`berth: RSS, ${CONFIG.openFiles} open 1k-line YAML templates`, () => rssWithOpenFiles(berth, inputs.open.yaml.map((f) => f.file), 'yaml', CONFIG.settleMs)),
      json: await measure(`berth: RSS, ${CONFIG.openFiles} open 1k-line JSON templates`, () => rssWithOpenFiles(berth, inputs.open.json.map((f) => f.file), 'json', CONFIG.settleMs)),
    };
  }
  if (wants('workspace')) {
    results.berth.workspace = await measure(`berth: background indexing of the ${inputs.workspace.files}-file workspace`, () =>
      workspaceIndexing(berth, inputs.workspace.root, inputs.firstDiagnostics.file),
    );
  }

  // ------------------------------------------------------------ Terraform: edit → diagnostics, the bare parse, the WASM
  if (wants('terraform')) {
    const parse = await bareTreeSitter(ROOT);
    for (const size of SMOKE ? [1000] : [1000, 10000]) {
      const file = path.join(OUT, 'inputs', `terraform-${size / 1000}k`, 'main.tf');
      mkdirSync(path.dirname(file), { recursive: true });
      const text = terraformOfLines(size);
      writeFileSync(file, text);
      const lines = text.split('\n').length - 1;
      const name = `terraform-${size / 1000}k/main.tf`;
      results.berth.edits[name] = { lines, ...(await measure(`berth: edits ${name}`, () => series(berth, file, 'terraform', 'terraform'))) };
      results.parse[name] = await measure(`parse floor ${name}`, () => ({ lines, parser: 'web-tree-sitter, Terraform grammar', ...parseFloor(parse, text, { runs: CONFIG.parseRuns }) }));
    }
    results.berth.terraformWasm = await measure('tree-sitter + Terraform grammar: first load in a fresh process', () => summarize(wasmFirstLoad(ROOT, CONFIG.cliRuns)));
    // The grammar's share of start-up: spawn → first diagnostics of a small module, which loads it.
    const small = path.join(OUT, 'inputs', 'terraform-100', 'main.tf');
    mkdirSync(path.dirname(small), { recursive: true });
    writeFileSync(small, terraformOfLines(100));
    results.berth.terraformFirstDiagnostics = {
      lines: readFileSync(small, 'utf8').split('\n').length - 1,
      ...(await measure('berth: spawn → first diagnostics (small .tf module)', () => spawnToFirstDiagnostics(berth, small, 'terraform', { runs: CONFIG.firstDiagRuns }))),
    };
    results.berth.wasmInJsonYamlSession = await measure('berth: a JSON/YAML session does not load the WASM', () => grammarStateAfter(berth, [...inputs.open.yaml.slice(0, 3), ...inputs.open.json.slice(0, 3)]));
  }
  if (wants('memory') || wants('terraform')) {
    results.berth.rss ??= {};
    results.berth.rss.terraform = await measure(`berth: RSS, ${CONFIG.openFiles} open 1k-line Terraform modules`, () => rssWithOpenFiles(berth, terraformModules(CONFIG.openFiles), 'terraform', CONFIG.settleMs));
  }

  // ------------------------------------------------------------ parse floors, in this process
  for (const t of wants('parse') ? inputs.templates : []) {
    const name = path.basename(t.file);
    const text = readFileSync(t.file, 'utf8');
    results.parse[name] = await measure(`parse floor ${name}`, () => ({
      lines: t.lines,
      parser: t.format === 'yaml' ? 'yaml parseDocument' : 'jsonc-parser parseTree',
      ...parseFloor(t.format === 'yaml' ? (s) => yaml.parseDocument(s) : (s) => jsonc.parseTree(s), text, { runs: CONFIG.parseRuns }),
    }));
  }

  // ------------------------------------------------------------ CLI, whole process
  if (wants('cli')) results.cli.nodeStartup = await measure('node -e 0', () => nodeStartup(CONFIG.cliRuns));
  if (wants('cli')) {
    results.cli.firstParse = {};
    for (const t of inputs.templates.filter((t) => /cfn-10k\./.test(t.file))) {
      results.cli.firstParse[path.basename(t.file)] = await measure(`first parse ${path.basename(t.file)}`, () => firstParseRuns(t.format, t.file, CONFIG.cliRuns));
    }
  }
  const cliTargets = !wants('cli') ? [] : [
    ...inputs.templates.map((t) => [path.basename(t.file), t.file, t.lines]),
    [path.basename(inputs.firstDiagnostics.file), inputs.firstDiagnostics.file, inputs.firstDiagnostics.lines],
    ...inputs.taskDefinitions.map((t) => [path.basename(t.file), t.file, t.lines]),
    ...inputs.dockerfiles.map((d) => [`Dockerfile (${d.instructions} instructions)`, d.file, d.lines]),
  ];
  // dist/cli.js keeps V8's code cache of the bundle (server/src/cli/launch.ts): each input gets an empty cache folder,
  // so its first run is a cold one (firstMs) and the next ones use the cache that run wrote, as repeated CI runs do.
  const cliEnv = (name) => {
    const dir = path.join(OUT, 'compile-cache', name.replace(/[^\w.-]+/g, '_'));
    rmSync(dir, { recursive: true, force: true });
    return { ...process.env, BERTH_COMPILE_CACHE: dir };
  };
  for (const [name, file, lines] of cliTargets) {
    results.cli.files[name] = { lines, ...(await measure(`cli: ${name}`, () => cliRuns(cliJs, file, { runs: lines > 20000 ? Math.min(3, CONFIG.cliRuns) : CONFIG.cliRuns, cwd: OUT, env: cliEnv(name) }))) };
  }
  if (wants('cli')) results.cli.workspace = { files: inputs.workspace.files, ...(await measure(`cli: ${inputs.workspace.files}-file workspace`, () => cliRuns(cliJs, inputs.workspace.root, { runs: Math.min(3, CONFIG.cliRuns), cwd: OUT, env: cliEnv('workspace') }))) };

  // ------------------------------------------------------------ client activation (no VS Code here)
  if (wants('activation')) {
    const bundles = await buildActivationBundles(path.join(OUT, 'bin'));
    results.client = { activation: await measure('client activation', () => activationRuns(bundles, CONFIG.cliRuns)) };
  }

  // ------------------------------------------------------------ peers
  if (PEERS_ON) {
    const schema = inputs.schema.file;
    const yamlTemplates = inputs.templates.filter((t) => t.format === 'yaml');
    const jsonTemplates = inputs.templates.filter((t) => t.format === 'json');
    const yls = yamlServer(schema);
    const jls = jsonServer(schema);
    const dls = dockerServer();
    results.peers[yls.name] = { builtInDelayMs: yls.builtInDelayMs, schema: `mini schema, ${inputs.schemaTypes} resource types`, edits: {} };
    results.peers[jls.name] = { mode: 'pull diagnostics', schema: `mini schema, ${inputs.schemaTypes} resource types`, edits: {} };
    results.peers[dls.name] = { edits: {} };
    for (const server of [yls, jls, dls]) {
      results.peers[server.name].spawnToInitialize = await measure(`${server.name}: spawn → initialize`, () => spawnToInitialize(server, { runs: CONFIG.spawnRuns }));
    }
    // The schema is really applied: a resource with an unknown property gets diagnostics.
    results.peers[yls.name].schemaCheck = await measure(`${yls.name}: schema applied`, () => schemaCheck(yls, 'yaml'));
    results.peers[jls.name].schemaCheck = await measure(`${jls.name}: schema applied`, () => schemaCheck(jls, 'json'));
    for (const t of yamlTemplates) {
      const name = path.basename(t.file);
      const r = await measure(`${yls.name}: edits ${name}`, () => series(yls, t.file, 'yaml', 'yaml'));
      if (r.edit) r.editNet = { median: Math.round((r.edit.median - yls.builtInDelayMs) * 100) / 100, p95: Math.round((r.edit.p95 - yls.builtInDelayMs) * 100) / 100 };
      results.peers[yls.name].edits[name] = { lines: t.lines, ...r };
    }
    for (const t of jsonTemplates) {
      const name = path.basename(t.file);
      results.peers[jls.name].edits[name] = { lines: t.lines, ...(await measure(`${jls.name}: edits ${name}`, () => series(jls, t.file, 'json', 'json'))) };
    }
    for (const d of inputs.dockerfiles) {
      const name = `Dockerfile (${d.instructions} instructions)`;
      results.peers[dls.name].edits[name] = { lines: d.lines, ...(await measure(`${dls.name}: edits ${name}`, () => series(dls, d.file, 'dockerfile', 'dockerfile'))) };
    }
    results.peers[yls.name].rss = await measure(`${yls.name}: RSS, ${CONFIG.openFiles} open files`, () => rssWithOpenFiles(yls, inputs.open.yaml.map((f) => f.file), 'yaml', CONFIG.settleMs));
    results.peers[jls.name].rss = await measure(`${jls.name}: RSS, ${CONFIG.openFiles} open files`, () => rssWithOpenFiles(jls, inputs.open.json.map((f) => f.file), 'json', CONFIG.settleMs));
  }
  if (process.env.CFN_LINT && !SMOKE && wants('peers')) {
    results.peers['cfn-lint'] = { command: process.env.CFN_LINT, files: {} };
    for (const t of inputs.templates.filter((x) => x.format === 'yaml')) {
      const name = path.basename(t.file);
      results.peers['cfn-lint'].files[name] = { lines: t.lines, ...(await measure(`cfn-lint ${name}`, () => externalRuns(process.env.CFN_LINT, t.file, t.lines > 20000 ? 1 : 3, 600000))) };
    }
  } else {
    results.peers['cfn-lint'] = { skipped: SMOKE ? 'smoke run' : 'skipped: set CFN_LINT to a cfn-lint command to include it' };
  }

  // ------------------------------------------------------------ scaling, profiles
  results.berth.scaling = {};
  // 1k → 10k → 50k; the smoke run has only 100 → 1k.
  const scaleFrom = CONFIG.sizes.filter((n) => n >= 1000).length >= 2 ? 1000 : 0;
  for (const format of ['yaml', 'json']) {
    const points = inputs.templates
      .filter((t) => t.format === format && t.size >= scaleFrom)
      .map((t) => ({ size: t.lines, time: results.berth.edits[path.basename(t.file)]?.edit?.median }));
    const cpuPoints = inputs.templates
      .filter((t) => t.format === format && t.size >= scaleFrom)
      .map((t) => ({ size: t.lines, time: results.berth.edits[path.basename(t.file)]?.cpuPerEditMs }));
    results.berth.scaling[format] = { sizes: points.map((p) => p.size), medians: points.map((p) => p.time), exponent: logLogSlope(points), cpuExponent: logLogSlope(cpuPoints) };
  }
  if (PROFILE_ON) {
    const profDir = path.join(OUT, 'profiles');
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    const template = (name) => inputs.templates.find((x) => path.basename(x.file) === name);
    const dockerfile = inputs.dockerfiles.find((d) => d.instructions === 10);
    // [label, file, languageId, site kind, edits]: the small Dockerfile's edits take ~1 ms, hence more of them.
    const targets = [
      ...['cfn-1k.yaml', 'cfn-10k.yaml', 'cfn-10k.json'].map((name) => template(name)).filter(Boolean).map((t) => [`edits ${path.basename(t.file)}`, t.file, t.languageId, t.format, 20]),
      ...(dockerfile ? [['edits Dockerfile (10 instructions)', dockerfile.file, 'dockerfile', 'dockerfile', 200]] : []),
      ...(wants('terraform') ? [['edits terraform-10k/main.tf', path.join(OUT, 'inputs', 'terraform-10k', 'main.tf'), 'terraform', 'terraform', 20]] : []),
    ];
    for (const [label, file, languageId, kind, edits] of targets) {
      if (!existsSync(file)) continue;
      const profName = `${label.replace(/[^a-z0-9.-]+/gi, '_')}.cpuprofile`;
      const profiled = { ...berth, nodeArgs: [...berth.nodeArgs, '--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${profName}`] };
      results.profiles[label] = await measure(`profile: ${label}`, async () => {
        await series(profiled, file, languageId, kind, { edits, requests: 0 });
        return { file: path.relative(ROOT, path.join(profDir, profName)), ...summarizeProfile(path.join(profDir, profName), serverJs) };
      });
    }
    results.profiles['spawn → first diagnostics'] = await measure('profile: spawn → first diagnostics', async () => {
      const profName = 'first-diagnostics.cpuprofile';
      await spawnToFirstDiagnostics({ ...berth, nodeArgs: [...berth.nodeArgs, '--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${profName}`] }, inputs.firstDiagnostics.file, 'json', { runs: 1 });
      return { file: path.relative(ROOT, path.join(profDir, profName)), ...summarizeProfile(path.join(profDir, profName), serverJs) };
    });
  }
  results.meta.loadAverageEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.meta.durationS = Math.round((Date.now() - startedAt.getTime()) / 1000);
  results.meta.bundleChecks = bundleChecks(serverJs);
  return results;

  /** `count` different ~1k-line modules, each in its folder (resource names differ per module). */
  function terraformModules(count) {
    const text = terraformOfLines(1000);
    return Array.from({ length: count }, (_, i) => {
      const file = path.join(OUT, 'inputs', 'terraform-open', String(i), 'main.tf');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text.replace(/\b(app|fn|q)(\d+)\b/g, `$1$2v${i}`));
      return file;
    });
  }

  /** Opens JSON/YAML files in a server with its test hooks on and asks whether the Terraform grammar was loaded. */
  async function grammarStateAfter(server, files) {
    const s = await startSession({ ...server, env: { ...(server.env ?? {}), BERTH_TEST_HOOKS: '1' } });
    try {
      for (const f of files) {
        const uri = pathToFileURL(f.file).href;
        const waiting = s.nextPublish(uri);
        await s.open(uri, f.file.endsWith('.json') ? 'json' : 'yaml', readFileSync(f.file, 'utf8'));
        await waiting;
      }
      const { state } = await s.connection.sendRequest('berth/hclGrammar');
      return { files: files.length, state };
    } finally {
      await s.stop();
    }
  }

  async function schemaCheck(server, format) {
    const file = path.join(OUT, 'inputs', `cfn-schema-check.${format}`);
    writeFileSync(
      file,
      format === 'yaml'
        ? 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      NotAProperty: 1\n'
        : '{ "Resources": { "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "NotAProperty": 1 } } } }\n',
    );
    const s = await startSession(server);
    try {
      await server.afterInit?.(s);
      const uri = pathToFileURL(file).href;
      const text = readFileSync(file, 'utf8');
      if (server.pull) {
        await s.open(uri, format, text);
        return { diagnostics: (await s.pull(uri)).items.length };
      }
      // The first publish may predate the settings; edit once and take the answer to the edit.
      await s.open(uri, format, text);
      await s.nextPublish(uri);
      const waiting = s.nextPublish(uri);
      await s.change(uri, text.indexOf('1'), text.indexOf('1') + 1, '2');
      return { diagnostics: (await waiting).params.diagnostics.length };
    } finally {
      await s.stop();
    }
  }
}

/** Facts about the server bundle that the goals mention: whether it references the AWS SDK. */
function bundleChecks(serverJs) {
  const text = readFileSync(serverJs, 'utf8');
  return { serverBundleMb: Math.round((text.length / 2 ** 20) * 100) / 100, referencesAwsSdk: /@aws-sdk\//.test(text) };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main()
    .then(async (results) => {
      mkdirSync(OUT, { recursive: true });
      if (ONLY) {
        mkdirSync(ONLY_OUT, { recursive: true });
        writeFileSync(path.join(ONLY_OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
        for (const line of onlySummary(results)) log(`  ${line}`);
        log(`--only=${ONLY.join(',')}: results in ${path.relative(ROOT, ONLY_OUT)}/results.json (RESULTS.md untouched)`);
        return;
      }
      if (SMOKE) {
        writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
        // The report renders from these results too (its figures mean nothing at smoke sizes).
        writeFileSync(path.join(OUT, 'RESULTS.md'), renderResults(results).markdown);
        const missing = missingNumbers(results);
        if (missing.length) {
          log(`smoke: ${missing.length} measurement(s) without a number:\n  ${missing.join('\n  ')}`);
          process.exitCode = 1;
        } else {
          log(`smoke: every measurement produced a number (${results.meta.durationS} s); results in ${path.relative(ROOT, OUT)}/results.json`);
        }
        return;
      }
      const previousFile = path.join(BENCH, 'results.json');
      const previous = existsSync(previousFile) ? JSON.parse(readFileSync(previousFile, 'utf8')) : undefined;
      const { markdown, goals } = renderResults(results, previous);
      results.goals = goals;
      writeFileSync(previousFile, `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(path.join(BENCH, 'RESULTS.md'), markdown);
      const missing = missingNumbers(results);
      if (missing.length) log(`${missing.length} measurement(s) without a number:\n  ${missing.join('\n  ')}`);
      log(`wrote bench/RESULTS.md and bench/results.json (${results.meta.durationS} s)`);
      for (const g of goals) log(`  ${g.met === true ? 'met   ' : g.met === false ? 'MISSED' : 'n/a   '} ${g.measure}: ${g.figure}`);
    })
    .catch((error) => {
      log(`failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    })
    .finally(cleanup);
}
