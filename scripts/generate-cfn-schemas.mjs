#!/usr/bin/env node
/**
 * Generates schemas/cfn/resources.json: the CloudFormation resource types Berth covers (properties with type,
 * required flag, allowed values and documentation; GetAtt attributes), from the @aws-cdk/aws-service-spec
 * database (Apache-2.0). The package is not a dependency; install it anywhere and pass its folder:
 *
 *   npm install --prefix "$SPEC_DIR" @aws-cdk/aws-service-spec@0.1.216   # any scratch folder
 *   node scripts/generate-cfn-schemas.mjs "$SPEC_DIR/node_modules/@aws-cdk/aws-service-spec" [--check]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { writeOrCheck } from './writeGenerated.mjs';

export const COVERED_TYPES = [
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Service',
  'AWS::ECS::Cluster',
  'AWS::ECS::ExpressGatewayService',
  'AWS::Lambda::Function',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::Url',
  'AWS::Lambda::Permission',
  'AWS::Batch::JobDefinition',
  'AWS::Batch::JobQueue',
  'AWS::Batch::ComputeEnvironment',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::CloudFront::Distribution',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::CloudFront::CloudFrontOriginAccessIdentity',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::SQS::Queue',
  'AWS::ECR::Repository',
  'AWS::Logs::LogGroup',
  // What SAM's AWS::Serverless::Api / HttpApi become, for their GetAtt attributes.
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
];

const MAX_DOC = 400;

function firstParagraph(doc) {
  if (!doc) return undefined;
  const para = doc.split(/\n\s*\n/).find((p) => p.trim() && !p.trim().startsWith('>')) ?? doc;
  const text = para.replace(/\s+/g, ' ').trim();
  return text.length > MAX_DOC ? `${text.slice(0, MAX_DOC - 1).replace(/\s+\S*$/, '')}…` : text;
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const specDir = args.find((a) => !a.startsWith('--'));
  if (!specDir) {
    console.error('usage: node scripts/generate-cfn-schemas.mjs <path to @aws-cdk/aws-service-spec> [--check]');
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8'));
  const db = JSON.parse(gunzipSync(readFileSync(join(specDir, 'db.json.gz'))).toString('utf8'));
  const resources = db.schema.resource.entities;
  const typeDefs = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));

  const definitions = {};
  const convertType = (type) => {
    switch (type.type) {
      case 'string':
      case 'number':
      case 'integer':
      case 'boolean':
      case 'json':
      case 'date-time':
      case 'null':
        return type.allowedValues ? { type: type.type, enum: type.allowedValues } : { type: type.type };
      case 'tag':
        return { type: 'tag' };
      case 'ref': {
        const def = typeDefs.get(type.reference.$ref);
        if (!def) return { type: 'json' };
        const name = def.name;
        addDefinition(name, def);
        return { type: 'object', ref: name };
      }
      case 'array':
        return { type: 'array', items: convertType(type.element) };
      case 'map':
        return { type: 'map', items: convertType(type.element) };
      case 'union':
        return { type: 'union', anyOf: type.types.map(convertType) };
      default:
        return { type: 'json' };
    }
  };
  const convertProps = (props) => {
    const out = {};
    for (const [name, prop] of Object.entries(props ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      const entry = { ...convertType(prop.type) };
      if (prop.required) entry.required = true;
      const doc = firstParagraph(prop.documentation);
      if (doc) entry.documentation = doc;
      if (prop.deprecated) entry.deprecated = true;
      out[name] = entry;
    }
    return out;
  };
  const currentType = { name: '' };
  function addDefinition(name, def) {
    const key = `${currentType.name}.${name}`;
    if (definitions[key]) return;
    definitions[key] = {};
    definitions[key] = { documentation: firstParagraph(def.documentation), properties: convertProps(def.properties) };
  }

  const types = {};
  for (const typeName of COVERED_TYPES) {
    const resource = resources.find((r) => r.cloudFormationType === typeName);
    if (!resource) throw new Error(`${typeName} not found in the service spec`);
    currentType.name = typeName;
    types[typeName] = {
      documentation: firstParagraph(resource.documentation),
      attributes: Object.keys(resource.attributes ?? {}).sort(),
      properties: convertProps(resource.properties),
    };
  }
  // Nested definitions are keyed `<resource type>.<definition name>` (names repeat across types).
  for (const [key, def] of Object.entries(definitions)) {
    const [type] = key.split('.', 1);
    const name = key.slice(type.length + 1);
    types[type.replace(/\.$/, '')].definitions ??= {};
    types[type].definitions[name] = def;
  }
  for (const t of Object.values(types)) {
    if (t.definitions) t.definitions = Object.fromEntries(Object.entries(t.definitions).sort(([a], [b]) => a.localeCompare(b)));
  }

  const out = {
    $comment: `Generated by scripts/generate-cfn-schemas.mjs from ${pkg.name}@${pkg.version} (Apache-2.0, © Amazon.com, Inc. or its affiliates). Do not edit.`,
    source: { package: pkg.name, version: pkg.version, license: pkg.license },
    types,
  };
  const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'cfn', 'resources.json');
  const text = `${JSON.stringify(out, null, 1)}\n`;
  writeOrCheck(target, text, check, `(${Object.keys(types).length} types, ${Math.round(text.length / 1024)} KB)`);
}

main();
