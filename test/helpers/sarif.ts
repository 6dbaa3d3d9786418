/** Validates SARIF logs against the OASIS 2.1.0 schema (test/cli/fixtures/sarif-schema-2.1.0.json). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

/** The OASIS schema is draft-04; Ajv 8 reads it as draft-07, which means the same for every keyword it uses. */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'cli', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(schema.id, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const isUri = (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s: string) => isUri(s) || (!/\s/.test(s) && isUri(new URL(s, 'file:///base/').href)));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
