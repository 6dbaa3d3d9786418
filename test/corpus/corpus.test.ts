/**
 * The regression corpus (cfn-lint style): public files nobody here wrote, linted as `berth lint` would see them, with
 * every file's findings pinned as JSON in test/corpus/snapshots/<source>.json. A change in what Berth reports on any of
 * them fails this test; `npm run corpus:update` rewrites the snapshots, and a person reviews that diff before it is
 * committed (see test/corpus/README.md).
 *
 * The files are found in BERTH_CORPUS_DIR, else test/corpus/files/, else shared/corpus/ in a folder above the
 * repository (where the workplace's shared data lies beside a clone); each top-level folder there is one source.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { lint, prepare, toIndexed, type PreparedDocument } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/workspace/index';
import { collectFiles } from '../../server/src/io/files';
import { loadHclParser } from '../../server/src/io/hclGrammar';

const ROOT = resolve(__dirname, '..', '..');
const SNAPSHOTS = join(__dirname, 'snapshots');
/** Findings depend on today's date (runtime deprecations): the corpus is always judged on this one. */
const NOW = new Date('2026-12-01T00:00:00Z');
const UPDATE = process.env.BERTH_CORPUS_UPDATE === '1';

/** One pinned finding: what a reviewer needs to judge it. */
interface Pinned {
  readonly ruleId: string;
  readonly severity: string;
  /** 1-based [line, column, endLine, endColumn], endColumn exclusive, as `berth lint --format json` prints them. */
  readonly range: readonly [number, number, number, number];
  readonly message: string;
}

function corpusDir(): string | undefined {
  if (process.env.BERTH_CORPUS_DIR) return resolve(process.env.BERTH_CORPUS_DIR);
  const inRepo = join(__dirname, 'files');
  if (existsSync(inRepo)) return inRepo;
  for (let dir = dirname(ROOT); ; dir = dirname(dir)) {
    const shared = join(dir, 'shared', 'corpus');
    if (existsSync(shared)) return shared;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Lints one source folder as `berth lint <folder>` would: every file indexed first, then each linted with the index. */
function lintSource(folder: string): Record<string, Pinned[]> {
  const { targets } = collectFiles([folder], { cwd: folder, excludeRoot: folder, exclude: [] });
  const docs: { file: string; doc: PreparedDocument }[] = [];
  const index = new WorkspaceIndex();
  const settings = { genericFeatures: true };
  for (const target of targets) {
    const text = readFileSync(target.absolute, 'utf8');
    const doc = prepare({ uri: pathToFileURL(target.absolute).href, text }, settings);
    const indexed = toIndexed(doc);
    if (indexed) index.set(indexed);
    docs.push({ file: relative(folder, target.absolute).split(sep).join('/'), doc });
  }
  const out: Record<string, Pinned[]> = {};
  for (const { file, doc } of docs.sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (!doc.kind) continue;
    out[file] = lint(doc, { workspace: index, settings, now: NOW }).map((f) => {
      const start = doc.lines.positionAt(f.span.start);
      const end = doc.lines.positionAt(f.span.end);
      return { ruleId: f.ruleId, severity: f.severity, range: [start.line + 1, start.character + 1, end.line + 1, end.character + 1], message: f.message };
    });
  }
  return out;
}

/** One file per entry and one finding per line, so that a review sees each changed finding as one changed line. */
function snapshotText(findings: Record<string, Pinned[]>): string {
  const files = Object.entries(findings).map(([file, list]) => {
    if (list.length === 0) return `  ${JSON.stringify(file)}: []`;
    return `  ${JSON.stringify(file)}: [\n${list.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]`;
  });
  return `{\n${files.join(',\n')}\n}\n`;
}

const dir = corpusDir();

describe('regression corpus: public files and their pinned findings', { skip: dir ? false : 'no corpus found (BERTH_CORPUS_DIR, test/corpus/files/ or shared/corpus/): see test/corpus/README.md' }, () => {
  before(() => loadHclParser());
  const sources = dir ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort() : [];

  it('names the origin and licence of every source in SOURCES.md', () => {
    const sourcesMd = readFileSync(join(dir!, 'SOURCES.md'), 'utf8');
    for (const source of sources) assert.match(sourcesMd, new RegExp(`\\| \`${source}/\` \\| https://github\\.com/[^|]+ \\| \`[0-9a-f]{40}\` \\|[^|]+\\| [^|]*(MIT|Apache-2\\.0)`), `SOURCES.md does not name the repository, commit and licence of ${source}/`);
  });

  it('has a snapshot for every source and a source for every snapshot', () => {
    if (UPDATE) return;
    const pinned = existsSync(SNAPSHOTS) ? readdirSync(SNAPSHOTS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort() : [];
    assert.deepEqual(sources, pinned, 'run npm run corpus:update and review the new snapshot');
  });

  for (const source of sources) {
    it(`${source}: every file's findings are as pinned`, () => {
      const actual = lintSource(join(dir!, source));
      const file = join(SNAPSHOTS, `${source}.json`);
      if (UPDATE) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, snapshotText(actual));
        return;
      }
      assert.ok(existsSync(file), `no snapshot for ${source}: run npm run corpus:update and review it`);
      const expected = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Pinned[]>;
      assert.deepEqual(Object.keys(actual), Object.keys(expected), `the files Berth reads in ${source} changed: run npm run corpus:update and review the diff`);
      for (const name of Object.keys(expected)) {
        assert.deepEqual(actual[name], expected[name], `${source}/${name}: the findings changed; run npm run corpus:update and review the diff of test/corpus/snapshots/${source}.json`);
      }
    });
  }
});
