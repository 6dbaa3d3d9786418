#!/usr/bin/env node
// Shows that the neovim suite catches real breakage: for each mutant below it copies server/ into a scratch
// folder, applies one small change, bundles that server with esbuild, and runs run.mjs against it
// (BERTH_NVIM_SERVER). The mutant must make exactly the expected tests fail. The checkout is never changed.
//
//   node test/e2e/neovim/mutants.mjs           all mutants (about 1 min)
//   node test/e2e/neovim/mutants.mjs hover     only mutants whose name contains "hover"
//
// Not part of `npm test`; run it after changing run.mjs or the fixtures.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

// Test names in run.mjs start with these (after "Berth server under neovim: ").
const FARGATE = 'Fargate cpu/memory';
const ECS = 'ECS task definition';
const SAM = 'SAM template';
const DOCKER = 'Dockerfile';

/** Each mutant: a file under server/src, a string in it, its replacement, and the tests that must fail. */
const mutants = [
  {
    name: 'rule message: hostPort rule says "may" instead of "must"',
    file: 'core/rules/ecs/valid-host-port-for-network-mode.ts',
    from: 'hostPort {hostPort} must be omitted', to: 'hostPort {hostPort} may be omitted',
    fails: [ECS],
  },
  {
    name: 'rule range: MAINTAINER reported on the whole instruction, not its keyword',
    file: 'core/rules/dockerfile/no-maintainer.ts',
    from: 'at: model.span(instruction.getInstructionRange())', to: 'at: model.span(instruction.getRange())',
    fails: [DOCKER],
  },
  {
    name: 'rule severity: MAINTAINER as a warning',
    file: 'core/rules/dockerfile/no-maintainer.ts',
    from: "severity: 'info'", to: "severity: 'warning'",
    fails: [DOCKER],
  },
  {
    name: 'rule code: Fargate cpu/memory rule renamed',
    file: 'core/rules/ecs/fargate-valid-cpu-memory.ts',
    from: "id: 'ecs/fargate-valid-cpu-memory'", to: "id: 'ecs/fargate-cpu-memory'",
    fails: [FARGATE],
    // Renaming a rule also breaks the meta checks that pair a rule with its .md; only the server is built here.
  },
  {
    name: 'hover: hostPort facts (dynamic port mapping) dropped',
    file: 'core/features/hover.ts',
    from: "if (lower === 'hostPort') {", to: "if (lower === 'hostPort' && false) {",
    fails: [ECS],
  },
  {
    name: 'hover: Lambda runtime lifecycle lines dropped',
    file: 'core/features/hover.ts',
    from: 'const life = runtimeLifecycle(runtime);', to: 'const life = runtime === "" ? runtimeLifecycle(runtime) : undefined;',
    fails: [SAM],
  },
  {
    name: 'code action: quick fixes not offered',
    file: 'lsp/codeActions.ts',
    from: 'if (match?.fix) actions.push(', to: 'if (match?.fix && false) actions.push(',
    fails: [ECS, SAM, DOCKER],
  },
  {
    name: 'code action: Lambda fix writes the old runtime back',
    file: 'core/rules/lambda/no-deprecated-runtime.ts',
    from: 'replaceScalar(ctx.text, runtime.node, successor)', to: 'replaceScalar(ctx.text, runtime.node, runtime.value)',
    fails: [SAM],
  },
];

function runSuite(serverPath) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, 'run.mjs')], {
      env: { ...process.env, BERTH_NVIM_SERVER: serverPath }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      const failed = [...out.matchAll(/^not ok \d+ - Berth server under neovim: (.*)$/gm)].map((m) => m[1]);
      const passed = [...out.matchAll(/^ok \d+ - Berth server under neovim: (.*)$/gm)].map((m) => m[1]);
      // The first line of each failure's assertion message, to show which check caught the mutant.
      const reasons = [...out.matchAll(/^\s+error: ['|>-]*\s*\n?\s*(.*)$/gm)].map((m) => m[1].slice(0, 140));
      resolve({ code, failed, passed, out, reasons });
    });
  });
}

const filter = process.argv[2];
const selected = mutants.filter((m) => !filter || m.name.includes(filter));
const scratch = await mkdtemp(path.join(tmpdir(), 'berth-mutants-'));
let bad = 0;
try {
  // The scratch tree: a copy of server/ (so its sources can change), the rest linked.
  await cp(path.join(repo, 'server'), path.join(scratch, 'server'), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  await symlink(path.join(repo, 'server', 'node_modules'), path.join(scratch, 'server', 'node_modules'));
  await symlink(path.join(repo, 'node_modules'), path.join(scratch, 'node_modules'));
  await symlink(path.join(repo, 'schemas'), path.join(scratch, 'schemas'));
  await cp(path.join(repo, 'package.json'), path.join(scratch, 'package.json'));

  const build = async (outfile) => esbuild.build({
    entryPoints: [path.join(scratch, 'server', 'src', 'node', 'main.ts')], outfile,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error',
    loader: { '.md': 'text' }, external: ['vscode'], mainFields: ['module', 'main'],
  });

  // The unmutated scratch build must pass, or a failing mutant proves nothing.
  const baseline = path.join(scratch, 'baseline.js');
  await build(baseline);
  const base = await runSuite(baseline);
  if (base.code !== 0 || base.failed.length || !base.passed.length) {
    console.log(base.out);
    throw new Error('the unmutated scratch build does not pass run.mjs');
  }
  console.log(`baseline: ${base.passed.length} passed`);

  for (const m of selected) {
    const file = path.join(scratch, 'server', 'src', m.file);
    const original = await readFile(file, 'utf8');
    if (!original.includes(m.from)) {
      console.log(`not ok - ${m.name}: ${m.file} no longer contains ${JSON.stringify(m.from)}; update the mutant`);
      bad++;
      continue;
    }
    await writeFile(file, original.replace(m.from, m.to));
    const outfile = path.join(scratch, `mutant-${selected.indexOf(m)}.js`);
    try {
      await build(outfile);
    } finally {
      await writeFile(file, original);
    }
    const r = await runSuite(outfile);
    const caught = r.code !== 0 && m.fails.every((prefix) => r.failed.some((t) => t.startsWith(prefix)))
      && r.failed.every((t) => m.fails.some((prefix) => t.startsWith(prefix)));
    if (!caught) bad++;
    console.log(`${caught ? 'ok' : 'not ok'} - ${m.name}: exit ${r.code}; failed: ${r.failed.map((t) => t.split(':')[0]).join(', ') || 'none'} (expected: ${m.fails.join(', ')})`);
    for (const reason of r.reasons) console.log(`    ${reason}`);
    if (!caught) console.log(r.out);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
console.log(`${selected.length - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
