#!/usr/bin/env node
// Generates schemas/api/*.schema.json (JSON Schema draft-07) from AWS's own service models,
// as shipped in botocore (botocore/data/<service>/<version>/service-2.json.gz, Apache-2.0).
//
// Usage:
//   node scripts/generate-schemas.mjs [path/to/botocore-X.whl | path/to/botocore-dir] [--check]
//   BOTOCORE_DIR=/path/to/site-packages/botocore node scripts/generate-schemas.mjs
// With neither, it runs `pip download --no-deps botocore==$BOTOCORE_VERSION` (default below) into a temp dir.
// --check: regenerate in memory and fail if the committed files differ.
// --out DIR: write somewhere other than schemas/api (tests use this).
//
// Plain Node ESM, no dependencies. Output is deterministic: same model in, same bytes out.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, inflateRawSync } from 'node:zlib';

const DEFAULT_BOTOCORE_VERSION = '1.43.107';
const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'api');
const MAX_DOC_CHARS = 1500;

/** What we generate. `alsoAccepts` merges another operation's input into the same schema. */
const TARGETS = [
  {
    file: 'ecs-task-definition.schema.json',
    service: 'ecs',
    apiVersion: '2014-11-13',
    operation: 'RegisterTaskDefinition',
    title: 'Amazon ECS task definition (RegisterTaskDefinition input)',
    requireMembers: ['family', 'containerDefinitions', 'runtimePlatform', 'ephemeralStorage', 'enableFaultInjection'],
  },
  {
    file: 'ecs-service.schema.json',
    service: 'ecs',
    apiVersion: '2014-11-13',
    operation: 'CreateService',
    alsoAccepts: ['UpdateService'],
    title: 'Amazon ECS service (CreateService / UpdateService input)',
    requireMembers: ['serviceName', 'service', 'forceNewDeployment'],
  },
  {
    file: 'ecs-express-service.schema.json',
    service: 'ecs',
    apiVersion: '2014-11-13',
    operation: 'CreateExpressGatewayService',
    alsoAccepts: ['UpdateExpressGatewayService'],
    title: 'Amazon ECS Express Mode service (CreateExpressGatewayService / UpdateExpressGatewayService input)',
    requireMembers: ['infrastructureRoleArn', 'serviceArn', 'primaryContainer', 'taskDefinitionArn', 'cpuArchitecture'],
  },
  {
    file: 'batch-job-definition.schema.json',
    service: 'batch',
    apiVersion: '2016-08-10',
    operation: 'RegisterJobDefinition',
    title: 'AWS Batch job definition (RegisterJobDefinition input)',
    requireMembers: ['jobDefinitionName', 'type', 'containerProperties', 'ecsProperties', 'eksProperties'],
  },
  {
    file: 'lambda-function.schema.json',
    service: 'lambda',
    apiVersion: '2015-03-31',
    operation: 'CreateFunction',
    alsoAccepts: ['UpdateFunctionConfiguration'],
    title: 'AWS Lambda function (CreateFunction / UpdateFunctionConfiguration input)',
    requireMembers: ['FunctionName', 'Runtime', 'MemorySize', 'Timeout', 'EphemeralStorage', 'RevisionId'],
    requireEnum: { shape: 'Runtime', values: ['python3.13', 'nodejs22.x', 'java21'] },
  },
];

/**
 * Members the API rejects when absent although the model does not mark them `required`
 * (the service validates them server-side). Kept tiny, each one documented in the AWS API reference.
 */
const REQUIRED_OVERRIDES = {
  ecs: {
    // API_ContainerDefinition: name "Required: Yes", image "Required: Yes" (RegisterTaskDefinition
    // answers ClientException "Container.image should not be null or empty.").
    ContainerDefinition: ['name', 'image'],
  },
};

// ---- Reading botocore ----------------------------------------------------------------------------------

/** Minimal ZIP reader (central directory + deflate/stored), enough for a wheel. */
function readZip(buffer) {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a ZIP file (no end-of-central-directory record).');
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(p) !== 0x02014b50) throw new Error('Corrupt ZIP central directory.');
    const method = buffer.readUInt16LE(p + 10);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const localOffset = buffer.readUInt32LE(p + 42);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, { method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return {
    has: (name) => entries.has(name),
    read(name) {
      const e = entries.get(name);
      if (!e) throw new Error(`${name} is not in the wheel.`);
      const q = e.localOffset;
      if (buffer.readUInt32LE(q) !== 0x04034b50) throw new Error(`Corrupt ZIP local header for ${name}.`);
      const start = q + 30 + buffer.readUInt16LE(q + 26) + buffer.readUInt16LE(q + 28);
      const data = buffer.subarray(start, start + e.compressedSize);
      if (e.method === 0) return Buffer.from(data);
      if (e.method === 8) return inflateRawSync(data);
      throw new Error(`Unsupported ZIP compression method ${e.method} for ${name}.`);
    },
  };
}

/** A source of botocore files addressed as `botocore/...`. */
function openBotocore(location) {
  const stat = statSync(location);
  if (stat.isFile()) {
    const zip = readZip(readFileSync(location));
    return { describe: location, has: zip.has, read: zip.read };
  }
  let root;
  if (existsSync(join(location, 'data')) && existsSync(join(location, '__init__.py'))) root = dirname(location);
  else if (existsSync(join(location, 'botocore', 'data'))) root = location;
  else throw new Error(`${location} is neither a botocore wheel, a botocore package dir, nor a dir containing botocore/.`);
  return {
    describe: location,
    has: (name) => existsSync(join(root, name)),
    read: (name) => readFileSync(join(root, name)),
  };
}

function pipDownload(version) {
  const dir = mkdtempSync(join(tmpdir(), 'botocore-'));
  const args = ['download', '--no-deps', '--only-binary=:all:', '-d', dir, `botocore==${version}`];
  let lastError;
  for (const [cmd, pre] of [['pip', []], ['pip3', []], ['python3', ['-m', 'pip']]]) {
    try {
      execFileSync(cmd, [...pre, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
      const wheel = readdirSync(dir).find((f) => f.endsWith('.whl'));
      if (wheel) return { wheel: join(dir, wheel), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    } catch (error) {
      lastError = error;
      if (error?.code !== 'ENOENT') break; // pip ran and failed: another pip will not do better
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`Could not download botocore==${version} with pip: ${lastError?.message ?? 'no wheel'}`);
}

function botocoreVersion(source) {
  const init = source.read('botocore/__init__.py').toString('utf8');
  const match = /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(init);
  if (!match) throw new Error('Cannot find __version__ in botocore/__init__.py.');
  return match[1];
}

function loadModel(source, service, apiVersion) {
  const base = `botocore/data/${service}/${apiVersion}/service-2.json`;
  const file = source.has(`${base}.gz`) ? `${base}.gz` : base;
  if (!source.has(file)) throw new Error(`${base}(.gz) is missing from ${source.describe}.`);
  const raw = source.read(file);
  const model = JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  return { model, file };
}

// ---- Documentation: HTML → compact markdown ------------------------------------------------------------

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export function htmlToMarkdown(html) {
  const blocks = []; // { prefix, text, item }
  let current = null;
  let listDepth = 0;
  let inItem = false;
  const hrefs = [];
  const append = (text) => {
    if (!current) {
      if (!text.trim()) return;
      current = { prefix: '', text: '', item: false };
      blocks.push(current);
    }
    current.text += text;
  };
  const tokens = html.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (!token) continue;
    if (token[0] !== '<') {
      append(decodeEntities(token).replace(/\s+/g, ' '));
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z0-9]+)([^>]*)>$/.exec(token);
    if (!m) {
      append(decodeEntities(token));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    switch (tag) {
      case 'code':
        append('`');
        break;
      case 'a': {
        if (closing) {
          const href = hrefs.pop();
          if (href) append(`](${href})`);
        } else {
          const hm = /href\s*=\s*"([^"]*)"|href\s*=\s*'([^']*)'/i.exec(m[3]);
          const href = hm ? decodeEntities(hm[1] ?? hm[2] ?? '').trim() : '';
          hrefs.push(href);
          if (href) append('[');
        }
        break;
      }
      case 'p':
        if (inItem) {
          if (!closing && current && current.text.trim()) append(' ');
        } else {
          current = null;
        }
        break;
      case 'ul':
      case 'ol':
        listDepth += closing ? -1 : 1;
        if (listDepth < 0) listDepth = 0;
        inItem = false;
        current = null;
        break;
      case 'li':
        if (closing) {
          inItem = false;
          current = null;
        } else {
          current = { prefix: `${'  '.repeat(Math.max(0, listDepth - 1))}- `, text: '', item: true };
          blocks.push(current);
          inItem = true;
        }
        break;
      case 'br':
        current = null;
        break;
      case 'note':
      case 'important':
      case 'dl':
      case 'dt':
      case 'dd':
      case 'div':
      case 'pre':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        if (!inItem) current = null;
        break;
      default:
        break; // <i>, <b>, <zonbook>, <xhtml>, …: strip the tag, keep the text.
    }
  }
  const rendered = [];
  for (const block of blocks) {
    const text = block.text
      .replace(/\s+/g, ' ')
      .replace(/`\s*`/g, '')
      .replace(/\[\s*\]\([^)]*\)/g, '')
      .replace(/\[ (?=[^\]]*\]\()/g, ' [')
      .replace(/ \]\(/g, '](')
      .replace(/ {2,}/g, ' ')
      .trim();
    if (!text) continue;
    rendered.push({ line: block.prefix + text, item: block.item });
  }
  let out = '';
  rendered.forEach((r, i) => {
    if (i > 0) out += r.item && rendered[i - 1].item ? '\n' : '\n\n';
    out += r.line;
  });
  return out;
}

/** Offsets just after each sentence end (`.`, `!`, `?` followed by whitespace or the end), outside code spans. */
function sentenceEnds(text) {
  const ends = [];
  let ticks = 0;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') ticks++;
    else if (ticks % 2 === 0 && c === '[') brackets++;
    else if (ticks % 2 === 0 && c === ']') brackets = Math.max(0, brackets - 1);
    if (ticks % 2 !== 0 || brackets !== 0) continue;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\n') continue;
    const before = text.slice(Math.max(0, i - 4), i + 1).toLowerCase();
    if (/(^|[^a-z])(e\.g\.|i\.e\.|vs\.)$/.test(before)) continue;
    ends.push(i + 1);
  }
  return ends;
}

export function truncateMarkdown(markdown, limit = MAX_DOC_CHARS) {
  if (markdown.length <= limit) return markdown;
  const ends = sentenceEnds(markdown).filter((e) => e <= limit - 2);
  const cut = ends.length ? ends[ends.length - 1] : Math.max(markdown.lastIndexOf(' ', limit - 2), 1);
  return `${markdown.slice(0, cut).trimEnd()} …`;
}

function markdownToPlain(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/^\s*- /gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function firstSentence(markdown) {
  const firstParagraph = markdown.split(/\n\n/)[0] ?? '';
  const ends = sentenceEnds(firstParagraph);
  const sentence = ends.length ? firstParagraph.slice(0, ends[0]) : firstParagraph;
  return markdownToPlain(sentence);
}

function docFields(html, note) {
  if (!html && !note) return {};
  let markdown = html ? truncateMarkdown(htmlToMarkdown(html)) : '';
  let description = markdown ? firstSentence(markdown) : '';
  if (note) {
    markdown = markdown ? `*${note}* ${markdown}` : `*${note}*`;
    description = description ? `(${note}) ${description}` : note;
  }
  if (!markdown) return {};
  return { description, markdownDescription: markdown };
}

// ---- Shapes → JSON Schema -------------------------------------------------------------------------------

const ENUM_DEFINITION_MIN_VALUES = 4;

function isDefinable(shape) {
  return shape.type === 'structure' || (shape.type === 'string' && Array.isArray(shape.enum) && shape.enum.length >= ENUM_DEFINITION_MIN_VALUES);
}

class Emitter {
  constructor(model, definitionNames, requiredOverrides = {}) {
    this.shapes = model.shapes;
    this.requiredOverrides = requiredOverrides;
    this.visited = new Set(); // every shape emitted
    this.definitionNames = definitionNames; // shapes emitted as $ref
    this.inlineCounts = new Map(); // definable shapes emitted inline, and how often
    this.recursive = new Set();
    this.stack = [];
  }

  shape(name) {
    const shape = this.shapes[name];
    if (!shape) throw new Error(`Shape ${name} is missing from the model.`);
    return shape;
  }

  /** Schema for a reference to shape `name` (a $ref when it is a definition). */
  ref(name) {
    if (this.definitionNames.has(name)) return { $ref: `#/definitions/${name}` };
    if (this.stack.includes(name)) {
      this.recursive.add(name);
      return { $ref: `#/definitions/${name}` };
    }
    if (isDefinable(this.shape(name))) this.inlineCounts.set(name, (this.inlineCounts.get(name) ?? 0) + 1);
    return this.body(name, false);
  }

  /** The full schema of a shape. `withShapeDoc` adds the shape's own documentation (definitions only). */
  body(name, withShapeDoc) {
    const shape = this.shape(name);
    this.visited.add(name);
    this.stack.push(name);
    try {
      const schema = withShapeDoc ? docFields(shape.documentation) : {};
      switch (shape.type) {
        case 'structure':
          if (shape.document) return schema; // free-form JSON document
          Object.assign(
            schema,
            this.structure(shape.members ?? {}, [...new Set([...(shape.required ?? []), ...(this.requiredOverrides[name] ?? [])])]),
          );
          return schema;
        case 'list':
          schema.type = 'array';
          schema.items = this.member(shape.member);
          if (shape.min !== undefined) schema.minItems = shape.min;
          if (shape.max !== undefined) schema.maxItems = shape.max;
          return schema;
        case 'map': {
          schema.type = 'object';
          const key = this.shape(shape.key.shape);
          if (Array.isArray(key.enum)) schema.propertyNames = { enum: [...key.enum] };
          schema.additionalProperties = this.member(shape.value);
          if (shape.min !== undefined) schema.minProperties = shape.min;
          if (shape.max !== undefined) schema.maxProperties = shape.max;
          return schema;
        }
        case 'string':
          schema.type = 'string';
          if (Array.isArray(shape.enum)) schema.enum = [...shape.enum];
          else {
            if (shape.min !== undefined) schema.minLength = shape.min;
            if (shape.max !== undefined) schema.maxLength = shape.max;
          }
          return schema; // botocore `pattern`s are Java regexes: deliberately not emitted.
        case 'integer':
        case 'long':
        case 'double':
        case 'float':
          schema.type = shape.type === 'integer' || shape.type === 'long' ? 'integer' : 'number';
          if (shape.min !== undefined) schema.minimum = shape.min;
          if (shape.max !== undefined) schema.maximum = shape.max;
          return schema;
        case 'boolean':
          schema.type = 'boolean';
          return schema;
        case 'timestamp':
          schema.type = 'string';
          return schema;
        case 'blob':
          schema.type = 'string'; // base64 in JSON input
          if (shape.min !== undefined) schema.minLength = shape.min;
          return schema;
        default:
          throw new Error(`Unsupported shape type ${shape.type} (${name}).`);
      }
    } finally {
      this.stack.pop();
    }
  }

  /** A list member / map value reference (may carry its own documentation). */
  member(ref) {
    const doc = docFields(ref.documentation);
    const target = this.ref(ref.shape);
    return { ...doc, ...target };
  }

  /** One property: member docs first, then the type (or $ref). */
  property(memberName, member, note) {
    const schema = docFields(member.documentation, note);
    if (member.deprecated) {
      schema.deprecationMessage = member.deprecatedMessage ? decodeEntities(member.deprecatedMessage) : `${memberName} is deprecated.`;
    }
    Object.assign(schema, this.ref(member.shape));
    return schema;
  }

  structure(members, required, notes = {}) {
    const properties = {};
    for (const [name, member] of Object.entries(members)) properties[name] = this.property(name, member, notes[name]);
    const schema = { type: 'object', properties, additionalProperties: false };
    if (required.length) schema.required = [...required];
    return schema;
  }
}

/** Strips documentation so two property schemas can be compared by type only. */
function typeOnly(schema) {
  return JSON.stringify(schema, (key, value) =>
    key === 'description' || key === 'markdownDescription' || key === 'deprecationMessage' ? undefined : value,
  );
}

function buildRoot(emitter, model, target) {
  const operations = [target.operation, ...(target.alsoAccepts ?? [])];
  const inputs = operations.map((op) => {
    const operation = model.operations[op];
    if (!operation?.input?.shape) throw new Error(`Operation ${op} has no input in the ${target.service} model.`);
    return { op, name: operation.input.shape, shape: emitter.shape(operation.input.shape) };
  });
  const [base, ...extras] = inputs;
  const members = { ...base.shape.members };
  const notes = {};
  let required = [...(base.shape.required ?? [])];
  if (extras.length) {
    const inAll = (name) => inputs.every((i) => i.shape.members?.[name]);
    const scratch = new Emitter(model, emitter.definitionNames, emitter.requiredOverrides); // comparisons must not skew the counts
    for (const extra of extras) {
      required = required.filter((r) => (extra.shape.required ?? []).includes(r));
      for (const [name, member] of Object.entries(extra.shape.members ?? {})) {
        if (name in members) {
          const a = typeOnly(scratch.ref(members[name].shape));
          const b = typeOnly(scratch.ref(member.shape));
          if (a !== b) throw new Error(`${name}: ${base.op} and ${extra.op} disagree on its type (${a} vs ${b}).`);
        } else {
          members[name] = member;
        }
      }
    }
    for (const name of Object.keys(members)) {
      if (inAll(name)) continue;
      const accepting = inputs.filter((i) => i.shape.members?.[name]).map((i) => i.op);
      notes[name] = `${accepting.join(' / ')} only.`;
    }
  }
  return emitter.structure(members, required, notes);
}

function generate(target, model, file, version) {
  // Fixpoint: shapes emitted inline more than once (or recursive) become definitions.
  const definitionNames = new Set();
  let emitter;
  let root;
  for (;;) {
    emitter = new Emitter(model, definitionNames, REQUIRED_OVERRIDES[target.service]);
    root = buildRoot(emitter, model, target);
    for (const name of definitionNames) emitter.body(name, true); // count what definitions reference
    const grow = [...emitter.recursive, ...[...emitter.inlineCounts].filter(([, n]) => n > 1).map(([name]) => name)].filter(
      (name) => !definitionNames.has(name),
    );
    if (!grow.length) break;
    for (const name of grow) definitionNames.add(name);
  }
  const definitions = {};
  for (const name of [...definitionNames].sort()) definitions[name] = emitter.body(name, true);

  const extras = target.alsoAccepts ?? [];
  const inputNames = [target.operation, ...extras].map((op) => model.operations[op].input.shape);
  const operationDoc = docFields(model.operations[target.operation].documentation);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      `Generated by scripts/generate-schemas.mjs from botocore ${version}, ${file} ` +
      `(${inputNames.join(' + ')}${extras.length ? '; required relaxed to what all of them need' : ''}). ` +
      overridesComment(target.service, emitter.visited) +
      'Source: AWS service model, licence Apache-2.0. Do not edit by hand; run `npm run schemas`.',
    title: target.title,
    ...operationDoc,
    ...root,
  };
  if (Object.keys(definitions).length) schema.definitions = definitions;
  return schema;
}

function overridesComment(service, emitted) {
  const entries = Object.entries(REQUIRED_OVERRIDES[service] ?? {}).filter(([shape]) => emitted.has(shape));
  if (!entries.length) return '';
  return `Also required (enforced by the API, not marked in the model): ${entries
    .map(([shape, members]) => `${shape}.${members.join(', ')}`)
    .join('; ')}. `;
}

function checkModel(target, model) {
  const problems = [];
  const operation = model.operations[target.operation];
  const inputs = [target.operation, ...(target.alsoAccepts ?? [])].map((op) => model.shapes[model.operations[op]?.input?.shape]);
  const allMembers = new Set(inputs.flatMap((shape) => Object.keys(shape?.members ?? {})));
  if (!operation) problems.push(`operation ${target.operation} is missing`);
  for (const member of target.requireMembers ?? []) {
    if (!allMembers.has(member)) problems.push(`${target.operation} input has no member ${member}`);
  }
  for (const [shapeName, members] of Object.entries(REQUIRED_OVERRIDES[target.service] ?? {})) {
    for (const member of members) {
      if (!model.shapes[shapeName]?.members?.[member]) problems.push(`${shapeName} has no member ${member} to require`);
    }
  }
  if (target.requireEnum) {
    const values = model.shapes[target.requireEnum.shape]?.enum ?? [];
    for (const v of target.requireEnum.values) {
      if (!values.includes(v)) problems.push(`${target.requireEnum.shape} enum lacks ${v}`);
    }
  }
  if (problems.length) {
    throw new Error(
      `The ${target.service} model is too old or unexpected for ${target.file}: ${problems.join('; ')}. ` +
        `Use botocore ${DEFAULT_BOTOCORE_VERSION} or newer.`,
    );
  }
}

// ---- Main -----------------------------------------------------------------------------------------------

function main(argv) {
  const check = argv.includes('--check');
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? resolve(argv[outIndex + 1] ?? '') : OUT_DIR;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  let location = positional[0] ?? process.env.BOTOCORE_DIR;
  let cleanup = () => {};
  if (!location) {
    const version = process.env.BOTOCORE_VERSION ?? DEFAULT_BOTOCORE_VERSION;
    process.stderr.write(`No botocore given; downloading botocore==${version} with pip…\n`);
    ({ wheel: location, cleanup } = pipDownload(version));
  }
  try {
    const source = openBotocore(resolve(location));
    const version = botocoreVersion(source);
    const models = new Map();
    const outputs = [];
    for (const target of TARGETS) {
      const key = `${target.service}/${target.apiVersion}`;
      if (!models.has(key)) models.set(key, loadModel(source, target.service, target.apiVersion));
      const { model, file } = models.get(key);
      checkModel(target, model);
      const schema = generate(target, model, file, version);
      outputs.push({ path: join(outDir, target.file), text: `${JSON.stringify(schema, null, 2)}\n` });
    }
    let stale = 0;
    if (!check) mkdirSync(outDir, { recursive: true });
    for (const { path, text } of outputs) {
      if (check) {
        const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
        if (existing !== text) {
          stale++;
          process.stderr.write(`${path} is out of date.\n`);
        }
      } else {
        writeFileSync(path, text);
        process.stdout.write(`wrote ${path} (${(text.length / 1024).toFixed(0)} KiB) from botocore ${version}\n`);
      }
    }
    if (stale) process.exitCode = 1;
  } finally {
    cleanup();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate-schemas: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
