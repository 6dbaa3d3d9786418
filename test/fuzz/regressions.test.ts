/**
 * Replays every regression fixture in test/fuzz/regressions/: inputs that once broke a property (found by
 * `npm run fuzz` or written by hand). `"status": "open"` marks a bug reported to a rule's owner and not yet
 * fixed: it runs as a todo test (reported, not failing the suite) until the owner flips it to "fixed".
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkInput } from './properties';
import { loadHclParser } from '../../server/src/io/hclGrammar';

interface Regression {
  readonly description: string;
  readonly status: 'open' | 'fixed';
  readonly expect: string;
  readonly uri: string;
  readonly text: string;
}

const dir = join(__dirname, 'regressions');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('fuzz regressions', () => {
  before(() => loadHclParser());
  it('the folder holds regression fixtures', () => {
    assert.ok(files.length > 0);
  });
  for (const file of files) {
    const regression = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Regression;
    it(`${file}: ${regression.expect}`, regression.status === 'open' ? { todo: regression.description } : {}, () => {
      checkInput({ uri: regression.uri, text: regression.text });
    });
  }
});
