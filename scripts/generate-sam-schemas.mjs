#!/usr/bin/env node
/**
 * Generates schemas/cfn/sam.json: the AWS SAM resource types Berth validates (AWS::Serverless::Function, Api,
 * HttpApi), in the shape of schemas/cfn/resources.json (properties with type, required flag, allowed values and
 * documentation; nested `definitions`), from AWS SAM's own JSON schema `schema_source/sam.schema.json` in
 * https://github.com/aws/serverless-application-model (Apache-2.0). Pass the path of that file:
 *
 *   git -C <clone> show <commit>:schema_source/sam.schema.json > <dir>/sam.schema.json
 *   node scripts/generate-sam-schemas.mjs <dir>/sam.schema.json [--check]
 *
 * SAM passes many properties straight to the CloudFormation resource it generates (`PassThroughProp`, typed
 * `{}` in the SAM schema). Where the SAM schema names the target (`__samPassThrough.schemaPath`
 * definitions/<type>/properties/Properties/properties/<name>, or the description "passed directly to the
 * [`<name>`] property of an `<type>` resource") and that target is a top-level property of a type in
 * schemas/cfn/resources.json, the property takes that type (and its nested definitions, keyed `<type>/<name>`);
 * otherwise it accepts any value. The output therefore depends on resources.json too.
 *
 * Where the SAM schema is stricter than SAM's translator, TRANSLATOR_EXTRAS (below) adds what the translator accepts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './writeGenerated.mjs';

/** Which SAM schema version this file was generated from (samtranslator/__init__.py `__version__` at the commit). */
export const SOURCE = {
  repository: 'https://github.com/aws/serverless-application-model',
  path: 'schema_source/sam.schema.json',
  version: '1.110.0',
  commit: '7000d0a3b0e5e0d9fca014ce135850718aad1290',
  license: 'Apache-2.0',
};

const PREFIX = 'samtranslator__internal__schema_source__';
/** SAM type → the module name in the schema's definition names, and the short prefix for its own definitions. */
export const SAM_TYPES = {
  'AWS::Serverless::Function': { module: 'aws_serverless_function', short: 'Function', globals: 'Function' },
  'AWS::Serverless::Api': { module: 'aws_serverless_api', short: 'Api', globals: 'Api' },
  'AWS::Serverless::HttpApi': { module: 'aws_serverless_httpapi', short: 'HttpApi', globals: 'HttpApi' },
};
const SHORT_MODULES = {
  aws_serverless_function: 'Function',
  aws_serverless_api: 'Api',
  aws_serverless_httpapi: 'HttpApi',
  aws_serverless_statemachine: 'StateMachine',
  aws_serverless_websocketapi: 'WebSocketApi',
  aws_serverless_graphqlapi: 'GraphQLApi',
};

/**
 * Properties SAM's transform accepts that `sam.schema.json` at SOURCE.commit does not describe (there the schema
 * is stricter than the translator, so a template using them transforms and deploys, yet would fail the schema).
 * Source: the `property_types` the translator validates event properties against, and what it reads, in
 * samtranslator/model/eventsources/push.py and pull.py at SOURCE.commit. Per SAM type: definition key (as in
 * sam.json) → property → its spec, or `{ like: '<definition key>#<property>' }` to copy the spec (type, nested
 * definition, documentation) of a property the schema does describe. A property the schema already has is left as
 * the schema says, so an entry falls away by itself once a newer schema adds the property; a definition key that
 * no longer exists stops the generator.
 *
 * Only properties that reach a resource that accepts them are listed: PullEventSource accepts every pull property
 * on every pull event (SQS with StartingPosition transforms, and Lambda then rejects the event source mapping),
 * so pull-event properties are added only where Lambda takes them for that source.
 */
export const TRANSLATOR_EXTRAS = {
  'AWS::Serverless::Function': {
    // push.py: class EventBridgeRule(CloudWatchEvent) inherits CloudWatchEvent.property_types, Enabled and State included.
    'Function.EventBridgeRuleEventProperties': {
      Enabled: { like: 'Function.CloudWatchEventProperties#Enabled' },
      State: { like: 'Function.CloudWatchEventProperties#State' },
    },
    // push.py CloudWatchEvent.property_types: the older name of EventBridgeRule takes the same properties.
    'Function.CloudWatchEventProperties': {
      DeadLetterConfig: { like: 'Function.EventBridgeRuleEventProperties#DeadLetterConfig' },
      InputTransformer: { like: 'Function.EventBridgeRuleEventProperties#InputTransformer' },
      RetryPolicy: { like: 'Function.EventBridgeRuleEventProperties#RetryPolicy' },
      RuleName: { like: 'Function.EventBridgeRuleEventProperties#RuleName' },
      Target: { like: 'Function.EventBridgeRuleEventProperties#Target' },
    },
    // push.py Schedule.property_types RuleName (the Name of the AWS::Events::Rule SAM creates).
    EventsScheduleProperties: { RuleName: { like: 'Function.EventBridgeRuleEventProperties#RuleName' } },
    // push.py SNS.property_types RedrivePolicy (IS_DICT), passed to the AWS::SNS::Subscription.
    SNSEventProperties: {
      RedrivePolicy: { type: 'object', documentation: 'The redrive policy of the SNS subscription SAM creates: the dead-letter queue (`deadLetterTargetArn`) for messages that cannot be delivered.' },
    },
    // push.py Api.property_types / HttpApi.property_types Stage (IS_STR): the stage the permission's SourceArn names.
    'Function.ApiEventProperties': { Stage: { type: 'string', documentation: 'The stage of the API that invokes the function, for the SourceArn of the permission SAM creates.' } },
    HttpApiEventProperties: { Stage: { type: 'string', documentation: 'The stage of the HTTP API that invokes the function, for the SourceArn of the permission SAM creates.' } },
    // pull.py PullEventSource.to_cloudformation: DestinationConfig.OnFailure.Type tells SAM which send policy to add
    // to the function's role, and is removed before the AWS::Lambda::EventSourceMapping is written. No intrinsics.
    'AWS::Lambda::EventSourceMapping/OnFailure': {
      Type: {
        type: 'string',
        enum: ['SQS', 'SNS', 'S3', 'Kafka'],
        documentation: 'SAM only: the kind of destination, so that SAM adds the matching send permission to the function\'s role. SAM removes it before creating the event source mapping.',
      },
    },
    // pull.py PullEventSource.property_types; Lambda takes on-failure destinations and a batching window for
    // self-managed Kafka sources as for Amazon MSK (CreateEventSourceMapping: DestinationConfig, MaximumBatchingWindowInSeconds).
    SelfManagedKafkaEventProperties: {
      DestinationConfig: { like: 'MSKEventProperties#DestinationConfig' },
      MaximumBatchingWindowInSeconds: { like: 'MSKEventProperties#MaximumBatchingWindowInSeconds' },
    },
  },
};

/**
 * Other forms of a top-level property that the translator accepts and the schema does not describe: added as one
 * more alternative of the property's type (which becomes a union if it was not one). Source, per entry: the
 * translator code named beside it, at SOURCE.commit.
 */
export const TRANSLATOR_ALTERNATIVES = {
  'AWS::Serverless::Api': {
    // samtranslator/model/api/api_generator.py _set_endpoint_configuration: a string is the endpoint type
    // (`EndpointConfiguration: REGIONAL`, the form SAM documented before the object form).
    EndpointConfiguration: { type: 'string' },
  },
};

/**
 * Top-level properties whose values are maps of SAM event sources: the translator builds each event with
 * Resource.from_dict (samtranslator/model/__init__.py at SOURCE.commit), which reads `Type`, `Properties`, `DependsOn`
 * and the resource attributes it supports and ignores any other key, so an event object is open beyond what the
 * schema lists (a `Condition` or a comment key beside `Type` transforms fine).
 */
export const TRANSLATOR_OPEN_EVENTS = {
  'AWS::Serverless::Function': ['Events'],
};

/** Marks the event definitions a type's TRANSLATOR_OPEN_EVENTS properties hold as open, in place. */
function openEventDefinitions(samType, properties, definitions) {
  for (const name of TRANSLATOR_OPEN_EVENTS[samType] ?? []) {
    const items = properties[name]?.items;
    if (!items) throw new Error(`TRANSLATOR_OPEN_EVENTS: ${samType} has no map property ${name}`);
    for (const alternative of items.type === 'union' ? items.anyOf : [items]) {
      const def = alternative.ref ? definitions[alternative.ref] : undefined;
      if (def) def.additionalProperties = true;
    }
  }
}

/** Adds TRANSLATOR_ALTERNATIVES to one generated type's top-level `properties`, in place. */
function addTranslatorAlternatives(samType, properties) {
  for (const [name, alternative] of Object.entries(TRANSLATOR_ALTERNATIVES[samType] ?? {})) {
    const current = properties[name];
    if (!current) throw new Error(`TRANSLATOR_ALTERNATIVES: ${samType} has no property ${name}`);
    const alternatives = current.type === 'union' ? current.anyOf : [{ type: current.type, ...(current.ref ? { ref: current.ref } : {}) }];
    if (alternatives.some((a) => a.type === alternative.type && !a.ref)) continue;
    const { type: _t, ref: _r, anyOf: _a, ...rest } = current;
    properties[name] = { type: 'union', anyOf: [alternative, ...alternatives], ...rest };
  }
}

/** Adds TRANSLATOR_EXTRAS to one generated type (its `definitions`), in place. */
function addTranslatorExtras(samType, definitions) {
  const extras = TRANSLATOR_EXTRAS[samType] ?? {};
  for (const [key, properties] of Object.entries(extras)) {
    const def = definitions[key];
    if (!def) throw new Error(`TRANSLATOR_EXTRAS: ${samType} has no definition ${key}`);
    for (const [name, spec] of Object.entries(properties)) {
      if (Object.prototype.hasOwnProperty.call(def.properties, name)) continue;
      let entry = spec;
      if (spec.like) {
        const [fromKey, fromName] = spec.like.split('#');
        const from = definitions[fromKey]?.properties?.[fromName];
        if (!from) throw new Error(`TRANSLATOR_EXTRAS: ${samType} has no ${spec.like}`);
        const { required: _r, ...shape } = from;
        entry = shape;
      }
      def.properties[name] = entry;
    }
    def.properties = Object.fromEntries(Object.entries(def.properties).sort(byName));
  }
}

const MAX_DOC = 400;

/** The lead of a SAM markdown description: the text before `*Type*` / `*Required*`…, links reduced to their text. */
export function firstParagraph(doc) {
  if (!doc) return undefined;
  const lines = [];
  for (const line of doc.split('\n')) {
    if (/^\s*\*(Type|Required|Valid values|Default|CloudFormation compatibility|Minimum|Maximum)\*/.test(line)) break;
    lines.push(line);
  }
  const text = lines
    .join(' ')
    .replace(/\\([-\\`*_{}[\]()#+.!])/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  return text.length > MAX_DOC ? `${text.slice(0, MAX_DOC - 1).replace(/\s+\S*$/, '')}…` : text;
}

const byName = ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0);

function generate(sam, cfn) {
  const defs = sam.definitions;
  const refName = (ref) => ref.replace(/^#\/definitions\//, '');
  const shortName = (name) => {
    if (!name.startsWith(PREFIX)) return name;
    const rest = name.slice(PREFIX.length);
    const [module, local] = rest.split('__');
    return `${SHORT_MODULES[module] ?? module}.${local}`;
  };
  const isPassThrough = (s) => s?.$ref === '#/definitions/PassThroughProp' || (s?.allOf?.length === 1 && s.allOf[0].$ref === '#/definitions/PassThroughProp');

  /** The CloudFormation property a pass-through property goes to, when resources.json covers it. */
  const passThroughTarget = (name, prop) => {
    const path = prop.__samPassThrough?.schemaPath;
    let type;
    let property;
    if (path) {
      if (path.length === 6 && path[0] === 'definitions' && path[2] === 'properties' && path[3] === 'Properties' && path[4] === 'properties') [type, property] = [path[1], path[5]];
    } else {
      const doc = prop.markdownDescription ?? '';
      const m = /passed directly to the \[?`([A-Za-z0-9]+)`\]?(?:\([^)]*\))? property of an? `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` resource/.exec(doc);
      if (m) [property, type] = [m[1], m[2]];
    }
    if (!type || property !== name) return undefined;
    const spec = cfn.types[type]?.properties?.[property];
    return spec ? { type, spec } : undefined;
  };

  const build = (samType) => {
    const definitions = {};
    const cfnDefinition = (cfnType, name) => {
      const key = `${cfnType}/${name}`;
      if (definitions[key]) return key;
      const def = cfn.types[cfnType]?.definitions?.[name];
      if (!def) return undefined;
      definitions[key] = {};
      const properties = {};
      for (const [p, spec] of Object.entries(def.properties)) properties[p] = cfnProperty(cfnType, spec);
      definitions[key] = { ...(def.documentation ? { documentation: def.documentation } : {}), properties };
      return key;
    };
    /** A resources.json property type, its refs rewritten to `<type>/<name>` definitions of this file. */
    const cfnProperty = (cfnType, spec) => {
      const out = { type: spec.type };
      if (spec.enum) out.enum = spec.enum;
      if (spec.ref) {
        const key = cfnDefinition(cfnType, spec.ref);
        if (key) out.ref = key;
        else out.type = 'json';
      }
      if (spec.items) out.items = cfnProperty(cfnType, spec.items);
      if (spec.anyOf) out.anyOf = spec.anyOf.map((a) => cfnProperty(cfnType, a));
      if (spec.required) out.required = true;
      if (spec.documentation) out.documentation = spec.documentation;
      return out;
    };
    const convert = (s, context) => {
      if (!s || typeof s !== 'object') return { type: 'json' };
      if (s.$ref) {
        const name = refName(s.$ref);
        if (name === 'PassThroughProp') return { type: 'json' };
        return { type: 'object', ref: addDefinition(name) };
      }
      if (s.allOf) return s.allOf.length === 1 ? convert(s.allOf[0], context) : { type: 'json' };
      const alternatives = s.anyOf ?? s.oneOf;
      if (alternatives) {
        const converted = [];
        for (const a of alternatives.map((alt) => convert(alt, context))) {
          if (!converted.some((c) => JSON.stringify(c) === JSON.stringify(a))) converted.push(a);
        }
        if (converted.some((c) => c.type === 'json')) return { type: 'json' };
        return converted.length === 1 ? converted[0] : { type: 'union', anyOf: converted };
      }
      const type = Array.isArray(s.type) ? undefined : s.type;
      if (s.enum) return { type: type ?? (s.enum.every((e) => typeof e === 'string') ? 'string' : 'json'), enum: s.enum };
      switch (type) {
        case 'string':
        case 'integer':
        case 'number':
        case 'boolean':
          return { type };
        case 'array':
          return s.items ? { type: 'array', items: convert(s.items, context) } : { type: 'array' };
        case 'object':
          if (s.properties) return { type: 'object', ref: addDefinition(context, s) };
          if (s.additionalProperties && typeof s.additionalProperties === 'object') return { type: 'map', items: convert(s.additionalProperties, context) };
          return { type: 'object' };
        default:
          return { type: 'json' };
      }
    };
    const convertProperties = (def, context) => {
      const out = {};
      const required = new Set(def.required ?? []);
      for (const [name, prop] of Object.entries(def.properties ?? {}).sort(byName)) {
        let entry;
        const target = isPassThrough(prop) ? passThroughTarget(name, prop) : undefined;
        if (target) {
          const { required: _r, documentation: _d, ...shape } = cfnProperty(target.type, target.spec);
          entry = shape;
        } else {
          entry = convert(prop, `${context}.${name}`);
        }
        if (required.has(name)) entry.required = true;
        const doc = firstParagraph(prop.markdownDescription ?? prop.__samPassThrough?.markdownDescriptionOverride ?? prop.description);
        if (doc) entry.documentation = doc;
        out[name] = entry;
      }
      return out;
    };
    /** Adds a SAM definition (by name, or an inline object schema under a made-up name) and returns its key. */
    function addDefinition(name, inline) {
      const key = inline ? name : shortName(name);
      if (definitions[key]) return key;
      const def = inline ?? defs[name];
      definitions[key] = {};
      const out = {};
      const doc = firstParagraph(def.markdownDescription ?? def.description);
      if (doc) out.documentation = doc;
      out.properties = convertProperties(def, key);
      if (def.additionalProperties !== false) out.additionalProperties = true;
      definitions[key] = out;
      return key;
    }

    const { module, globals } = SAM_TYPES[samType];
    const root = defs[`${PREFIX}${module}__Properties`];
    const globalsDef = defs[`${PREFIX}${module}__Globals`];
    if (!root || !globalsDef) throw new Error(`${samType}: no ${PREFIX}${module}__Properties / __Globals in the schema`);
    const properties = convertProperties(root, SAM_TYPES[samType].short);
    addTranslatorExtras(samType, definitions);
    addTranslatorAlternatives(samType, properties);
    openEventDefinitions(samType, properties, definitions);
    const out = {
      globals,
      globalProperties: Object.keys(globalsDef.properties ?? {}).sort(),
      properties,
    };
    if (Object.keys(definitions).length) out.definitions = Object.fromEntries(Object.entries(definitions).sort(byName));
    return out;
  };

  const types = {};
  for (const samType of Object.keys(SAM_TYPES)) types[samType] = build(samType);
  return {
    $comment: `Generated by scripts/generate-sam-schemas.mjs from ${SOURCE.repository} ${SOURCE.path} (SAM ${SOURCE.version}, commit ${SOURCE.commit}; Apache-2.0, © Amazon.com, Inc. or its affiliates) and schemas/cfn/resources.json, plus the properties and forms the SAM translator accepts beyond that schema (TRANSLATOR_EXTRAS, TRANSLATOR_ALTERNATIVES and TRANSLATOR_OPEN_EVENTS in the script). Do not edit.`,
    source: SOURCE,
    types,
  };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node scripts/generate-sam-schemas.mjs <path to sam.schema.json> [--check]');
    process.exit(2);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const sam = JSON.parse(readFileSync(file, 'utf8'));
  const cfn = JSON.parse(readFileSync(join(root, 'schemas', 'cfn', 'resources.json'), 'utf8'));
  const target = join(root, 'schemas', 'cfn', 'sam.json');
  const text = `${JSON.stringify(generate(sam, cfn), null, 1)}\n`;
  writeOrCheck(target, text, check, `(${Object.keys(SAM_TYPES).length} types, ${Math.round(text.length / 1024)} KB)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
