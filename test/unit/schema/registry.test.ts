import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getValidator, propertyDocAt, schemaFor, type JsonSchema } from '../../../server/src/core/schema/registry';
import { SCHEMA_KINDS } from '../../../server/src/core/schema/kinds';
import { didYouMean, editDistance } from '../../../server/src/core/schema/didYouMean';

/** Every sub-schema of a schema, with its JSON path. */
function* subSchemas(schema: JsonSchema, at = '#'): Generator<[string, JsonSchema]> {
  yield [at, schema];
  for (const [name, child] of Object.entries(schema.properties ?? {})) yield* subSchemas(child, `${at}/properties/${name}`);
  for (const [name, child] of Object.entries(schema.definitions ?? {})) yield* subSchemas(child, `${at}/definitions/${name}`);
  if (schema.items) yield* subSchemas(schema.items, `${at}/items`);
  if (typeof schema.additionalProperties === 'object') {
    yield* subSchemas(schema.additionalProperties, `${at}/additionalProperties`);
  }
}

describe('schema registry', () => {
  it('lists the five kinds', () => {
    assert.deepEqual([...SCHEMA_KINDS], ['ecs-task-definition', 'ecs-service', 'ecs-express-service', 'batch-job-definition', 'lambda-function']);
  });

  it('compiles each validator once and caches it', () => {
    for (const kind of SCHEMA_KINDS) assert.equal(getValidator(kind), getValidator(kind));
  });

  it('names the source and licence at the top of every schema', () => {
    for (const kind of SCHEMA_KINDS) {
      const comment = schemaFor(kind).$comment ?? '';
      assert.match(comment, /botocore 1\.43\.\d+/, kind);
      assert.match(comment, /service-2\.json/, kind);
      assert.match(comment, /Apache-2\.0/, kind);
    }
  });

  it('emits no botocore patterns, closes every object, and keeps docs short and free of HTML', () => {
    for (const kind of SCHEMA_KINDS) {
      const schema = schemaFor(kind);
      assert.ok(!JSON.stringify(schema).includes('"pattern"'), `${kind} has a pattern`);
      for (const [at, sub] of subSchemas(schema)) {
        if (sub.properties) assert.equal(sub.additionalProperties, false, `${kind} ${at}`);
        const md = sub.markdownDescription ?? '';
        assert.ok(md.length <= 1600, `${kind} ${at} doc is ${md.length} chars`);
        assert.doesNotMatch(md, /<\/?(p|code|a|ul|li|i|b|note)\b[^>]*>/, `${kind} ${at}`);
        if (sub.description) assert.doesNotMatch(sub.description, /\n/, `${kind} ${at}`);
      }
    }
  });

  it('uses a botocore recent enough for the task definition and Lambda runtimes', () => {
    const task = schemaFor('ecs-task-definition');
    for (const key of ['runtimePlatform', 'ephemeralStorage', 'enableFaultInjection']) assert.ok(task.properties?.[key], key);
    assert.equal(task.properties?.['cpu']?.type, 'string');
    assert.equal(task.properties?.['memory']?.type, 'string');
    assert.deepEqual(task.required, ['family', 'containerDefinitions']);
  });

  it('relaxes the service and Lambda schemas so update inputs validate', () => {
    const service = schemaFor('ecs-service');
    assert.equal(service.required, undefined);
    for (const key of ['serviceName', 'service', 'forceNewDeployment']) assert.ok(service.properties?.[key], key);
    assert.match(service.properties?.['forceNewDeployment']?.markdownDescription ?? '', /UpdateService only/);

    const lambda = schemaFor('lambda-function');
    assert.deepEqual(lambda.required, ['FunctionName']);
    assert.ok(lambda.properties?.['RevisionId']);
    assert.ok(lambda.properties?.['Code']);
    // The model's bounds (Lambda Managed Instances), not the documented 10,240 MB / 900 s defaults.
    assert.equal(lambda.properties?.['MemorySize']?.maximum, 32768);
    assert.equal(lambda.properties?.['MemorySize']?.minimum, 128);
    assert.equal(lambda.properties?.['Timeout']?.maximum, 5400);
  });
});

describe('propertyDocAt', () => {
  it('documents hostPort from the AWS model', () => {
    const doc = propertyDocAt('ecs-task-definition', ['containerDefinitions', 0, 'portMappings', 0, 'hostPort']);
    assert.ok(doc);
    assert.equal(doc.description, 'The port number on the container instance to reserve for your container.');
    assert.match(doc.markdownDescription, /dynamic mapping strategy/);
    assert.match(doc.markdownDescription, /`containerPort`/);
    assert.equal(doc.enum, undefined);
  });

  it('gives the Lambda Runtime enum, including current runtimes', () => {
    const doc = propertyDocAt('lambda-function', ['Runtime']);
    assert.ok(doc?.description);
    for (const runtime of ['python3.13', 'nodejs22.x', 'java21']) assert.ok(doc.enum?.includes(runtime), runtime);
  });

  it('gives bounds and resolves $ref definitions', () => {
    assert.deepEqual(
      [propertyDocAt('lambda-function', ['MemorySize'])?.minimum, propertyDocAt('lambda-function', ['MemorySize'])?.maximum],
      [128, 32768],
    );
    const valueFrom = propertyDocAt('ecs-task-definition', ['containerDefinitions', 0, 'secrets', 0, 'valueFrom']);
    assert.match(valueFrom?.description ?? '', /secret/i);
    const secret = propertyDocAt('ecs-task-definition', ['containerDefinitions', 0, 'secrets', 0]);
    assert.ok(secret?.markdownDescription, 'an array item falls back to the definition docs');
    const network = propertyDocAt('ecs-task-definition', ['networkMode']);
    assert.deepEqual(network?.enum, ['bridge', 'host', 'awsvpc', 'none']);
  });

  it('follows map values and returns undefined off the schema', () => {
    assert.ok(propertyDocAt('lambda-function', ['Environment', 'Variables', 'STAGE']));
    assert.equal(propertyDocAt('ecs-task-definition', ['containerDefinitions', 0, 'nope']), undefined);
    assert.equal(propertyDocAt('ecs-task-definition', ['family', 'x']), undefined);
  });
});

describe('didYouMean', () => {
  it('counts a transposition as one edit', () => {
    assert.equal(editDistance('contianerPort', 'containerPort'), 1);
    assert.equal(editDistance('bridg', 'bridge'), 1);
    assert.equal(editDistance('abc', 'xyz'), 3);
  });

  it('suggests close and case-only matches, not far or tiny ones', () => {
    assert.equal(didYouMean('NETWORKMODE', ['family', 'networkMode']), 'networkMode');
    assert.equal(didYouMean('familly', ['family', 'networkMode']), 'family');
    assert.equal(didYouMean('ab', ['cpu', 'ab']), undefined);
    assert.equal(didYouMean('x', ['y']), undefined);
    assert.equal(didYouMean('overlay', ['bridge', 'host', 'awsvpc', 'none']), undefined);
  });
});
