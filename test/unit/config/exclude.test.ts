/** The one meaning of an exclude pattern (server/src/core/config/exclude.ts), against the shared table. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excludeMatcher, excludePatternProblem } from '../../../server/src/core/config/exclude';
import { EXCLUDE_CASES } from '../../helpers/excludeCases';

describe('excludeMatcher', () => {
  for (const c of EXCLUDE_CASES) {
    it(`${JSON.stringify(c.patterns)} excludes ${c.excluded.join(', ')}${c.kept.length ? `; keeps ${c.kept.join(', ')}` : ''}`, () => {
      const excluded = excludeMatcher(c.patterns);
      for (const path of c.excluded) assert.equal(excluded(path), true, path);
      for (const path of c.kept) assert.equal(excluded(path), false, path);
    });
  }

  it('a folder itself: a trailing slash matches it only when it is known to be a folder', () => {
    const excluded = excludeMatcher(['legacy/']);
    assert.equal(excluded('legacy', true), true);
    assert.equal(excluded('legacy', false), false);
    assert.equal(excludeMatcher(['legacy'])('legacy'), true);
  });

  it('negated, empty and root patterns match nothing, and say why', () => {
    for (const pattern of ['!task.json', '  ', './', '/', '.']) {
      assert.equal(excludeMatcher([pattern])('task.json'), false, pattern);
      assert.ok(excludePatternProblem(pattern), pattern);
    }
    assert.equal(excludePatternProblem('legacy/**'), undefined);
  });

  it('no patterns: nothing is excluded', () => {
    assert.equal(excludeMatcher([])('task.json'), false);
  });
});
