// npm run facts:check (run by npm test): compares Berth's hand-kept AWS fact tables with the AWS models that npm
// delivers (@aws-sdk/client-* for the APIs, @aws-cdk/aws-service-spec for CloudFormation). A value a model knows and
// a table does not fails, naming the table to update; so does a model version other than the one the tables were
// last checked against (facts/checkedAgainst.ts), so that bumping a package is never silent.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CHECKED_AGAINST, type ModelPackage } from '../server/src/core/facts/checkedAgainst';
import { CFN_COMPUTE_TYPES } from '../server/src/core/facts/cfnTypes';
import { ECS_COMPATIBILITIES, ECS_LAUNCH_TYPES } from '../server/src/core/facts/ecs';
import { BATCH_EC2_LIMITS, BATCH_PLATFORM_CAPABILITIES } from '../server/src/core/facts/batch';
import { FARGATE_SIZES, vcpuOf } from '../server/src/core/facts/fargate';
import { LAMBDA_COMPUTE_LIMITS } from '../server/src/core/facts/lambda';
import { RUNTIME_LIFECYCLE } from '../server/src/core/facts/lambdaRuntimes';

const requireModel = createRequire(__filename);

/** BERTH_FACTS_MODELS: a folder of stand-in packages (tests); the real ones otherwise. */
function packageDir(name: string): string {
  const standIn = process.env.BERTH_FACTS_MODELS && join(process.env.BERTH_FACTS_MODELS, name);
  if (standIn && existsSync(join(standIn, 'package.json'))) return standIn;
  return dirname(requireModel.resolve(`${name}/package.json`));
}

function load<T>(name: string): T {
  return requireModel(packageDir(name)) as T;
}

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The documentation text of an SDK client's model shapes (its .d.ts files carry AWS's documentation). */
function modelDocs(name: string): string {
  const dir = join(packageDir(name), 'dist-types', 'models');
  return ['models_0.d.ts', 'models_1.d.ts']
    .flatMap((f) => {
      try {
        return [readFileSync(join(dir, f), 'utf8')];
      } catch {
        return [];
      }
    })
    .join('\n');
}

const problems: string[] = [];
const FACTS = 'server/src/core/facts';

function missing(what: string, values: readonly string[], known: Iterable<string>, table: string, pkg: ModelPackage, how: string): void {
  const have = new Set(known);
  for (const v of values) {
    if (!have.has(v)) problems.push(`${what} ${v} is in ${pkg} ${versionOf(pkg)} but not in ${table}: ${how}`);
  }
}

// 1. Every fact table says which model version it was checked against; a different installed version fails.
for (const [pkg, version] of Object.entries(CHECKED_AGAINST) as [ModelPackage, string][]) {
  const installed = versionOf(pkg);
  if (installed !== version) {
    problems.push(
      `${pkg} is ${installed} in node_modules, but the fact tables were checked against ${version}: run npm run facts:check, ` +
        `review what it lists, then set ${pkg} to ${installed} in ${FACTS}/checkedAgainst.ts (and the "checked" notes of the tables you re-checked).`,
    );
  }
}

// 2. Lambda runtimes.
const lambda = load<{ Runtime: Record<string, string> }>('@aws-sdk/client-lambda');
missing('Lambda runtime', Object.values(lambda.Runtime), RUNTIME_LIFECYCLE.map((r) => r.runtime), `RUNTIME_LIFECYCLE (${FACTS}/lambdaRuntimes.ts)`, '@aws-sdk/client-lambda',
  'add it with its deprecation, create-block and update-block dates from https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (none when AWS has announced none).');

// 3. Lambda timeout maximum, as the model documents it.
const timeoutDoc = /maximum allowed value is ([\d,]+) seconds/.exec(modelDocs('@aws-sdk/client-lambda'));
if (!timeoutDoc) problems.push(`@aws-sdk/client-lambda: the CreateFunction Timeout documentation no longer states "the maximum allowed value is N seconds"; re-check LAMBDA_COMPUTE_LIMITS (${FACTS}/lambda.ts) by hand.`);
else if (Number(timeoutDoc[1]!.replace(/,/g, '')) !== LAMBDA_COMPUTE_LIMITS.default.timeout.max) {
  problems.push(`Lambda Timeout maximum: @aws-sdk/client-lambda ${versionOf('@aws-sdk/client-lambda')} documents ${timeoutDoc[1]} seconds, LAMBDA_COMPUTE_LIMITS.default.timeout.max (${FACTS}/lambda.ts) says ${LAMBDA_COMPUTE_LIMITS.default.timeout.max}.`);
}

// 4. ECS compatibilities and launch types.
const ecs = load<{ Compatibility: Record<string, string>; LaunchType: Record<string, string> }>('@aws-sdk/client-ecs');
missing('ECS compatibility', Object.values(ecs.Compatibility), ECS_COMPATIBILITIES, `ECS_COMPATIBILITIES (${FACTS}/ecs.ts)`, '@aws-sdk/client-ecs',
  'add it, and decide which ECS rules judge it (each rule that reads requiresCompatibilities).');
missing('ECS launch type', Object.values(ecs.LaunchType), ECS_LAUNCH_TYPES, `ECS_LAUNCH_TYPES (${FACTS}/ecs.ts)`, '@aws-sdk/client-ecs',
  'add it, and decide which ECS service rules judge it (launchType, capacity providers).');

// 5. Batch platform capabilities, and the Fargate sizes Batch documents.
const batch = load<{ PlatformCapability: Record<string, string> }>('@aws-sdk/client-batch');
missing('Batch platform capability', Object.values(batch.PlatformCapability), BATCH_PLATFORM_CAPABILITIES, `BATCH_PLATFORM_CAPABILITIES (${FACTS}/batch.ts)`, '@aws-sdk/client-batch',
  'add it, and decide which Batch rules judge it (each rule that reads platformCapabilities).');
const batchDocs = modelDocs('@aws-sdk/client-batch');
const vcpuSection = batchDocs.slice(batchDocs.indexOf('<dt>type="VCPU"</dt>'));
const documented = [...vcpuSection.matchAll(/<dt>value = ([\d.]+)<\/dt>\s*\*\s*<dd>\s*\*\s*<p>\s*\*\s*<code>MEMORY<\/code> = ([\d,\s*or]+)<\/p>/g)].map((m) => ({
  vcpu: Number(m[1]),
  memory: m[2]!.replace(/\*/g, ' ').split(/,|\bor\b/).map((x) => Number(x.trim())).filter((x) => x > 0),
}));
if (documented.length === 0) problems.push(`@aws-sdk/client-batch: the ResourceRequirement VCPU documentation no longer lists Fargate sizes in the form Berth reads; re-check FARGATE_SIZES (${FACTS}/fargate.ts) by hand.`);
for (const d of documented) {
  const size = FARGATE_SIZES.find((s) => vcpuOf(s.cpu) === d.vcpu);
  if (!size) problems.push(`Fargate ${d.vcpu} vCPU is documented by @aws-sdk/client-batch ${versionOf('@aws-sdk/client-batch')} but not in FARGATE_SIZES (${FACTS}/fargate.ts): add it with its memory sizes, and check the ECS task-size table (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size).`);
  else if (size.memory.join() !== d.memory.join()) problems.push(`Fargate ${d.vcpu} vCPU: @aws-sdk/client-batch documents MEMORY ${d.memory.join(', ')}; FARGATE_SIZES (${FACTS}/fargate.ts) has ${size.memory.join(', ')}.`);
}
for (const s of FARGATE_SIZES) {
  if (documented.length && !documented.some((d) => d.vcpu === vcpuOf(s.cpu))) problems.push(`FARGATE_SIZES (${FACTS}/fargate.ts) has ${vcpuOf(s.cpu)} vCPU, which @aws-sdk/client-batch no longer documents: check whether Fargate still offers it.`);
}
// The EC2 minimums of a job's resource requirements, as the model's ResourceRequirement documentation states them.
const memoryMinDoc = /at least (\d+) MiB of memory for a job/.exec(batchDocs);
if (!memoryMinDoc || !/at least one vCPU/.test(batchDocs)) {
  problems.push(`@aws-sdk/client-batch: the ResourceRequirement documentation no longer states "at least one vCPU" and "at least N MiB of memory for a job"; re-check BATCH_EC2_LIMITS (${FACTS}/batch.ts) by hand.`);
} else if (Number(memoryMinDoc[1]) !== BATCH_EC2_LIMITS.memoryMinMiB || BATCH_EC2_LIMITS.vcpuMin !== 1) {
  problems.push(`Batch minimums: @aws-sdk/client-batch ${versionOf('@aws-sdk/client-batch')} documents at least one vCPU and ${memoryMinDoc[1]} MiB; BATCH_EC2_LIMITS (${FACTS}/batch.ts) says ${BATCH_EC2_LIMITS.vcpuMin} and ${BATCH_EC2_LIMITS.memoryMinMiB}.`);
}

// 6. CloudFormation resource types of the services Berth checks.
const spec = JSON.parse(gunzipSync(readFileSync(join(packageDir('@aws-cdk/aws-service-spec'), 'db.json.gz'))).toString('utf8')) as {
  schema: { resource: { entities: readonly { cloudFormationType: string }[] } };
};
const cfnTypes = spec.schema.resource.entities.map((r) => r.cloudFormationType);
const prefixes = [...new Set(Object.keys(CFN_COMPUTE_TYPES).map((t) => t.split('::').slice(0, 2).join('::') + '::'))];
missing('CloudFormation type', cfnTypes.filter((t) => prefixes.some((p) => t.startsWith(p))).sort(), Object.keys(CFN_COMPUTE_TYPES), `CFN_COMPUTE_TYPES (${FACTS}/cfnTypes.ts)`, '@aws-cdk/aws-service-spec',
  'add it: "schema" to generate its schema (add it to COVERED_TYPES in scripts/generate-cfn-schemas.mjs and regenerate, schemas/cfn/README.md), or "not-checked" with the reason.');

const generated = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'cfn', 'resources.json'), 'utf8')) as { types: Record<string, unknown> };
for (const [type, coverage] of Object.entries(CFN_COMPUTE_TYPES)) {
  if (coverage !== 'not-checked' && !generated.types[type]) {
    problems.push(`${type} is "${coverage}" in CFN_COMPUTE_TYPES (${FACTS}/cfnTypes.ts) but has no schema in schemas/cfn/resources.json: add it to COVERED_TYPES in scripts/generate-cfn-schemas.mjs and regenerate (schemas/cfn/README.md).`);
  }
}

if (problems.length) {
  console.error(`facts:check: ${problems.length} difference(s) between Berth's fact tables and the AWS models on npm:\n`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(`facts:check: ${documented.length} Fargate sizes, ${Object.values(lambda.Runtime).length} Lambda runtimes, ${cfnTypes.length} CloudFormation types read; the fact tables agree with ${Object.entries(CHECKED_AGAINST).map(([p, v]) => `${p} ${v}`).join(', ')}.`);
