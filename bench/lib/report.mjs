// Renders results.json as bench/RESULTS.md, and evaluates issue 10's goals.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const YLS = 'yaml-language-server';
const JLS = 'vscode-json-language-server';
const DLS = 'dockerfile-language-server';

const num = (v, digits = 1) => (typeof v === 'number' && Number.isFinite(v) ? (Math.abs(v) >= 100 ? String(Math.round(v)) : v.toFixed(digits)) : '–');
const ms = (v) => (typeof v === 'number' && Number.isFinite(v) ? `${num(v)} ms` : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const range = (s) => (s && Number.isFinite(s.min) ? `${num(s.min)}–${num(s.max)}` : '–');
const err = (r) => (r?.error ? `error: ${r.error}` : '–');

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Evaluates each goal of issue 10 against the results. met: true / false / null (not measured). */
export function evaluateGoals(r) {
  const goals = [];
  const add = (measure, goal, value, figure, met, note) => goals.push({ measure, goal, value, figure, met, note });
  const e = r.berth.edits;
  const yls = r.peers[YLS]?.edits ?? {};
  for (const format of ['yaml', 'json']) {
    const m = e[`cfn-1k.${format}`]?.edit?.median;
    add(`edit → diagnostics, 1k lines (${format.toUpperCase()})`, '≤ 15 ms', m, `${ms(m)} median (p95 ${ms(e[`cfn-1k.${format}`]?.edit?.p95)}; server CPU ${ms(e[`cfn-1k.${format}`]?.cpuPerEditMs)}/edit)`, Number.isFinite(m) ? m <= 15 : null);
  }
  for (const format of ['yaml', 'json']) {
    const name = `cfn-10k.${format}`;
    const m = e[name]?.edit?.median;
    const floor = r.parse[name]?.median;
    const q = ratio(m, floor);
    add(`edit → diagnostics, 10k lines (${format.toUpperCase()})`, '≤ 1.3 × bare parse', q, `${x(q)} (${ms(m)} vs ${r.parse[name]?.parser ?? 'parse'} ${ms(floor)})`, Number.isFinite(q) ? q <= 1.3 : null);
  }
  for (const format of ['yaml', 'json']) {
    const s = r.berth.scaling?.[format];
    add(`scaling 1k → 10k → 50k lines (${format.toUpperCase()})`, 'exponent ≤ 1.1', s?.exponent, `${num(s?.exponent, 2)} (medians ${(s?.medians ?? []).map((v) => ms(v)).join(' → ')}; CPU/edit exponent ${num(s?.cpuExponent, 2)})`, Number.isFinite(s?.exponent) ? s.exponent <= 1.1 : null);
  }
  for (const size of ['1k', '10k', '50k']) {
    const name = `cfn-${size}.yaml`;
    const b = e[name]?.edit?.median;
    const net = yls[name]?.editNet?.median;
    const q = ratio(net, b);
    add(
      `vs yaml-language-server + same schema, ${size} lines`,
      '≥ 3 × faster',
      q,
      r.peers[YLS] ? `${x(q)} faster (Berth ${ms(b)}; yaml-language-server ${ms(net)} + its 200 ms delay = ${ms(yls[name]?.edit?.median)})` : 'peers not run',
      Number.isFinite(q) ? q >= 3 : null,
    );
  }
  const hovers = Object.entries(e).filter(([, v]) => v.hover && v.hover.answered > 0);
  const completions = Object.entries(e).filter(([, v]) => v.completion && v.completion.answered > 0);
  const worst = (list, key) => list.reduce((w, [n, v]) => (v[key].median > (w?.[1] ?? -1) ? [n, v[key].median, v[key].p95] : w), undefined);
  const wh = worst(hovers, 'hover');
  const wc = worst(completions, 'completion');
  add('hover, any size', '≤ 5 ms', wh?.[1], wh ? `worst median ${ms(wh[1])} (p95 ${ms(wh[2])}) on ${wh[0]}` : '–', wh ? wh[1] <= 5 : null);
  add('completion, any size', '≤ 20 ms', wc?.[1], wc ? `worst median ${ms(wc[1])} (p95 ${ms(wc[2])}) on ${wc[0]}` : '–', wc ? wc[1] <= 20 : null);
  const fd = r.berth.firstDiagnostics;
  add(`spawn → first diagnostics (${r.inputs.firstDiagnostics.lines}-line task definition)`, '≤ 200 ms', fd?.median, `${ms(fd?.median)} median (p95 ${ms(fd?.p95)})`, Number.isFinite(fd?.median) ? fd.median <= 200 : null);
  for (const format of ['yaml', 'json']) {
    const rss = r.berth.rss?.[format];
    const settledNote = Number.isFinite(rss?.rssSettledMb) ? `; ${num(rss.rssSettledMb, 0)} MB after ${rss.settleS} s idle` : '';
    add(
      `RSS, ${rss?.files ?? 20} open 1k-line files (${format.toUpperCase()})`,
      '≤ 80 MB',
      rss?.rssMb,
      `${num(rss?.rssMb, 0)} MB right after opening them (${num(rss?.rssBeforeMb, 0)} MB before opening${settledNote})`,
      Number.isFinite(rss?.rssMb) ? rss.rssMb <= 80 : null,
    );
  }
  for (const format of ['yaml', 'json']) {
    const c = r.cli.files[`cfn-10k.${format}`];
    add(`CLI, 10k-line template (${format.toUpperCase()}), whole process`, '≤ 250 ms', c?.median, `${ms(c?.median)} median (node -e 0: ${ms(r.cli.nodeStartup?.median)})`, Number.isFinite(c?.median) ? c.median <= 250 : null);
  }
  const w = r.cli.workspace;
  add(
    `CLI, ${w?.files ?? 1000} typical files, both cores`,
    '≤ 3 s, using both cores',
    w?.median,
    `${ms(w?.median)} median, ${num(w?.coresUsed, 2)} cores used (CPU ${ms(w?.cpuMs)})`,
    Number.isFinite(w?.median) ? w.median <= 3000 && w.coresUsed >= 1.5 : null,
    'cores used = CPU time / wall time of the whole process',
  );
  const act = r.client?.activation;
  add(
    'client activation',
    '≤ 30 ms',
    act?.median,
    act ? `${ms(act.median)} median (p95 ${ms(act.p95)}): loading the minified extension ${ms(act.loadMs)}, activate() until it awaits the server ${ms(act.activateCallMs)}; in plain Node with a no-op vscode API` : 'not measured',
    Number.isFinite(act?.median) ? act.median <= 30 : null,
  );
  const vsix = path.join(ROOT, 'berth.vsix');
  const vsixMb = existsSync(vsix) ? statSync(vsix).size / 2 ** 20 : undefined;
  add('.vsix size', '≤ 3 MB', vsixMb, vsixMb === undefined ? 'not measured: no berth.vsix (npm run package)' : `${num(vsixMb, 2)} MB (berth.vsix as found in the checkout)`, vsixMb === undefined ? null : vsixMb <= 3);
  const sdk = r.meta.bundleChecks?.referencesAwsSdk;
  add('AWS SDK loaded only when a deploy starts', 'server bundle does not load it', sdk, sdk === undefined ? '–' : sdk ? 'dist/server.js references @aws-sdk/' : 'dist/server.js has no @aws-sdk/ reference', sdk === undefined ? null : !sdk);
  for (const goal of goals) if (goal.met === false) goal.why = whyMissed(goal, r);
  return goals;
}

/** For a missed goal, what this run's own measurements say about where the time or memory goes. */
function whyMissed(goal, r) {
  const top = (label) => {
    const p = r.profiles?.[label];
    if (!p?.byArea?.length) return undefined;
    const areas = p.byArea.filter((a) => a.name !== '(idle)').slice(0, 4).map((a) => `${a.name.replace(/^server\/src\/core\//, '')} ${Math.round(a.pct)} %`);
    return `profile of ${label}: ${areas.join(', ')}`;
  };
  const m = goal.measure;
  const size = /\b(1k|10k|50k)\b/.exec(m)?.[1];
  const format = /JSON/.test(m) ? 'json' : 'yaml';
  if (m.startsWith('edit → diagnostics') || m.startsWith('vs yaml-language-server')) {
    const label = `edits cfn-${size === '1k' && format === 'yaml' ? '1k' : '10k'}.${format}`;
    const parse = r.parse[`cfn-${size}.${format}`];
    const parts = [top(label)];
    if (parse) parts.push(`a full ${parse.parser} of this file alone: ${ms(parse.median)}`);
    return parts.filter(Boolean).join('; ');
  }
  if (m.startsWith('spawn → first diagnostics')) return top('spawn → first diagnostics');
  if (m.startsWith('RSS')) {
    const rss = r.berth.rss?.[format];
    if (!rss) return undefined;
    return `${num(rss.rssBeforeMb, 0)} MB before any file is open (Node and the server bundle), ${num((rss.rssMb - rss.rssBeforeMb) / (rss.files || 20), 1)} MB per open file`;
  }
  if (m.startsWith('CLI, 10k')) {
    const floor = r.cli.firstParse?.[`cfn-10k.${format}`];
    const parts = [`node -e 0: ${ms(r.cli.nodeStartup?.median)}`];
    if (floor) parts.push(`node and one ${floor.parser} of this file in a fresh process (no Berth): ${ms(floor.median)}`);
    return parts.join('; ');
  }
  if (m === 'client activation') return `loading vscode-languageclient alone, bundled and minified the same way: ${ms(r.client?.activation?.libraryLoadMs)}`;
  if (m.startsWith('CLI,')) {
    return `${num(r.cli.workspace?.cpuMs, 0)} ms of CPU in ${ms(r.cli.workspace?.median)}: the second thread lints its half, but Node's start (node -e 0: ${ms(r.cli.nodeStartup?.median)}), loading the bundle, finding the files and the worker's own start run on one thread first`;
  }
  return undefined;
}

const status = (met) => (met === true ? 'met' : met === false ? '**missed**' : 'not measured');

export function renderResults(r, previous) {
  const goals = evaluateGoals(r);
  const prevGoals = new Map((previous?.goals ?? []).map((g) => [g.measure, g]));
  const m = r.meta;
  const out = [];
  out.push('# Benchmark results');
  out.push('');
  out.push('Generated by `npm run bench` (bench/run.mjs). **Do not edit by hand**: rerun the script. What each row means: bench/README.md.');
  out.push('');
  out.push('## Machine and run');
  out.push('');
  const cpuModels = [...new Set(m.cpus)].map((c) => `${m.cpus.filter((y) => y === c).length} × ${c}`).join(', ');
  out.push(
    table(
      ['', ''],
      [
        ['date', m.date],
        ['CPU', `${cpuModels} (${m.cpuCount} logical)`],
        ['memory', `${m.memoryGb} GB`],
        ['OS', m.platform],
        ['node', m.node],
        ['load average (1/5/15 min) at start → end', `${m.loadAverageStart.join(' / ')} → ${(m.loadAverageEnd ?? []).join(' / ')}`],
        ['Berth', `${m.berthVersion} at ${m.git}; server bundle ${m.serverBundleKb} KB`],
        ['parsers', `yaml ${m.versions.yaml}, jsonc-parser ${m.versions['jsonc-parser']}`],
        ['peers', Object.entries(m.versions).filter(([k]) => !['yaml', 'jsonc-parser'].includes(k)).map(([k, v]) => `${k} ${v}`).join(', ') || 'not run'],
        ['duration', `${m.durationS} s`],
      ],
    ),
  );
  if (m.loadAverageStart[0] >= 1 || (m.loadAverageEnd?.[0] ?? 0) >= 1) {
    out.push('');
    out.push(`> **The machine was busy during this run** (1-minute load average ${m.loadAverageStart[0]} at start, ${m.loadAverageEnd?.[0]} at end, on ${m.cpuCount} logical CPUs): wall times are inflated. The *server CPU per edit* column (from /proc, user + system time of the server process) is much less sensitive to other load.`);
  }
  out.push('');
  out.push('## Goals (issue 10)');
  out.push('');
  out.push(
    table(
      ['measure', 'goal', 'measured', 'status', 'why (missed goals: this run\'s own measurements)', ...(previous ? [`previous run (${previous.meta?.date?.slice(0, 10)})`] : [])],
      goals.map((g) => [g.measure, g.goal, g.figure, status(g.met), g.why ?? '', ...(previous ? [prevGoals.get(g.measure)?.figure ?? '–'] : [])]),
    ),
  );
  out.push('');

  // ------------------------------------------------------------ start-up
  out.push('## Start-up');
  out.push('');
  const startRows = [['Berth: spawn → initialize result', r.berth.spawnToInitialize], [`Berth: spawn → first diagnostics, ${r.inputs.firstDiagnostics.lines}-line task definition (${r.inputs.firstDiagnostics.containers} container)`, r.berth.firstDiagnostics]];
  for (const [name, p] of Object.entries(r.peers)) if (p.spawnToInitialize) startRows.push([`${name}: spawn → initialize result`, p.spawnToInitialize]);
  out.push(table(['measure', 'median', 'p95', 'min–max', 'n'], startRows.map(([n, s]) => (s?.error ? [n, err(s), '', '', ''] : [n, ms(s?.median), ms(s?.p95), range(s), s?.n ?? '–']))));
  out.push('');

  // ------------------------------------------------------------ edits
  const e = r.berth.edits;
  const berthCells = (b) => (b?.error ? [err(b), '', '', '', ''] : [ms(b?.edit?.median), ms(b?.edit?.p95), range(b?.edit), ms(b?.cpuPerEditMs), String(b?.findings ?? '–')]);
  out.push('## Edit → diagnostics');
  out.push('');
  out.push(`Each row: one server process, the file opened, ${r.meta.config.warmup} warm-up edits, then up to ${r.meta.config.edits} measured edits (each toggles one value near the middle of the file and waits for the diagnostics of that version). Berth's debounce is 0.`);
  out.push('');
  out.push('### CloudFormation/SAM, YAML — Berth vs yaml-language-server (same mini schema)');
  out.push('');
  const yls = r.peers[YLS]?.edits ?? {};
  out.push(
    table(
      ['file', 'lines', 'Berth median', 'p95', 'min–max', 'server CPU/edit', 'findings', '`yaml` parseDocument', 'Berth / parse', `${YLS} median (incl. 200 ms delay)`, 'p95', 'net of delay', 'Berth / peer (net)'],
      Object.entries(e)
        .filter(([n]) => /^cfn-.*\.yaml$/.test(n))
        .map(([n, b]) => {
          const p = r.parse[n];
          const y = yls[n];
          return [n, b.lines, ...berthCells(b), ms(p?.median), x(ratio(b?.edit?.median, p?.median)), y?.error ? err(y) : ms(y?.edit?.median), ms(y?.edit?.p95), ms(y?.editNet?.median), x(ratio(b?.edit?.median, y?.editNet?.median))];
        }),
    ),
  );
  out.push('');
  out.push('### CloudFormation/SAM, JSON — Berth (push and pull) vs vscode-json-language-server (pull, same mini schema)');
  out.push('');
  const jls = r.peers[JLS]?.edits ?? {};
  out.push(
    table(
      ['file', 'lines', 'Berth push median', 'p95', 'min–max', 'server CPU/edit', 'findings', 'Berth pull median', 'pull p95', 'jsonc-parser parseTree', 'Berth / parse', `${JLS} median`, 'p95', 'Berth pull / peer'],
      Object.entries(e)
        .filter(([n]) => /^cfn-.*\.json$/.test(n))
        .map(([n, b]) => {
          const p = r.parse[n];
          const bp = r.berth.editsPull[n];
          const j = jls[n];
          return [n, b.lines, ...berthCells(b), ms(bp?.edit?.median), ms(bp?.edit?.p95), ms(p?.median), x(ratio(b?.edit?.median, p?.median)), j?.error ? err(j) : ms(j?.edit?.median), ms(j?.edit?.p95), x(ratio(bp?.edit?.median, j?.edit?.median))];
        }),
    ),
  );
  out.push('');
  out.push('### ECS task definitions (API JSON)');
  out.push('');
  out.push(
    table(
      ['file', 'lines', 'Berth median', 'p95', 'min–max', 'server CPU/edit', 'findings'],
      Object.entries(e)
        .filter(([n]) => n.startsWith('taskdef-'))
        .map(([n, b]) => [n, b.lines, ...berthCells(b)]),
    ),
  );
  out.push('');
  out.push('### Dockerfiles — Berth vs dockerfile-language-server');
  out.push('');
  const dls = r.peers[DLS]?.edits ?? {};
  out.push(
    table(
      ['file', 'lines', 'Berth median', 'p95', 'min–max', 'server CPU/edit', 'findings', `${DLS} median`, 'p95', 'Berth / peer'],
      Object.entries(e)
        .filter(([n]) => n.startsWith('Dockerfile'))
        .map(([n, b]) => {
          const d = dls[n];
          return [n, b.lines, ...berthCells(b), d?.error ? err(d) : ms(d?.edit?.median), ms(d?.edit?.p95), x(ratio(b?.edit?.median, d?.edit?.median))];
        }),
    ),
  );
  out.push('');

  // ------------------------------------------------------------ scaling
  out.push('## Scaling (Berth, edit → diagnostics)');
  out.push('');
  out.push(
    table(
      ['format', 'lines', 'medians', 'exponent (log-log slope)', 'CPU/edit exponent'],
      Object.entries(r.berth.scaling ?? {}).map(([f, s]) => [f.toUpperCase(), s.sizes.join(' → '), s.medians.map((v) => ms(v)).join(' → '), num(s.exponent, 2), num(s.cpuExponent, 2)]),
    ),
  );
  out.push('');

  // ------------------------------------------------------------ hover, completion
  out.push('## Hover and completion');
  out.push('');
  out.push(`${r.meta.config.requests} requests each after one warm-up, on a key near the middle of the file (\`Essential\` of a container definition where there is one); "answered" counts non-empty answers.`);
  out.push('');
  const peerFor = (n) => (n.endsWith('.yaml') ? r.peers[YLS]?.edits?.[n] : n.endsWith('.json') && n.startsWith('cfn-') ? r.peers[JLS]?.edits?.[n] : n.startsWith('Dockerfile') ? r.peers[DLS]?.edits?.[n] : undefined);
  const rq = (s) => (s ? `${ms(s.median)} / ${ms(s.p95)} (${s.answered}/${s.n})` : '–');
  out.push(
    table(
      ['file', 'lines', 'Berth hover median / p95 (answered)', 'Berth completion', 'peer hover', 'peer completion'],
      Object.entries(e)
        .filter(([, b]) => b.hover)
        .map(([n, b]) => [n, b.lines, rq(b.hover), rq(b.completion), rq(peerFor(n)?.hover), rq(peerFor(n)?.completion)]),
    ),
  );
  out.push('');

  // ------------------------------------------------------------ memory, workspace
  out.push('## Memory and workspace');
  out.push('');
  const rssRows = [];
  for (const f of ['yaml', 'json']) rssRows.push([`Berth, ${f.toUpperCase()}`, r.berth.rss?.[f]]);
  if (r.peers[YLS]) rssRows.push([`${YLS}, YAML`, r.peers[YLS].rss]);
  if (r.peers[JLS]) rssRows.push([`${JLS}, JSON`, r.peers[JLS].rss]);
  out.push(
    table(
      ['server', 'open 1k-line templates', 'RSS right after opening', 'RSS after idling', 'RSS before opening'],
      rssRows.map(([n, s]) => (s?.error ? [n, err(s), '', '', ''] : [n, s?.files ?? '–', `${num(s?.rssMb, 0)} MB`, Number.isFinite(s?.rssSettledMb) ? `${num(s.rssSettledMb, 0)} MB (${s.settleS} s)` : '–', `${num(s?.rssBeforeMb, 0)} MB`])),
    ),
  );
  out.push('');
  const w = r.berth.workspace;
  out.push(
    w?.error
      ? `Workspace indexing: ${err(w)}`
      : `Berth with the ${r.inputs.workspace.files}-file workspace as its folder: indexed ${w?.indexedFiles} AWS configuration files in ${ms(w?.indexMs)} in the background (spawn → indexed ${ms(w?.spawnToIndexedMs)}); a task definition opened meanwhile got its diagnostics after ${ms(w?.openDuringIndexMs)}; RSS afterwards ${num(w?.rssMb, 0)} MB.`,
  );
  out.push('');

  // ------------------------------------------------------------ CLI
  out.push('## CLI, whole process (`node dist/cli.js lint <path> --format json`)');
  out.push('');
  out.push(`Floor: \`node -e 0\` takes ${ms(r.cli.nodeStartup?.median)} (median) on this machine.`);
  out.push('');
  const cliRows = Object.entries(r.cli.files).map(([n, c]) => (c.error ? [n, c.lines, err(c), '', '', '', '', '', ''] : [n, c.lines, ms(c.median), ms(c.p95), range(c), ms(c.cpuMs), num(c.coresUsed, 2), `${c.maxRssMb ?? '–'} MB`, c.findings ?? '–']));
  const cw = r.cli.workspace;
  cliRows.push(cw?.error ? [`workspace (${cw.files} files)`, '', err(cw), '', '', '', '', '', ''] : [`workspace (${cw.files} files, ${r.inputs.workspace.lines} lines)`, '', ms(cw.median), ms(cw.p95), range(cw), ms(cw.cpuMs), num(cw.coresUsed, 2), `${cw.maxRssMb ?? '–'} MB`, cw.findings ?? '–']);
  out.push(table(['input', 'lines', 'median', 'p95', 'min–max', 'CPU', 'cores used', 'max RSS', 'findings'], cliRows));
  out.push('');
  const cfn = r.peers['cfn-lint'];
  if (cfn?.files) {
    out.push(`cfn-lint (\`${cfn.command}\`), whole process:`);
    out.push('');
    out.push(table(['file', 'lines', 'median', 'min–max', 'Berth CLI / cfn-lint'], Object.entries(cfn.files).map(([n, c]) => [n, c.lines, c.error ? err(c) : ms(c.median), range(c), x(ratio(r.cli.files[n]?.median, c.median))])));
  } else {
    out.push(`cfn-lint: ${cfn?.skipped ?? 'skipped'}.`);
  }
  out.push('');

  // ------------------------------------------------------------ profiles
  if (Object.keys(r.profiles ?? {}).length) {
    out.push('## Where the time goes (CPU profiles of the server)');
    out.push('');
    out.push('`node --cpu-prof` on dist/server.js during a separate series of 20 edits (and one spawn → first diagnostics); frames mapped to source files through the bundle\'s source map. Self time excludes idle time; "inclusive" is the time spent in a Berth function and everything it calls.');
    for (const [label, p] of Object.entries(r.profiles)) {
      out.push('');
      out.push(`### ${label}`);
      out.push('');
      if (p.error) {
        out.push(err(p));
        continue;
      }
      out.push(`Busy ${p.busyMs} ms of ${p.totalMs} ms profiled (${p.file}).`);
      out.push('');
      out.push(table(['self time by source', 'ms', '%'], p.byArea.slice(0, 10).map((a) => [a.name, a.ms, a.pct])));
      out.push('');
      out.push(table(['self time by function', 'ms', '%'], p.byFunction.slice(0, 12).map((a) => [`\`${a.name}\``, a.ms, a.pct])));
      out.push('');
      out.push(table(['inclusive time, Berth functions', 'ms', '%'], p.inclusive.slice(0, 12).map((a) => [`\`${a.name}\``, a.ms, a.pct])));
    }
    out.push('');
  }
  out.push('## Inputs');
  out.push('');
  out.push(
    table(
      ['input', 'lines', 'notes'],
      [
        ...r.inputs.templates.map((t) => [t.name, t.lines, `${t.resources} resources, ${t.kb} KB`]),
        [r.inputs.firstDiagnostics.name, r.inputs.firstDiagnostics.lines, `${r.inputs.firstDiagnostics.containers} container`],
        ...r.inputs.taskDefinitions.map((t) => [t.name, t.lines, `${t.containers} containers`]),
        ...r.inputs.dockerfiles.map((d) => [d.name, d.lines, `${d.instructions} instructions`]),
        ['workspace', r.inputs.workspace.lines, `${r.inputs.workspace.files} files: ${Object.entries(r.inputs.workspace.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}`],
      ],
    ),
  );
  out.push('');
  return { markdown: `${out.join('\n')}\n`, goals };
}
