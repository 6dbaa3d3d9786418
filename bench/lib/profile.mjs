// Summarizes a V8 .cpuprofile written by `node --cpu-prof`: self time by function and by source
// (server/src files through the bundle's source map; node_modules packages), and inclusive time of
// Berth's own functions.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** Decodes a source map's mappings into, per generated line, segments [genCol, source, origLine]. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let origLine = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let genCol = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64_INDEX[ch];
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0];
      if (values.length >= 4) {
        source += values[1];
        origLine += values[2];
        segments.push([genCol, source, origLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function sourceMapLookup(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    const segments = lines[line];
    if (!segments?.length) return undefined;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid][0] <= column) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const seg = segments[Math.max(0, found)];
    return { source: map.sources[seg[1]], line: seg[2] + 1 };
  };
}

/** 'node_modules/yaml/dist/…' → 'yaml'; '../server/src/core/parse/yaml.ts' → 'server/src/core/parse/yaml.ts'. */
function area(source) {
  if (!source) return '(unknown)';
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const i = source.indexOf('server/src/');
  return i >= 0 ? source.slice(i) : source.replace(/^(\.\.\/)+/, '');
}

/**
 * bundle: the bundle file the profile's frames point into (its .map beside it).
 * Returns { totalMs, byArea: [{ name, ms, pct }], byFunction: [...], inclusive: [...] }.
 */
export function summarizeProfile(profileFile, bundle, top = 15) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const lookup = sourceMapLookup(`${bundle}.map`);
  const bundleName = path.basename(bundle);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const describe = (n) => {
    const cf = n.callFrame;
    if (!cf.url) return { fn: cf.functionName || `(${cf.functionName || 'anonymous'})`, where: cf.functionName.startsWith('(') ? cf.functionName : '(native)' };
    if (cf.url.endsWith(bundleName)) {
      const orig = lookup(cf.lineNumber, cf.columnNumber);
      const a = area(orig?.source);
      return { fn: cf.functionName || '(anonymous)', where: a, loc: orig ? `${a}:${orig.line}` : a };
    }
    return { fn: cf.functionName || '(anonymous)', where: cf.url.startsWith('node:') ? 'node internals' : cf.url };
  };
  const described = new Map([...nodes].map(([id, n]) => [id, describe(n)]));
  let total = 0;
  const byArea = new Map();
  const byFunction = new Map();
  for (const [id, ms] of self) {
    total += ms;
    const d = described.get(id);
    const idle = d.fn === '(idle)' || d.fn === '(program)' || d.fn === '(garbage collector)';
    const areaName = idle ? d.fn : d.where;
    byArea.set(areaName, (byArea.get(areaName) ?? 0) + ms);
    const key = `${d.fn} — ${d.loc ?? d.where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  // Inclusive time per Berth function (server/src), counted once per stack.
  const inclusive = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const d = described.get(cur);
      if (!d.where.startsWith('server/src/')) continue;
      const key = `${d.fn} — ${d.loc}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const busy = total - (byArea.get('(idle)') ?? 0);
  const rows = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((ms / busy) * 1000) / 10 }));
  return { totalMs: Math.round(total), busyMs: Math.round(busy), byArea: rows(byArea), byFunction: rows(byFunction), inclusive: rows(inclusive) };
}
