/**
 * Every snippet lints clean: each one is expanded with its defaults (and once per option of each choice),
 * analysed by Berth's core under a realistic file name and the snippet's language, and must be detected as the
 * expected kind with no finding at all, info-level advice included. Also: every snippet file is contributed in
 * package.json with the language of its folder, and every snippet has an expectation below.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { loadHclParser } from '../../../server/src/io/hclGrammar';
import type { DocumentKind } from '../../../server/src/core/kinds/detect';
import { choicesOf, expandSnippet, fileVariables } from './expand';

/** The day the snippets were last checked against the Lambda runtime lifecycle. */
const SNIPPETS_CHECKED = new Date('2026-11-23T00:00:00Z');

const ROOT = join(__dirname, '..', '..', '..');
const SNIPPETS = join(ROOT, 'snippets');

/** Where each snippet would be typed, and what Berth must see in it. Keyed by prefix. */
const EXPECTED: Record<string, { readonly file: string; readonly kind: DocumentKind }> = {
  'berth-ecs-task-fargate': { file: 'web/task-definition.json', kind: 'ecs-task-definition' },
  'berth-ecs-task-ec2-bridge': { file: 'web/task-definition.json', kind: 'ecs-task-definition' },
  'berth-ecs-service-alb': { file: 'web/service.json', kind: 'ecs-service' },
  'berth-batch-job-ec2': { file: 'batch/job-definition.json', kind: 'batch-job-definition' },
  'berth-batch-job-fargate': { file: 'batch/job-definition.json', kind: 'batch-job-definition' },
  'berth-batch-job-multinode': { file: 'batch/job-definition.json', kind: 'batch-job-definition' },
  'berth-lambda-create-function': { file: 'lambda/function.json', kind: 'lambda-function' },
  'berth-cfn-static-site-json': { file: 'infra/static-site.json', kind: 'cloudformation' },
  'berth-cfn-ecs-task-fargate': { file: 'infra/task-definition.yaml', kind: 'cloudformation' },
  'berth-cfn-ecs-task-ec2-bridge': { file: 'infra/task-definition.yaml', kind: 'cloudformation' },
  'berth-cfn-ecs-service-alb': { file: 'infra/service.yaml', kind: 'cloudformation' },
  'berth-cfn-batch-job-ec2': { file: 'infra/batch.yaml', kind: 'cloudformation' },
  'berth-cfn-batch-job-fargate': { file: 'infra/batch.yaml', kind: 'cloudformation' },
  'berth-cfn-batch-job-multinode': { file: 'infra/batch.yaml', kind: 'cloudformation' },
  'berth-cfn-static-site': { file: 'infra/static-site.yaml', kind: 'cloudformation' },
  'berth-sam-function-api': { file: 'template.yaml', kind: 'cloudformation' },
  'berth-sam-function-sqs': { file: 'template.yaml', kind: 'cloudformation' },
  'berth-sam-function-image': { file: 'template.yaml', kind: 'cloudformation' },
  'berth-serverless-function': { file: 'serverless.yml', kind: 'serverless-framework' },
  'berth-dockerfile-lambda-python': { file: 'Dockerfile', kind: 'dockerfile' },
  'berth-dockerfile-lambda-node': { file: 'Dockerfile', kind: 'dockerfile' },
  'berth-dockerfile-node-service': { file: 'Dockerfile', kind: 'dockerfile' },
  'berth-tf-ecs-fargate-service': { file: 'infra/main.tf', kind: 'terraform' },
};

interface SnippetDef {
  readonly prefix: string;
  readonly body: string | readonly string[];
  readonly description: string;
}

interface Contributed {
  readonly language: string;
  readonly path: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { snippets?: Contributed[] } };
const contributed = manifest.contributes?.snippets ?? [];

/** snippets/<language>/<name>.json, as found on disk. */
const files = readdirSync(SNIPPETS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(SNIPPETS, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ language: d.name, path: `./snippets/${d.name}/${f}` })),
  )
  .sort((a, b) => a.path.localeCompare(b.path));

const snippets = files.flatMap(({ language, path }) => {
  const defs = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, SnippetDef>;
  return Object.entries(defs).map(([name, def]) => ({
    name,
    language,
    path,
    prefix: def.prefix,
    description: def.description,
    body: typeof def.body === 'string' ? def.body : def.body.join('\n'),
  }));
});

/** Findings as readable lines, so a failure shows what to fix. */
function lintSnippet(text: string, file: string, languageId: string): { kind: string | undefined; problems: string[] } {
  // A fixed date keeps CI stable as runtimes age; update it (and the snippets) when refreshing the runtime table.
  const { document, findings } = analyze({ uri: `file:///workspace/${file}`, text, languageId }, { now: SNIPPETS_CHECKED });
  return {
    kind: document.kind,
    problems: findings.map((f) => {
      const { line, character } = document.lines.positionAt(f.span.start);
      return `${line + 1}:${character + 1} ${f.severity} ${f.ruleId} (${f.messageId}): ${f.message}`;
    }),
  };
}

// Terraform snippets (snippets/terraform/) parse with the HCL grammar, loaded as the edges do.
before(() => loadHclParser());

describe('snippets', () => {
  it('are all contributed in package.json, with the language of their folder', () => {
    assert.ok(files.length > 0, 'no snippet files found');
    const declared = contributed.map((c) => ({ language: c.language, path: c.path.replace(/^(?!\.\/)/, './') }));
    for (const file of files) {
      assert.ok(
        declared.some((c) => c.path === file.path && c.language === file.language),
        `${file.path} is not in package.json contributes.snippets with language "${file.language}"`,
      );
    }
    for (const c of declared) assert.ok(files.some((f) => f.path === c.path), `package.json names ${c.path}, which does not exist`);
  });

  it('have unique prefixes, a description, and an expectation in this test', () => {
    const prefixes = snippets.map((s) => s.prefix);
    assert.deepEqual([...new Set(prefixes)].sort(), [...prefixes].sort(), 'duplicate prefixes');
    for (const s of snippets) {
      assert.match(s.prefix, /^berth-[a-z0-9-]+$/, `${s.name}: prefix`);
      assert.ok(s.description.length > 20, `${s.name}: description`);
      assert.ok(EXPECTED[s.prefix], `${s.prefix} (${s.path}) has no entry in EXPECTED`);
    }
    for (const prefix of Object.keys(EXPECTED)) assert.ok(prefixes.includes(prefix), `EXPECTED names ${prefix}, which no snippet has`);
  });

  for (const s of snippets) {
    const expected = EXPECTED[s.prefix];
    if (!expected) continue;
    describe(`${s.prefix} (${s.path})`, () => {
      const fileName = expected.file.split('/').pop()!;
      const variables = fileVariables(fileName);

      it('expands with its defaults to a clean file of the expected kind', () => {
        const text = expandSnippet(s.body, { variables });
        assert.ok(!/\$\{?\d/.test(text), `unexpanded tab stop left in:\n${text}`);
        const { kind, problems } = lintSnippet(text, expected.file, s.language);
        assert.equal(kind, expected.kind, `kind of ${s.prefix}`);
        assert.deepEqual(problems, [], `findings in ${s.prefix}:\n${text}`);
      });

      for (const [index, options] of choicesOf(s.body)) {
        for (const option of options.slice(1)) {
          it(`stays clean with choice $${index} = ${option}`, () => {
            const text = expandSnippet(s.body, { variables, choose: new Map([[index, option]]) });
            const { kind, problems } = lintSnippet(text, expected.file, s.language);
            assert.equal(kind, expected.kind);
            assert.deepEqual(problems, [], `findings in ${s.prefix} with $${index} = ${option}:\n${text}`);
          });
        }
      }
    });
  }
});
