/**
 * scripts/generate-schemas.mjs against a tiny synthetic botocore (no network, no real wheel):
 * the conversion rules, the relaxed update inputs, determinism, and the loud failure on old models.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const SCRIPT = resolve(__dirname, '../../../scripts/generate-schemas.mjs');
const work = mkdtempSync(join(tmpdir(), 'berth-gen-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

type Shapes = Record<string, Record<string, unknown>>;
interface Model {
  metadata: Record<string, string>;
  operations: Record<string, { input: { shape: string }; documentation?: string }>;
  shapes: Shapes;
}

const str = { type: 'string' };

function ecsModel(): Model {
  return {
    metadata: { apiVersion: '2014-11-13' },
    operations: {
      RegisterTaskDefinition: {
        input: { shape: 'RegisterTaskDefinitionRequest' },
        documentation: '<p>Registers a task definition.</p>',
      },
      CreateService: { input: { shape: 'CreateServiceRequest' } },
      UpdateService: { input: { shape: 'UpdateServiceRequest' } },
      CreateExpressGatewayService: { input: { shape: 'CreateExpressGatewayServiceRequest' } },
      UpdateExpressGatewayService: { input: { shape: 'UpdateExpressGatewayServiceRequest' } },
    },
    shapes: {
      String: { type: 'string', pattern: '[\\p{L}]+' },
      BoxedBoolean: { type: 'boolean', box: true },
      Boolean: { type: 'boolean' },
      Port: { type: 'integer', min: 0, max: 65535 },
      NetworkMode: { type: 'string', enum: ['bridge', 'host', 'awsvpc', 'none'] },
      RegisterTaskDefinitionRequest: {
        type: 'structure',
        required: ['family', 'containerDefinitions'],
        members: {
          family: {
            shape: 'String',
            documentation:
              '<p>The <code>family</code> name, see <a href="https://example.com/f">Families</a> &amp; more. Second sentence.</p> <ul> <li> <p>one</p> </li> <li>two</li> </ul>',
          },
          networkMode: { shape: 'NetworkMode', documentation: '<p>The network mode.</p>' },
          containerDefinitions: { shape: 'ContainerDefinitions' },
          runtimePlatform: { shape: 'KeyValuePair' },
          ephemeralStorage: { shape: 'KeyValuePair' },
          enableFaultInjection: { shape: 'BoxedBoolean' },
          options: { shape: 'StringMap' },
        },
      },
      ContainerDefinitions: { type: 'list', member: { shape: 'ContainerDefinition' }, min: 1, max: 10 },
      ContainerDefinition: {
        type: 'structure',
        members: {
          name: { shape: 'String' },
          image: { shape: 'String' },
          hostPort: { shape: 'Port', documentation: `<p>${'A long sentence about ports. '.repeat(80)}</p>` },
          environment: { shape: 'KeyValuePair' },
        },
      },
      KeyValuePair: { type: 'structure', members: { name: { shape: 'String' }, value: { shape: 'String' } } },
      StringMap: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
      CreateServiceRequest: {
        type: 'structure',
        required: ['serviceName'],
        members: { serviceName: { shape: 'String' }, cluster: { shape: 'String' }, enableExecuteCommand: { shape: 'Boolean' } },
      },
      UpdateServiceRequest: {
        type: 'structure',
        required: ['service'],
        members: {
          service: { shape: 'String' },
          cluster: { shape: 'String' },
          enableExecuteCommand: { shape: 'BoxedBoolean' },
          forceNewDeployment: { shape: 'Boolean' },
        },
      },
      CreateExpressGatewayServiceRequest: {
        type: 'structure',
        required: ['infrastructureRoleArn'],
        members: {
          infrastructureRoleArn: { shape: 'String' },
          primaryContainer: { shape: 'ExpressGatewayContainer' },
          taskDefinitionArn: { shape: 'String' },
          cpuArchitecture: { shape: 'String' },
        },
      },
      UpdateExpressGatewayServiceRequest: {
        type: 'structure',
        required: ['serviceArn'],
        members: { serviceArn: { shape: 'String' }, primaryContainer: { shape: 'ExpressGatewayContainer' } },
      },
      ExpressGatewayContainer: { type: 'structure', required: ['image'], members: { image: { shape: 'String' }, containerPort: { shape: 'Port' } } },
    },
  };
}

function batchModel(): Model {
  return {
    metadata: { apiVersion: '2016-08-10' },
    operations: { RegisterJobDefinition: { input: { shape: 'RegisterJobDefinitionRequest' } } },
    shapes: {
      String: str,
      JobDefinitionType: { type: 'string', enum: ['container', 'multinode'] },
      Props: { type: 'structure', members: { image: { shape: 'String' } } },
      RegisterJobDefinitionRequest: {
        type: 'structure',
        required: ['jobDefinitionName', 'type'],
        members: {
          jobDefinitionName: { shape: 'String' },
          type: { shape: 'JobDefinitionType' },
          containerProperties: { shape: 'Props' },
          ecsProperties: { shape: 'Props' },
          eksProperties: { shape: 'Props' },
        },
      },
    },
  };
}

function lambdaModel(): Model {
  return {
    metadata: { apiVersion: '2015-03-31' },
    operations: {
      CreateFunction: { input: { shape: 'CreateFunctionRequest' } },
      UpdateFunctionConfiguration: { input: { shape: 'UpdateFunctionConfigurationRequest' } },
    },
    shapes: {
      String: str,
      Runtime: { type: 'string', enum: ['python3.12', 'python3.13', 'nodejs22.x', 'java21'] },
      MemorySize: { type: 'integer', min: 128, max: 32768 },
      Timeout: { type: 'integer', min: 1, max: 5400 },
      Blob: { type: 'blob', sensitive: true },
      FunctionCode: { type: 'structure', members: { ZipFile: { shape: 'Blob' } } },
      Storage: { type: 'structure', required: ['Size'], members: { Size: { shape: 'MemorySize' } } },
      CreateFunctionRequest: {
        type: 'structure',
        required: ['FunctionName', 'Role', 'Code'],
        members: {
          FunctionName: { shape: 'String' },
          Runtime: { shape: 'Runtime' },
          Role: { shape: 'String' },
          Code: { shape: 'FunctionCode' },
          MemorySize: { shape: 'MemorySize' },
          Timeout: { shape: 'Timeout' },
          EphemeralStorage: { shape: 'Storage' },
        },
      },
      UpdateFunctionConfigurationRequest: {
        type: 'structure',
        required: ['FunctionName'],
        members: {
          FunctionName: { shape: 'String' },
          RevisionId: { shape: 'String' },
          MemorySize: { shape: 'MemorySize' },
        },
      },
    },
  };
}

function writeBotocore(name: string, edit?: (models: { ecs: Model; batch: Model; lambda: Model }) => void): string {
  const models = { ecs: ecsModel(), batch: batchModel(), lambda: lambdaModel() };
  edit?.(models);
  const root = join(work, name, 'botocore');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, '__init__.py'), "__version__ = '1.43.999'\n");
  for (const [service, model] of Object.entries(models)) {
    const dir = join(root, 'data', service, model.metadata['apiVersion']!);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'service-2.json.gz'), gzipSync(JSON.stringify(model)));
  }
  return root;
}

function run(botocore: string, out: string) {
  return spawnSync(process.execPath, [SCRIPT, botocore, '--out', out], { encoding: 'utf8' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads arbitrary generated JSON
function load(out: string, file: string): any {
  return JSON.parse(readFileSync(join(out, file), 'utf8'));
}

describe('generate-schemas.mjs', () => {
  const botocore = writeBotocore('good');
  const out = join(work, 'out');
  const result = run(botocore, out);

  it('succeeds and writes the five schemas', () => {
    assert.equal(result.status, 0, result.stderr);
    for (const file of [
      'ecs-task-definition.schema.json',
      'ecs-service.schema.json',
      'ecs-express-service.schema.json',
      'batch-job-definition.schema.json',
      'lambda-function.schema.json',
    ]) {
      const schema = load(out, file);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.match(schema.$comment, /botocore 1\.43\.999, botocore\/data\/\w+\/[\d-]+\/service-2\.json\.gz/);
      assert.match(schema.$comment, /Apache-2\.0/);
    }
  });

  it('converts structures, lists, maps, enums and numbers, without patterns', () => {
    const task = load(out, 'ecs-task-definition.schema.json');
    assert.equal(task.additionalProperties, false);
    assert.deepEqual(task.required, ['family', 'containerDefinitions']);
    assert.equal(task.properties.family.type, 'string');
    assert.equal(task.properties.family.pattern, undefined);
    assert.deepEqual(task.properties.networkMode.enum, ['bridge', 'host', 'awsvpc', 'none']);
    const list = task.properties.containerDefinitions;
    assert.deepEqual([list.type, list.minItems, list.maxItems], ['array', 1, 10]);
    assert.deepEqual(list.items.required, ['name', 'image'], 'ContainerDefinition name/image are required by the API');
    assert.deepEqual(
      [list.items.properties.hostPort.type, list.items.properties.hostPort.minimum, list.items.properties.hostPort.maximum],
      ['integer', 0, 65535],
    );
    assert.deepEqual(task.properties.options, { type: 'object', additionalProperties: { type: 'string' } });
    assert.equal(task.properties.enableFaultInjection.type, 'boolean');
    const lambda = load(out, 'lambda-function.schema.json');
    assert.equal(lambda.properties.Code.properties.ZipFile.type, 'string');
  });

  it('moves shapes used more than once into definitions', () => {
    const task = load(out, 'ecs-task-definition.schema.json');
    assert.deepEqual(Object.keys(task.definitions), ['KeyValuePair']);
    assert.equal(task.properties.runtimePlatform.$ref, '#/definitions/KeyValuePair');
    assert.equal(task.properties.containerDefinitions.items.properties.environment.$ref, '#/definitions/KeyValuePair');
    assert.equal(task.definitions.KeyValuePair.additionalProperties, false);
  });

  it('turns HTML docs into compact markdown and a one-sentence description', () => {
    const family = load(out, 'ecs-task-definition.schema.json').properties.family;
    assert.equal(
      family.markdownDescription,
      'The `family` name, see [Families](https://example.com/f) & more. Second sentence.\n\n- one\n- two',
    );
    assert.equal(family.description, 'The family name, see Families & more.');
  });

  it('cuts long docs at a sentence end', () => {
    const hostPort = load(out, 'ecs-task-definition.schema.json').properties.containerDefinitions.items.properties.hostPort;
    assert.ok(hostPort.markdownDescription.length <= 1500, String(hostPort.markdownDescription.length));
    assert.ok(hostPort.markdownDescription.length > 1400);
    assert.match(hostPort.markdownDescription, /ports\. …$/);
  });

  it('relaxes required and merges members for update inputs', () => {
    const service = load(out, 'ecs-service.schema.json');
    assert.equal(service.required, undefined);
    assert.deepEqual(Object.keys(service.properties), ['serviceName', 'cluster', 'enableExecuteCommand', 'service', 'forceNewDeployment']);
    assert.equal(service.properties.serviceName.description, 'CreateService only.');
    assert.equal(service.properties.service.description, 'UpdateService only.');
    assert.equal(service.properties.cluster.description, undefined);
    const lambda = load(out, 'lambda-function.schema.json');
    assert.deepEqual(lambda.required, ['FunctionName']);
    assert.ok(lambda.properties.RevisionId);
    assert.equal(lambda.properties.MemorySize.maximum, 32768);
    assert.equal(lambda.properties.Timeout.maximum, 5400);
  });

  it('is deterministic, and --check agrees with its own output', () => {
    const again = join(work, 'out-again');
    assert.equal(run(botocore, again).status, 0);
    for (const file of ['ecs-task-definition.schema.json', 'lambda-function.schema.json']) {
      assert.equal(readFileSync(join(again, file), 'utf8'), readFileSync(join(out, file), 'utf8'));
    }
    const check = spawnSync(process.execPath, [SCRIPT, botocore, '--out', out, '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('fails loudly on a model without enableFaultInjection', () => {
    const old = writeBotocore('old-ecs', (m) => {
      delete (m.ecs.shapes['RegisterTaskDefinitionRequest']!['members'] as Record<string, unknown>)['enableFaultInjection'];
    });
    const failed = run(old, join(work, 'out-old-ecs'));
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /RegisterTaskDefinition input has no member enableFaultInjection/);
  });

  it('fails loudly on a Lambda model without current runtimes', () => {
    const old = writeBotocore('old-lambda', (m) => {
      m.lambda.shapes['Runtime'] = { type: 'string', enum: ['python3.12', 'nodejs20.x'] };
    });
    const failed = run(old, join(work, 'out-old-lambda'));
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /Runtime enum lacks python3\.13; Runtime enum lacks nodejs22\.x; Runtime enum lacks java21/);
  });

  it('fails when the members of an update input disagree on a type', () => {
    const bad = writeBotocore('bad-merge', (m) => {
      (m.ecs.shapes['UpdateServiceRequest']!['members'] as Record<string, unknown>)['cluster'] = { shape: 'Port' };
    });
    const failed = run(bad, join(work, 'out-bad'));
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /cluster: CreateService and UpdateService disagree on its type/);
  });
});
