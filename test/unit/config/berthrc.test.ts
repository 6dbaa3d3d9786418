/** The one .berthrc.yaml reader (server/src/core/config/berthrc.ts): values, and problems at exact spans. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { CONFIG_FILE_GLOB, CONFIG_FILE_NAMES, readBerthrc, type ConfigProblem } from '../../../server/src/core/config/berthrc';
import { formatProblem, positionOf } from '../../../server/src/core/config/problems';

const known = (id: string) => id === 'ecs/fargate-valid-cpu-memory' || id === 'parse/duplicate-key';

/** A problem as [the text its span covers, its start offset, its message]. */
const located = (text: string, problems: readonly ConfigProblem[]) => problems.map((p) => [text.slice(p.span.start, p.span.end), p.span.start, p.message]);

describe('readBerthrc', () => {
  it('reads rules, exclude, limits and deploy targets from one parse', () => {
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
      '  targets:',
      '    web: { ecrRepository: web, cluster: prod }',
      '',
    ].join('\n');
    const read = readBerthrc(text, { isKnownRule: known });
    assert.deepEqual(read.config, {
      rules: { 'ecs/fargate-valid-cpu-memory': 'warning', 'parse/duplicate-key': 'off' },
      exclude: ['vendor/**', '*.generated.json'],
      limits: { maxFileSize: 1048576, maxDepth: 100 },
    });
    assert.deepEqual(read.targets, {
      web: { name: 'web', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false, ecrRepository: 'web', cluster: 'prod' },
    });
    assert.deepEqual([read.errors, read.warnings, read.targetErrors], [[], [], []]);
  });

  it('an empty file or a comment-only file is an empty configuration', () => {
    for (const text of ['', '# nothing yet\n', '~\n']) {
      const read = readBerthrc(text, { isKnownRule: known });
      assert.deepEqual([read.errors, read.warnings, read.targetErrors], [[], [], []]);
      assert.deepEqual(read.config, { rules: {}, exclude: [], limits: {} });
      assert.deepEqual(read.targets, {});
    }
  });

  it('an unknown rule id is a warning at its key, and the rest still applies', () => {
    const text = 'rules:\n  ecs/no-such-rule: error\n  parse/duplicate-key: info\n';
    const read = readBerthrc(text, { isKnownRule: known });
    assert.deepEqual(read.errors, []);
    assert.deepEqual(located(text, read.warnings), [
      ['ecs/no-such-rule', 9, 'Unknown rule id "ecs/no-such-rule"; it is ignored. Check the spelling against the rule list in the README.'],
    ]);
    assert.equal(read.config.rules['parse/duplicate-key'], 'info');
  });

  it('rule ids are not checked without isKnownRule', () => {
    assert.deepEqual(readBerthrc('rules:\n  made-up/rule: error\n').warnings, []);
  });

  it('an unknown section is a warning at its key', () => {
    const text = 'exlude:\n  - vendor/**\n';
    assert.deepEqual(located(text, readBerthrc(text).warnings), [['exlude', 0, 'Unknown section "exlude"; it is ignored. The sections are rules, exclude, limits, deploy.']]);
  });

  // [name, text, the text the error covers, its message]
  const errors: [string, string, string, RegExp][] = [
    ['bad severity', 'rules:\n  parse/duplicate-key: loud\n', 'loud', /^The setting of rule parse\/duplicate-key must be one of off, info, warning, error, not "loud"\.$/],
    ['missing severity (at the key)', 'rules:\n  parse/duplicate-key:\n', 'parse/duplicate-key', /not nothing\.$/],
    ['rules not a mapping', 'rules: [a, b]\n', '[a, b]', /^rules: must be a mapping/],
    ['exclude not a list', 'exclude: vendor/**\n', 'vendor/**', /^exclude: must be a list/],
    ['exclude entry not a string', 'exclude:\n  - 42\n', '42', /non-empty glob string, not 42\.$/],
    ['negated exclude pattern', 'exclude:\n  - "!keep.json"\n', '"!keep.json"', /^Negated patterns such as "!keep\.json" are not supported/],
    ['exclude pattern naming the root', 'exclude:\n  - ./\n', './', /names the root folder itself/],
    ['unknown limit', 'limits:\n  maxSize: 3\n', 'maxSize', /^Unknown limit "maxSize"/],
    ['limit not a positive whole number', 'limits:\n  maxDepth: -1\n', '-1', /^limits\.maxDepth must be a positive whole number, not -1\.$/],
    ['root not a mapping', '- rules\n', '- rules', /must be a mapping with sections/],
    ['YAML syntax error', 'rules:\n  a: b\n c: d\n', 'c', /^Invalid YAML: All mapping items must start at the same column\.$/],
    ['duplicate section', 'rules: {}\nrules: {}\n', 'rules', /^Duplicate key "rules"/],
  ];
  for (const [name, text, covered, message] of errors) {
    it(`${name}: one error at its span`, () => {
      const read = readBerthrc(text, { isKnownRule: known });
      assert.equal(read.errors.length, 1, JSON.stringify(read.errors));
      const [error] = read.errors;
      assert.equal(text.slice(error!.span.start, error!.span.end), covered);
      assert.equal(error!.span.start, text.lastIndexOf(covered));
      assert.match(error!.message, message);
    });
  }

  it('problems in deploy: stop a deploy, not a lint; a YAML syntax error stops both', () => {
    const text = 'rules: {}\ndeploy:\n  cluster: main\n  targets:\n    web: { ecrRepository: web, ecrRepository: api }\n';
    const read = readBerthrc(text);
    assert.deepEqual(read.errors, []);
    assert.deepEqual(located(text, read.targetErrors), [
      ['ecrRepository', text.lastIndexOf('ecrRepository'), 'Duplicate key "ecrRepository": only the last value counts, so the first one is silently ignored.'],
      ['cluster', text.indexOf('cluster'), 'Unknown key "cluster" under deploy:; the only one is targets:.'],
    ]);
    const broken = readBerthrc('deploy:\n  targets: [\n');
    assert.equal(broken.errors.length, 1);
    assert.deepEqual(broken.targetErrors, broken.errors);
  });
});

describe('configuration file names and problems as people read them (shared by the CLI, the deploy and the client)', () => {
  it('CONFIG_FILE_GLOB (the client\'s file watchers and search) matches each configuration file name at any depth, and nothing else', () => {
    const matches = picomatch(CONFIG_FILE_GLOB, { dot: true });
    for (const name of CONFIG_FILE_NAMES) {
      assert.ok(matches(name), name);
      assert.ok(matches(`services/api/${name}`), name);
    }
    assert.equal(matches('berthrc.yaml'), false);
    assert.equal(matches('.berthrc.json'), false);
  });

  it('formatProblem: name:line:column: message, 1-based, on the line the span starts', () => {
    const text = 'rules: {}\ndeploy:\n  targets:\n    web: { ecrRepository: web, ecrRepository: api }\n';
    const [problem] = readBerthrc(text).targetErrors;
    assert.deepEqual(positionOf(text, problem!), { line: 4, column: 32 });
    assert.equal(formatProblem('.berthrc.yaml', text, problem!), `.berthrc.yaml:4:32: ${problem!.message}`);
  });
});
