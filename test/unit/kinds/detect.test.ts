import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { prepare } from '../../../server/src/core/analyze';
import { candidateKinds, DOCUMENT_KINDS, formatOf, isDockerfileName } from '../../../server/src/core/kinds/detect';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

/**
 * Every file under test/fixtures/kinds/<kind>/ must be detected as <kind>; files under none/ get no kind.
 * The folder is the expectation, so adding a fixture adds a test.
 */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'kinds');

interface Fixture {
  readonly expected: string;
  /** Path relative to the fixtures folder, with forward slashes: `none/package.json`. */
  readonly relativePath: string;
  readonly text: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const fixtures: Fixture[] = listFiles(FIXTURES)
  .map((file) => {
    const relativePath = relative(FIXTURES, file).split(sep).join('/');
    return { expected: relativePath.split('/')[0]!, relativePath, text: readFileSync(file, 'utf8') };
  })
  .sort((a, b) => a.relativePath.localeCompare(b.relativePath));

/**
 * `none` files whose text does contain a kind's marker key, so they are parsed and then rejected on the tree.
 * Every other `none` file must be rejected by the text prefilter alone (never parsed).
 */
const PARSED_THEN_REJECTED = new Set([
  'none/ack-taskdefinition.yaml', // containerDefinitions, but under spec: (a Kubernetes object)
  'none/appspec.yaml', // Resources + AWS::ECS::Service, but Resources is a list (CodeDeploy AppSpec)
  'none/event-source-mapping.json', // FunctionName, but no function configuration
  'none/image-list.json', // an array of objects with "image", but no container names
  'none/run-task.json', // taskDefinition + cluster, but no service
  'none/serverless-google.yml', // service + provider, but provider google
  'none/state-machine.asl.json', // FunctionName inside a state's Parameters
  'none/taskdef.schema.json', // containerDefinitions as a schema property
  'none/values.yaml', // service: and provider: { name: aws } in Helm values
]);

const uriOf = (f: Fixture): string => `file:///fixtures/${f.relativePath}`;

describe('kind detection fixtures', () => {
  it('has at least 45 fixtures, covering every kind and none', () => {
    assert.ok(fixtures.length >= 45, `only ${fixtures.length} fixtures`);
    const folders = new Set(fixtures.map((f) => f.expected));
    for (const kind of [...DOCUMENT_KINDS, 'none']) assert.ok(folders.has(kind), `no fixture for ${kind}`);
    for (const folder of folders) assert.ok(folder === 'none' || (DOCUMENT_KINDS as readonly string[]).includes(folder), `unknown kind folder ${folder}`);
  });

  for (const fixture of fixtures) {
    const expected = fixture.expected === 'none' ? undefined : fixture.expected;
    it(`${fixture.relativePath} → ${expected ?? 'no kind'}`, () => {
      const doc = prepare({ uri: uriOf(fixture), text: fixture.text });
      assert.equal(doc.kind, expected);
      if (expected === undefined) {
        assert.equal(doc.tree, undefined);
        assert.equal(doc.model, undefined);
        assert.deepEqual(doc.problems, []);
      } else {
        // A detected file parses cleanly (the fixtures are valid) and gets a model.
        assert.deepEqual(
          doc.problems.map((p) => p.code),
          [],
        );
        assert.ok(doc.model, 'a detected document has a model');
        if (expected !== 'dockerfile') assert.ok(doc.tree?.root, 'a detected JSON/YAML document keeps its tree');
      }
    });
  }

  describe('the cheap prefilter', () => {
    for (const fixture of fixtures.filter((f) => f.expected === 'none' && !PARSED_THEN_REJECTED.has(f.relativePath))) {
      it(`rejects ${fixture.relativePath} without parsing`, () => {
        assert.deepEqual(candidateKinds(fixture.text), []);
        assert.equal(prepare({ uri: uriOf(fixture), text: fixture.text }).tree, undefined);
      });
    }

    it('lets each file that is parsed and then rejected through (the list above stays honest)', () => {
      for (const path of PARSED_THEN_REJECTED) {
        const fixture = fixtures.find((f) => f.relativePath === path);
        assert.ok(fixture, `missing fixture ${path}`);
        assert.notDeepEqual(candidateKinds(fixture.text), [], `${path} no longer passes the prefilter; drop it from the list`);
      }
    });

    // Dockerfiles and Terraform files are known by their names; the prefilter is for JSON and YAML content.
    for (const fixture of fixtures.filter((f) => f.expected !== 'none' && f.expected !== 'dockerfile' && f.expected !== 'terraform')) {
      it(`keeps ${fixture.relativePath} as a ${fixture.expected} candidate`, () => {
        assert.ok((candidateKinds(fixture.text) as string[]).includes(fixture.expected));
      });
    }
  });
});

describe('content decides, the file name does not', () => {
  const taskDef = readFileSync(join(FIXTURES, 'ecs-task-definition', 'foo.json'), 'utf8');
  const packageJson = readFileSync(join(FIXTURES, 'none', 'package.json'), 'utf8');

  it('a task definition is detected under any .json name', () => {
    for (const name of ['foo.json', 'task-definition.json', 'package.json', 'x/y/z.JSON']) {
      assert.equal(prepare({ uri: `file:///w/${name}`, text: taskDef }).kind, 'ecs-task-definition', name);
    }
  });

  it('a name that sounds like a task definition does not make one', () => {
    assert.equal(prepare({ uri: 'file:///w/task-definition.json', text: packageJson }).kind, undefined);
  });

  it('the editor language id overrides the extension', () => {
    assert.equal(prepare({ uri: 'untitled:Untitled-1', text: taskDef, languageId: 'json' }).kind, 'ecs-task-definition');
    assert.equal(prepare({ uri: 'untitled:Untitled-1', text: taskDef }).kind, undefined);
  });

  it('serverless config without a provider name counts only under the serverless.* name', () => {
    const text = 'service: orders\nprovider:\n  runtime: nodejs20.x\n';
    assert.equal(prepare({ uri: 'file:///w/serverless.yml', text }).kind, 'serverless-framework');
    assert.equal(prepare({ uri: 'file:///w/other.yml', text }).kind, undefined);
  });

  it('an update-service input without serviceName but with service is a service; run-task is not', () => {
    assert.equal(prepare({ uri: 'file:///w/a.json', text: '{"service": "web", "taskDefinition": "web:2"}' }).kind, 'ecs-service');
    assert.equal(prepare({ uri: 'file:///w/a.json', text: '{"cluster": "c", "taskDefinition": "web:2", "count": 2}' }).kind, undefined);
  });

  it('create- and update-express-gateway-service input are an Express service, by their distinctive keys', () => {
    const kind = (text: string) => prepare({ uri: 'file:///w/a.json', text }).kind;
    assert.equal(kind('{"infrastructureRoleArn": "arn:aws:iam::1:role/infra", "primaryContainer": {"image": "nginx:1.27"}}'), 'ecs-express-service');
    assert.equal(kind('{"infrastructureRoleArn": "arn:aws:iam::1:role/infra", "taskDefinitionArn": "arn:aws:ecs:us-east-1:1:task-definition/a:1"}'), 'ecs-express-service');
    assert.equal(kind('{"serviceArn": "arn:aws:ecs:us-east-1:1:service/c/api", "primaryContainer": {"image": "nginx:1.28"}}'), 'ecs-express-service');
    // Wrong types keep the kind (the schema rule then reports them).
    assert.equal(kind('{"infrastructureRoleArn": 42, "primaryContainer": "nginx"}'), 'ecs-express-service');
    // Alone, or beside a task definition's keys, the role is not enough.
    assert.equal(kind('{"infrastructureRoleArn": "arn:aws:iam::1:role/infra"}'), undefined);
    assert.equal(kind('{"family": "a", "infrastructureRoleArn": "x", "cpu": "256", "containerDefinitions": []}'), 'ecs-task-definition');
  });
});

describe('formatOf and Dockerfile names', () => {
  const cases: [string, string | undefined][] = [
    ['file:///a/Dockerfile', 'dockerfile'],
    ['file:///a/Dockerfile.dev', 'dockerfile'],
    ['file:///a/dockerfile', 'dockerfile'],
    ['file:///a/api.Dockerfile', 'dockerfile'],
    ['file:///a/Containerfile', 'dockerfile'],
    ['file:///a/Containerfile.prod', 'dockerfile'],
    ['file:///a/task.json', 'json'],
    ['file:///a/.eslintrc.jsonc', 'json'],
    ['file:///a/template.yaml', 'yaml'],
    ['file:///a/serverless.YML', 'yaml'],
    ['file:///a/my%20stack.yml', 'yaml'],
    ['file:///a/stack.template', 'yaml'],
    ['file:///a/stack.template.json', 'json'],
    ['file:///a/README.md', undefined],
    ['file:///a/Dockerfiles/readme.txt', undefined],
    ['file:///a/notDockerfile.txt', undefined],
    ['file:///a/main.tf', 'hcl'],
    ['file:///a/main.tofu', 'hcl'],
    ['file:///a/prod.tfvars', 'hcl'],
    ['file:///a/main.tofu.json', 'json'],
    ['file:///a/tofu.txt', undefined],
  ];
  for (const [uri, format] of cases) {
    it(`${uri} → ${format ?? 'not analysed'}`, () => assert.equal(formatOf(uri), format));
  }

  it('Terraform language ids: HashiCorp\'s and OpenTofu\'s extensions, whatever the file name; hcl only for Terraform names', () => {
    for (const id of ['terraform', 'terraform-vars', 'opentofu', 'opentofu-vars']) assert.equal(formatOf('untitled:Untitled-1', id), 'hcl', id);
    assert.equal(formatOf('file:///a/main.tofu', 'hcl'), 'hcl');
    assert.equal(formatOf('file:///a/packer.pkr.hcl', 'hcl'), undefined);
    assert.equal(prepare({ uri: 'file:///a/main.tofu.json', text: '{"resource": {}}' }).kind, 'terraform');
  });

  it('a CloudFormation .template file is JSON or YAML by its content', () => {
    assert.equal(formatOf('file:///a/stack.template', undefined, '  {"Resources": {}}'), 'json');
    assert.equal(formatOf('file:///a/stack.template', undefined, '\uFEFF{}'), 'json');
    assert.equal(formatOf('file:///a/stack.template', undefined, 'Resources: {}\n'), 'yaml');
    const json = prepare({ uri: 'file:///a/stack.template', text: '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": { "Q": { "Type": "AWS::SQS::Queue" } } }' });
    assert.deepEqual([json.format, json.kind], ['json', 'cloudformation']);
    const yaml = prepare({ uri: 'file:///a/queue.template', text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' });
    assert.deepEqual([yaml.format, yaml.kind], ['yaml', 'cloudformation']);
    assert.equal(prepare({ uri: 'file:///a/mail.template', text: 'Hello {{name}}\n' }).kind, undefined);
  });

  it('isDockerfileName matches on the base name only', () => {
    assert.equal(isDockerfileName('Dockerfile'), true);
    assert.equal(isDockerfileName('Dockerfile.windows'), true);
    assert.equal(isDockerfileName('web.containerfile'), true);
    assert.equal(isDockerfileName('Dockerfile-old'), false);
    assert.equal(isDockerfileName('docker-compose.yml'), false);
  });
});
