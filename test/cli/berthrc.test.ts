/** The pure .berthrc.yaml parser (server/src/core/config/berthrc.ts): values and line-precise problems. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBerthrc } from '../../server/src/core/config/berthrc';

const known = (id: string) => id === 'ecs/fargate-valid-cpu-memory' || id === 'parse/duplicate-key';

describe('parseBerthrc', () => {
  it('reads rules, exclude and limits, and leaves other sections alone', () => {
    const text = [
      'rules:',
      '  ecs/fargate-valid-cpu-memory: warning',
      '  parse/duplicate-key: "off"',
      'exclude:',
      '  - vendor/**',
      '  - "*.generated.json"',
      'limits:',
      '  maxFileSize: 1048576',
      '  maxDepth: 100',
      'deploy:',
      '  cluster: main',
      '',
    ].join('\n');
    assert.deepEqual(parseBerthrc(text, known), {
      config: {
        rules: { 'ecs/fargate-valid-cpu-memory': 'warning', 'parse/duplicate-key': 'off' },
        exclude: ['vendor/**', '*.generated.json'],
        limits: { maxFileSize: 1048576, maxDepth: 100 },
      },
      errors: [],
      warnings: [],
    });
  });

  it('an empty file or a comment-only file is an empty configuration', () => {
    for (const text of ['', '# nothing yet\n']) {
      const result = parseBerthrc(text, known);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.config, { rules: {}, exclude: [], limits: {} });
    }
  });

  it('an unknown rule id is a warning at its key, and the rest still applies', () => {
    const result = parseBerthrc('rules:\n  ecs/no-such-rule: error\n  parse/duplicate-key: info\n', known);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, [
      { line: 2, column: 3, message: 'Unknown rule id "ecs/no-such-rule"; it is ignored. Check the spelling against the rule list in the README.' },
    ]);
    assert.equal(result.config.rules['parse/duplicate-key'], 'info');
  });

  const errors: [string, string, number, number, RegExp][] = [
    ['bad severity', 'rules:\n  parse/duplicate-key: loud\n', 2, 24, /must be one of off, info, warning, error, not "loud"/],
    ['rules not a mapping', 'rules: [a, b]\n', 1, 8, /rules: must be a mapping/],
    ['exclude not a list', 'exclude: vendor/**\n', 1, 10, /exclude: must be a list/],
    ['exclude entry not a string', 'exclude:\n  - 42\n', 2, 5, /non-empty glob string, not 42/],
    ['unknown limit', 'limits:\n  maxSize: 3\n', 2, 3, /Unknown limit "maxSize"/],
    ['limit not a positive whole number', 'limits:\n  maxDepth: -1\n', 2, 13, /limits\.maxDepth must be a positive whole number, not -1/],
    ['root not a mapping', '- rules\n', 1, 1, /must be a mapping/],
    ['YAML syntax error', 'rules:\n  a: b\n c: d\n', 3, 1, /^YAML syntax error: /],
    ['duplicate section', 'rules: {}\nrules: {}\n', 2, 1, /^YAML syntax error: Map keys must be unique/],
  ];
  for (const [name, text, line, column, message] of errors) {
    it(`${name}: an error at ${line}:${column}`, () => {
      const result = parseBerthrc(text, known);
      assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
      assert.equal(result.errors[0]!.line, line);
      assert.equal(result.errors[0]!.column, column);
      assert.match(result.errors[0]!.message, message);
    });
  }
});
