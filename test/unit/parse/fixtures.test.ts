import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../../../server/src/core/parse/json';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { walk } from '../../../server/src/core/parse/tree';
import { allPairs, assertSpansWellFormed, slice } from './helpers';

/** The span invariants, on every realistic JSON/YAML file we have (the kind-detection corpus). */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'kinds');
const files = readdirSync(FIXTURES).flatMap((kind) =>
  readdirSync(join(FIXTURES, kind))
    .filter((name) => /\.(json|ya?ml)$/i.test(name))
    .map((name) => ({ path: `${kind}/${name}`, text: readFileSync(join(FIXTURES, kind, name), 'utf8') })),
);

describe('span invariants on the fixture corpus', () => {
  it('covers a real corpus', () => assert.ok(files.length >= 40, `${files.length} files`));

  for (const { path, text } of files) {
    it(path, () => {
      const tree = path.endsWith('.json') ? parseJson(text) : parseYaml(text);
      // Only tsconfig.json has comments and trailing commas; nothing in the corpus is broken.
      assert.ok(
        tree.problems.every((p) => p.code === 'json-comment' || p.code === 'json-trailing-comma'),
        JSON.stringify(tree.problems),
      );
      if (!tree.root) {
        assert.equal(text.trim(), '', 'only an empty file has no root');
        return;
      }
      assertSpansWellFormed(text, tree.root);
      for (const pair of allPairs(tree.root)) {
        const keyText = slice(text, pair.keySpan);
        assert.ok(keyText === pair.key || keyText === JSON.stringify(pair.key) || keyText.slice(1, -1) === pair.key, `key ${keyText} vs ${pair.key}`);
        // A pair ends where its value ends, never on trailing whitespace or a comment.
        assert.doesNotMatch(slice(text, pair.span), /\s$/, `pair "${pair.key}" ends on whitespace`);
      }
      walk(tree.root, (node) => {
        if (node.kind === 'intrinsic' && node.short) assert.equal(slice(text, node.nameSpan), `!${node.name.replace(/^Fn::/, '')}`);
        if (node.kind === 'intrinsic' && !node.short) assert.match(slice(text, node.nameSpan), new RegExp(`^"?${node.name}"?$`));
      });
    });
  }
});
