// What a smoke or partial (--only) run says about its results: the measurements that produced no number, and
// one line per figure.

/** Every measurement must have produced a number (smoke). Returns the paths that did not. */
export function missingNumbers(results) {
  const missing = [];
  const need = (value, where) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) missing.push(where);
  };
  const walk = (node, where) => {
    if (node && typeof node === 'object' && 'error' in node) missing.push(`${where}: ${node.error}`);
  };
  const b = results.berth;
  need(b.spawnToInitialize?.median, 'berth.spawnToInitialize');
  need(b.firstDiagnostics?.median, 'berth.firstDiagnostics');
  for (const group of ['edits', 'editsPull']) {
    for (const [name, r] of Object.entries(b[group])) {
      walk(r, `berth.${group}.${name}`);
      need(r.edit?.median, `berth.${group}.${name}.edit`);
      need(r.edit?.p95, `berth.${group}.${name}.edit.p95`);
      need(r.hover?.median, `berth.${group}.${name}.hover`);
      need(r.completion?.median, `berth.${group}.${name}.completion`);
    }
  }
  need(b.rss?.yaml?.rssMb, 'berth.rss.yaml');
  need(b.rss?.json?.rssMb, 'berth.rss.json');
  need(b.workspace?.indexMs, 'berth.workspace.indexMs');
  need(b.workspace?.openDuringIndexMs, 'berth.workspace.openDuringIndexMs');
  need(b.scaling?.yaml?.exponent, 'berth.scaling.yaml');
  need(b.terraformWasm?.median, 'berth.terraformWasm');
  need(b.terraformFirstDiagnostics?.median, 'berth.terraformFirstDiagnostics');
  need(b.rss?.terraform?.rssMb, 'berth.rss.terraform');
  if (b.wasmInJsonYamlSession?.state !== 'not-loaded') missing.push(`berth.wasmInJsonYamlSession: ${b.wasmInJsonYamlSession?.state ?? b.wasmInJsonYamlSession?.error}`);
  for (const [name, r] of Object.entries(results.parse)) need(r.median, `parse.${name}`);
  need(results.cli.nodeStartup?.median, 'cli.nodeStartup');
  need(results.client?.activation?.median, 'client.activation');
  for (const [name, r] of Object.entries(results.cli.files)) need(r.median, `cli.files.${name}`);
  need(results.cli.workspace?.median, 'cli.workspace');
  for (const [peer, p] of Object.entries(results.peers)) {
    for (const [name, r] of Object.entries(p.edits ?? {})) need(r.edit?.median, `peers.${peer}.${name}`);
  }
  return missing;
}

/** The figures of a partial (--only) run, one line each: medians (p95) in ms, RSS in MB. */
export function onlySummary(results) {
  const b = results.berth;
  const ms = (r) => (r && typeof r.median === 'number' ? `${r.median} ms (p95 ${r.p95})` : r?.error ? `error: ${r.error}` : 'n/a');
  const lines = [];
  if (b.spawnToInitialize) lines.push(`spawn → initialize: ${ms(b.spawnToInitialize)}`);
  if (b.firstDiagnostics) lines.push(`spawn → first diagnostics: ${ms(b.firstDiagnostics)}`);
  for (const group of ['edits', 'editsPull']) {
    for (const [name, r] of Object.entries(b[group])) {
      lines.push(`${group === 'editsPull' ? '(pull) ' : ''}${name}: edit ${ms(r.edit)}, cpu/edit ${r.cpuPerEditMs} ms, hover ${ms(r.hover)}, completion ${ms(r.completion)}`);
    }
  }
  for (const [format, r] of Object.entries(b.rss ?? {})) lines.push(`RSS ${format}: ${r.rssMb ?? r.error} MB (${r.rssBeforeMb} MB before opening, ${r.rssSettledMb} MB after ${r.settleS} s idle)`);
  if (b.workspace) lines.push(`workspace: indexed in ${b.workspace.indexMs} ms, open during indexing ${b.workspace.openDuringIndexMs} ms, RSS ${b.workspace.rssMb} MB`);
  for (const [name, r] of Object.entries(results.cli.files)) lines.push(`cli ${name}: ${ms(r)}`);
  return lines;
}
