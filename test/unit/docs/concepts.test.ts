import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import {
  allConcepts,
  conceptMarkdown,
  getConcept,
  parseConcept,
  type Concept,
} from '../../../server/src/core/docs/concepts';

const docsDir = resolve(__dirname, '../../../server/src/core/docs');
const conceptsDir = join(docsDir, 'concepts');
const files = readdirSync(conceptsDir)
  .filter((f) => f.endsWith('.md'))
  .sort();

/** Ids that rule packs and hovers reference; each must keep existing. */
const REQUIRED_IDS = [
  'containers-vs-vms',
  'images-and-ecr',
  'ecs-eks-fargate',
  'ecs-launch-types',
  'task-definition-task-service',
  'network-modes',
  'dynamic-port-mapping',
  'target-types',
  'task-role-vs-execution-role',
  'fargate-task-size',
  'fargate-platform-versions',
  'ephemeral-storage',
  'container-health-checks',
  'stop-signals',
  'essential-containers',
  'secrets-management',
  'awslogs',
  'deployment-circuit-breaker',
  'describe-vs-register',
  'image-tags-and-digests',
  'lambda',
  'lambda-runtimes',
  'lambda-container-images',
  'lambda-vs-batch',
  'aws-batch',
  'api-gateway-lambda',
  'serverless',
  's3-cloudfront-oac',
  's3-website-vs-rest-endpoints',
  'elb-types-and-listeners',
  'placement-groups',
  'service-discovery',
  'cpu-architecture',
  'sqs-lambda-visibility-timeout',
  'dockerfile-best-practices',
  'cloudformation-intrinsics',
  'json-config-files',
];

const SECTIONS = ['## What it means for your config', '## Example', '## Common mistakes'];

function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
    .filter((s) => s !== '');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** Splits a body into its `## ` sections (heading -> text). */
function sections(body: string): { heading: string; text: string }[] {
  const out: { heading: string; text: string }[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence && line.startsWith('## ')) {
      out.push({ heading: line.trimEnd(), text: '' });
    } else if (out.length > 0) {
      out[out.length - 1].text += line + '\n';
    }
  }
  return out;
}

describe('concept registry', () => {
  it('has at least 27 concepts, including every id the rule packs use', () => {
    const ids = allConcepts().map((c) => c.id);
    assert.ok(ids.length >= 27, `only ${ids.length} concepts`);
    for (const id of REQUIRED_IDS) {
      assert.ok(getConcept(id), `missing concept ${id}`);
    }
  });

  it('registers every .md file in the folder, and nothing else', () => {
    const fileIds = files.map((f) => f.slice(0, -'.md'.length)).sort();
    const registered = allConcepts()
      .map((c) => c.id)
      .sort();
    assert.deepEqual(registered, fileIds);
  });

  it('serves each id from the file of the same name', () => {
    for (const file of files) {
      const fromFile = parseConcept(readFileSync(join(conceptsDir, file), 'utf8'));
      assert.equal(fromFile.id, file.slice(0, -'.md'.length), `${file}: id differs from the file name`);
      assert.deepEqual(getConcept(fromFile.id), fromFile, `${file}: registered import points elsewhere`);
    }
  });

  it('sorts allConcepts by topic, then title', () => {
    const list = allConcepts();
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      const order = a.topic.localeCompare(b.topic, 'en') || a.title.localeCompare(b.title, 'en');
      assert.ok(order <= 0, `${a.id} (${a.topic}) sorts after ${b.id} (${b.topic})`);
    }
  });

  it('returns undefined for unknown ids', () => {
    assert.equal(getConcept('no-such-concept'), undefined);
    assert.equal(conceptMarkdown('no-such-concept'), undefined);
  });

  it('does no I/O of its own', () => {
    const source = readFileSync(join(docsDir, 'concepts.ts'), 'utf8');
    assert.doesNotMatch(source, /from ['"](node:)?(fs|path|url|child_process)['"]/);
    assert.doesNotMatch(source, /readdir|readFile|require\(/);
  });
});

describe('concept articles', () => {
  const concepts: Concept[] = allConcepts();
  const ids = new Set(concepts.map((c) => c.id));

  for (const c of concepts) {
    describe(c.id, () => {
      it('has a kebab-case id and non-empty front matter fields', () => {
        assert.match(c.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        for (const field of ['title', 'topic', 'summary', 'awsDocs'] as const) {
          assert.ok(c[field].trim().length > 0, `${field} is empty`);
        }
      });

      it('has a plain two-sentence summary', () => {
        assert.equal(sentences(c.summary).length, 2, `summary: ${c.summary}`);
        assert.match(c.summary, /[.!?]$/);
        // Intraword underscores (x86_64) are not emphasis, so only word-edge underscores count.
        assert.doesNotMatch(c.summary, /[`*#<>|]|\[|\]|\(http|(^|\W)_|_(\W|$)/, 'summary contains markdown');
        assert.doesNotMatch(c.summary, /\b(e\.g|i\.e|etc|vs)\./, 'abbreviation would break sentence counting');
      });

      it('links to AWS documentation over https', () => {
        assert.match(c.awsDocs, /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/\S+$/);
      });

      it('relates only to other existing concepts', () => {
        assert.ok(c.related.length > 0, 'no related concepts');
        assert.equal(new Set(c.related).size, c.related.length, 'duplicate related ids');
        for (const r of c.related) {
          assert.notEqual(r, c.id, 'relates to itself');
          assert.ok(ids.has(r), `unknown related concept ${r}`);
        }
      });

      it('has the three sections in order', () => {
        assert.deepEqual(
          sections(c.body).map((s) => s.heading),
          SECTIONS,
        );
        assert.ok(c.body.startsWith(SECTIONS[0]), 'text before the first section');
      });

      it('is 150 to 400 words long', () => {
        const words = wordCount(c.body);
        assert.ok(words >= 150 && words <= 400, `${words} words`);
      });

      it('has exactly one fenced example, in the Example section, that parses', () => {
        const fences = c.body.split('\n').filter((l) => l.startsWith('```'));
        assert.equal(fences.length, 2, 'expected one fenced block');
        const example = sections(c.body)[1].text;
        const m = /```(json|yaml|dockerfile)\n([\s\S]*?)\n```/.exec(example);
        assert.ok(m, 'Example section has no json/yaml/dockerfile block');
        const [, lang, code] = m;
        if (lang === 'json') {
          assert.doesNotThrow(() => JSON.parse(code), 'example is not valid JSON');
        } else if (lang === 'yaml') {
          const doc = parseDocument(code, {
            customTags: ['Ref', 'GetAtt', 'Sub', 'If', 'Join', 'Select', 'Base64'].map((t) => ({
              tag: `!${t}`,
              resolve: (v: unknown) => v,
            })),
          });
          assert.deepEqual(
            doc.errors.map((e) => e.message),
            [],
            'example is not valid YAML',
          );
        } else {
          assert.match(code, /^FROM \S+/m, 'Dockerfile example has no FROM');
        }
      });

      it('lists common mistakes as bullets', () => {
        const mistakes = sections(c.body)[2].text;
        assert.ok(/^- \S/m.test(mistakes), 'no bullet points');
        assert.ok(
          mistakes.split('\n').every((l) => l.trim() === '' || l.startsWith('- ') || l.startsWith('  ')),
          'Common mistakes should only contain bullet points',
        );
      });

      it('renders as a titled article with a documentation link', () => {
        const md = conceptMarkdown(c.id)!;
        assert.ok(md.startsWith(`# ${c.title}\n\n${SECTIONS[0]}`));
        assert.ok(md.includes(c.body.trimEnd()));
        assert.ok(md.endsWith(`\n\n[AWS documentation](${c.awsDocs})\n`));
        assert.doesNotMatch(md, /^---$/m, 'front matter leaked into the article');
      });
    });
  }
});

describe('parseConcept', () => {
  const article = [
    '---',
    'id: sample',
    'title: A sample: with a colon',
    'topic: Testing',
    'summary: First sentence. Second sentence.',
    'awsDocs: https://docs.aws.amazon.com/example.html',
    'related: []',
    '---',
    '## What it means for your config',
    'Text.',
    '',
  ].join('\r\n');

  it('splits front matter from the body and tolerates CRLF', () => {
    const c = parseConcept(article);
    assert.equal(c.id, 'sample');
    assert.equal(c.title, 'A sample: with a colon');
    assert.deepEqual(c.related, []);
    assert.equal(c.body, '## What it means for your config\nText.\n');
  });

  it('reads a related list', () => {
    const c = parseConcept(article.replace('related: []', 'related: [a, b-c ,d]'));
    assert.deepEqual(c.related, ['a', 'b-c', 'd']);
  });

  it('rejects a missing field, a missing block, and a related value that is not a list', () => {
    assert.throws(() => parseConcept(article.replace('topic: Testing\r\n', '')), /topic/);
    assert.throws(() => parseConcept('## No front matter\n'), /front matter/);
    assert.throws(() => parseConcept(article.replace('related: []', 'related: a, b')), /related/);
  });
});
