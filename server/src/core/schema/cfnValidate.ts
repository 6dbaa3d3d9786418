/**
 * Resource properties against the CloudFormation resource schemas and SAM's (facts/cfnResources.ts), and SAM's
 * Globals section against what the transform accepts (facts/samGlobals.ts): unknown and missing properties,
 * wrong kinds of value, values outside an enum. Reports only what is certain; intrinsic functions are valid
 * wherever a value is expected (cf. cfn-lint's CfnLintJsonSchema). Pure; the rule cfn/valid-resource-properties
 * reports what this finds.
 */
import { SAM_VALIDATED_TYPES, cfnTypeSpec, samTypeSpec, type CfnDefinition, type CfnPropertySpec, type CfnPropertyType } from '../facts/cfnResources';
import { isPackageableProperty } from '../facts/cfnPackage';
import { SAM_GLOBALS } from '../facts/samGlobals';
import { ignoredGlobals, withoutIgnoredGlobals, type Resource, type Template } from '../model/template';
import { getPair, getValue, isIntrinsicName, type Node, type ObjectNode, type Pair } from '../parse/tree';
import { didYouMean } from './didYouMean';

export type CfnSchemaMessageId = 'unknownProperty' | 'missingProperty' | 'wrongType' | 'notAllowed' | 'unknownGlobalsSection' | 'notInGlobals';

/** One problem: where, which message, and the message's data. */
export interface CfnSchemaProblem {
  readonly at: Node | Pair;
  readonly messageId: CfnSchemaMessageId;
  readonly data: Readonly<Record<string, string | number>>;
  /** The SAM transform rejects it, and the transform translates every SAM resource whatever its Condition. */
  readonly unconditional?: boolean;
}

type Props = Readonly<Record<string, CfnPropertySpec>>;
type Defs = Readonly<Record<string, CfnDefinition>> | undefined;
/**
 * What SAM's Globals section adds at this level of a resource's properties (SAM merges maps deeply): its object,
 * `'unknown'` when it cannot be read (an intrinsic function), or nothing.
 */
type GlobalsAt = ObjectNode | 'unknown' | undefined;

const TYPE_LABEL: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object (a map of properties)',
  array: 'a list',
  map: 'a map of keys to values',
};

/** Who rejects the template: CloudFormation, or SAM's transform (before CloudFormation sees the resource). */
interface Service {
  readonly rejecter: string;
  readonly unsupported: (name: string) => string;
}
const CLOUDFORMATION: Service = { rejecter: 'CloudFormation', unsupported: (name) => ` ("Encountered unsupported property ${name}")` };
const SAM: Service = { rejecter: 'the SAM transform', unsupported: () => '' };

/** The problems of a template's resource properties and SAM Globals, in document order of the resources. */
export function validateTemplateProperties(template: Template): CfnSchemaProblem[] {
  const out: CfnSchemaProblem[] = [];
  if (template.isSam) checkGlobals(out, template);
  for (const resource of template.resources) {
    const type = resource.type;
    if (!type?.known) continue;
    // Custom and third-party types, and SAM types other than Function/Api/HttpApi, are not in the data.
    // SAM types mean something only under the SAM transform (the data is loaded only when one is present).
    const isSam = type.value.startsWith('AWS::Serverless::');
    if (isSam && !template.isSam) continue;
    const sam = isSam ? samTypeSpec(type.value) : undefined;
    const spec = isSam ? sam : cfnTypeSpec(type.value);
    if (!spec) continue;
    const globals = sam ? samGlobals(template, resource, sam.globals) : undefined;
    const where = sam ? (name: string) => (sam.globalProperties.includes(name) ? ` (here or in Globals.${sam.globals})` : '') : () => '';
    const v = new Validator(out, spec.definitions, type.value, `${resource.logicalId} (${type.value})`, sam ? SAM : CLOUDFORMATION, where);
    const propertiesPair = getPair(resource.node, 'Properties');
    if (!propertiesPair) v.missing(spec.properties, undefined, resource.pair, '', globals);
    else if (propertiesPair.value.kind === 'object') v.object(propertiesPair.value, spec.properties, propertiesPair, '', globals);
    else v.value(propertiesPair.value, { type: 'object' }, 'Properties', propertiesPair);
    v.flush();
  }
  return out;
}

/**
 * The Globals section that applies to a SAM resource, less what its `IgnoreGlobals` attribute drops (`'*'`, or a
 * list of property names; SAM's globals plugin, samtranslator/plugins/globals/globals.py).
 */
function samGlobals(template: Template, resource: Resource, section: string): GlobalsAt {
  const globals = getValue(template.node, 'Globals');
  if (!globals) return undefined;
  if (globals.kind !== 'object') return 'unknown';
  const own = getValue(globals, section);
  if (!own) return undefined;
  if (own.kind !== 'object') return 'unknown';
  // SAM rejects any other IgnoreGlobals; what it would have merged is unknown.
  return ignoredGlobals(resource.node) === 'invalid' ? 'unknown' : withoutIgnoredGlobals(own, resource.node);
}

/**
 * The SAM transform accepts only the sections it knows in `Globals`, and in each only the properties it may set
 * (facts/samGlobals.ts, with sam.json's list for the types it describes).
 */
function checkGlobals(out: CfnSchemaProblem[], template: Template): void {
  const globals = getValue(template.node, 'Globals');
  if (globals?.kind !== 'object') return;
  const sections = Object.keys(SAM_GLOBALS);
  for (const section of globals.pairs) {
    if (section.key.startsWith('Fn::') || isIntrinsicName(section.key)) continue;
    if (!Object.prototype.hasOwnProperty.call(SAM_GLOBALS, section.key)) {
      const suggestion = didYouMean(section.key, sections);
      out.push({ at: section, messageId: 'unknownGlobalsSection', data: { name: section.key, hint: suggestion ? ` Did you mean ${suggestion}?` : ` Sections SAM knows: ${sections.join(', ')}.` } });
      continue;
    }
    const value = section.value;
    if (value.kind === 'array' || (value.kind === 'scalar' && value.value !== null)) {
      out.push({
        at: value,
        messageId: 'wrongType',
        data: { path: `Globals.${section.key}`, expected: TYPE_LABEL.object!, actual: describe(value), rejecter: 'the SAM transform' },
      });
      continue;
    }
    const listed = SAM_GLOBALS[section.key];
    if (!listed || value.kind !== 'object') continue;
    const type = SAM_VALIDATED_TYPES.map((t) => samTypeSpec(t)).find((t) => t?.globals === section.key);
    const allowed = [...new Set([...listed, ...(type?.globalProperties ?? [])])];
    for (const p of value.pairs) {
      if (p.key.startsWith('Fn::') || isIntrinsicName(p.key) || allowed.includes(p.key)) continue;
      const typeName = `AWS::Serverless::${section.key}`;
      const suggestion = didYouMean(p.key, allowed);
      const hint =
        type && Object.prototype.hasOwnProperty.call(type.properties, p.key)
          ? ` SAM takes ${p.key} only from each resource: set it in the Properties of each ${typeName}.`
          : suggestion
            ? ` Did you mean ${suggestion}?`
            : ` Remove it, or check the name in the ${typeName} reference.`;
      out.push({ at: p, messageId: 'notInGlobals', data: { section: section.key, name: p.key, hint } });
    }
  }
}

/** What Globals adds below `key` of the level it adds to. */
function globalsBelow(globals: GlobalsAt, key: string): GlobalsAt {
  if (!globals || globals === 'unknown') return globals;
  const value = getValue(globals, key);
  if (!value) return undefined;
  return value.kind === 'object' ? value : 'unknown';
}

/** Shapes of value the data types accept; anything else (tag, json, date-time, …) is not judged. */
const JUDGED = new Set(['string', 'integer', 'number', 'boolean', 'array', 'map', 'object', 'union']);
const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/** Whether a node has the kind of value an alternative describes (its details aside). */
function kindFits(node: Node, alt: CfnPropertyType): boolean {
  if (!JUDGED.has(alt.type) || alt.type === 'union') return true;
  if (node.kind === 'scalar') return SCALAR_TYPES.has(alt.type);
  if (node.kind === 'array') return alt.type === 'array';
  return alt.type === 'object' || alt.type === 'map';
}

/** An alternative that accepts any value of its kind: nothing more to check once the kind fits. */
function isOpen(alt: CfnPropertyType): boolean {
  if (!JUDGED.has(alt.type) || alt.type === 'union') return true;
  return (alt.type === 'object' && !alt.ref) || ((alt.type === 'map' || alt.type === 'array') && !alt.items) || (alt.type === 'string' && !alt.enum?.length);
}

function labelOf(alternatives: readonly CfnPropertyType[]): string {
  const labels = [...new Set(alternatives.map((a) => TYPE_LABEL[a.type] ?? a.type))];
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

class Validator {
  /** Findings so far; a trial of one alternative of a union swaps in its own list. */
  private sink: CfnSchemaProblem[] = [];

  constructor(
    private readonly out: CfnSchemaProblem[],
    private readonly defs: Defs,
    private readonly type: string,
    private readonly resource: string,
    private readonly service: Service,
    private readonly where: (name: string) => string,
  ) {}

  flush(): void {
    this.out.push(...this.sink);
    this.sink = [];
  }

  private report(problem: CfnSchemaProblem): void {
    this.sink.push({ ...problem, data: { rejecter: this.service.rejecter, ...problem.data }, ...(this.service === SAM ? { unconditional: true } : {}) });
  }

  /** Whether the value fits the spec, reporting nothing. */
  private fits(node: Node, spec: CfnPropertyType, path: string, anchor: Pair | undefined, globals: GlobalsAt): boolean {
    const saved = this.sink;
    this.sink = [];
    try {
      this.value(node, spec, path, anchor, globals);
      return this.sink.length === 0;
    } finally {
      this.sink = saved;
    }
  }

  /** "Code.S3Key in Fn (AWS::Lambda::Function)", or the resource alone for the Properties themselves. */
  private at(path: string): string {
    return path ? `${path} in ${this.resource}` : this.resource;
  }

  /** `anchor` is the nearest key above the value: where a property missing inside it is reported. */
  value(node: Node, spec: CfnPropertyType, path: string, anchor?: Pair, globals?: GlobalsAt): void {
    // Intrinsic functions are valid wherever a value is expected; null (`Key:` with nothing) is left to CloudFormation.
    if (node.kind === 'intrinsic' || (node.kind === 'scalar' && node.value === null)) return;
    switch (spec.type) {
      case 'string':
        if (node.kind !== 'scalar') return this.wrong(node, path, spec.type);
        return this.allowed(node, String(node.value), spec, path);
      case 'integer':
      case 'number': {
        if (node.kind !== 'scalar') return this.wrong(node, path, spec.type);
        const n = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value) ? Number(node.value) : NaN;
        if (Number.isNaN(n) || (spec.type === 'integer' && !Number.isInteger(n))) return this.wrong(node, path, spec.type);
        return this.allowed(node, n, spec, path);
      }
      case 'boolean': {
        if (node.kind !== 'scalar') return this.wrong(node, path, spec.type);
        const ok = typeof node.value === 'boolean' || (typeof node.value === 'string' && /^(true|false)$/i.test(node.value));
        if (!ok) this.wrong(node, path, spec.type);
        return;
      }
      case 'array':
        if (node.kind !== 'array') return this.wrong(node, path, spec.type);
        if (spec.items) node.items.forEach((item, i) => this.value(item, spec.items!, `${path}[${i}]`, anchor));
        return;
      case 'map':
        if (node.kind !== 'object') return this.wrong(node, path, spec.type);
        if (spec.items) for (const p of node.pairs) this.value(p.value, spec.items, `${path}.${p.key}`, p, globalsBelow(globals, p.key));
        return;
      case 'object': {
        if (node.kind !== 'object') return this.wrong(node, path, spec.type);
        const def = spec.ref ? this.defs?.[spec.ref] : undefined;
        if (def) this.object(node, def.properties, anchor, path, globals, def.additionalProperties);
        return;
      }
      case 'union':
        return this.union(node, spec.anyOf ?? [], path, anchor, globals);
      default:
        // tag, json, date-time: several shapes are valid, or the data does not say; skip.
        return;
    }
  }

  /**
   * A value that may take several shapes (SAM's CodeUri string or object, Policies, event sources…): accepted
   * when one alternative fits. Reported only when it is certain: no alternative has the value's kind, the one
   * alternative of its kind does not fit, or a discriminating property (an event's `Type`) names no alternative.
   */
  private union(node: Node, alternatives: readonly CfnPropertyType[], path: string, anchor: Pair | undefined, globals: GlobalsAt): void {
    if (alternatives.length === 0) return;
    const candidates = alternatives.filter((a) => kindFits(node, a));
    if (candidates.length === 0) return this.wrongLabel(node, path, labelOf(alternatives));
    if (candidates.some(isOpen)) return;
    if (node.kind === 'object') {
      const chosen = this.discriminate(node, candidates, path, anchor);
      if (chosen === 'reported') return;
      if (chosen) return this.value(node, chosen, path, anchor, globals);
    }
    if (candidates.length === 1) return this.value(node, candidates[0]!, path, anchor, globals);
    // Several alternatives have the value's kind and none fits: which one was meant is unknown, so accept.
    if (candidates.some((a) => this.fits(node, a, path, anchor, globals))) return;
  }

  /**
   * Among object alternatives, the one a required single-valued property (SAM's event `Type: SQS`) selects;
   * 'reported' when that property is missing or names none of them; undefined when there is no such property
   * or its value is not known.
   */
  private discriminate(node: ObjectNode, alternatives: readonly CfnPropertyType[], path: string, anchor: Pair | undefined): CfnPropertyType | 'reported' | undefined {
    const defs = alternatives.map((a) => (a.type === 'object' && a.ref ? this.defs?.[a.ref] : undefined));
    if (defs.length < 2 || defs.some((d) => !d)) return undefined;
    const pinned = (d: CfnDefinition | undefined, key: string) => {
      const p = d?.properties[key];
      return p?.required && p.enum?.length === 1 ? String(p.enum[0]) : undefined;
    };
    const key = Object.keys(defs[0]!.properties).find((k) => defs.every((d) => pinned(d, k) !== undefined));
    if (!key) return undefined;
    const pair = getPair(node, key);
    if (!pair) {
      if (node.pairs.some((p) => p.key.startsWith('Fn::'))) return undefined;
      this.report({ at: anchor ?? node, messageId: 'missingProperty', data: { owner: this.at(path), name: key, where: '' } });
      return 'reported';
    }
    if (pair.value.kind !== 'scalar' || pair.value.value === null) return undefined;
    const value = String(pair.value.value);
    const index = defs.findIndex((d) => pinned(d, key) === value);
    if (index >= 0) return alternatives[index];
    const allowed = defs.map((d) => pinned(d, key)!);
    const suggestion = didYouMean(value, allowed);
    this.report({
      at: pair.value,
      messageId: 'notAllowed',
      data: { path: this.at(path ? `${path}.${key}` : key), value, hint: suggestion ? ` Did you mean ${suggestion}?` : '', allowed: allowed.join(', ') },
    });
    return 'reported';
  }

  /** `pair` is where a missing property is reported: the object's own key (`Properties:`, `Code:`), or its list item. */
  object(node: ObjectNode, props: Props, pair: Pair | undefined, path: string, globals?: GlobalsAt, open?: boolean): void {
    const names = Object.keys(props);
    for (const p of node.pairs) {
      // Fn::ForEach::… keys and stray intrinsic keys are CloudFormation's business.
      if (p.key.startsWith('Fn::') || isIntrinsicName(p.key)) continue;
      if (!Object.prototype.hasOwnProperty.call(props, p.key)) {
        if (open) continue;
        const suggestion = didYouMean(p.key, names);
        this.report({
          at: p,
          messageId: 'unknownProperty',
          data: {
            owner: this.at(path),
            name: p.key,
            quote: this.service.unsupported(p.key),
            hint: suggestion ? ` Did you mean ${suggestion}?` : ` Remove it, or check the name in the ${this.type} reference.`,
          },
        });
        continue;
      }
      // A local path that `aws cloudformation package` / `sam package` uploads and replaces (Code: ./src).
      if (!path && p.value.kind === 'scalar' && typeof p.value.value === 'string' && isPackageableProperty(this.type, p.key)) continue;
      this.value(p.value, props[p.key]!, path ? `${path}.${p.key}` : p.key, p, globalsBelow(globals, p.key));
    }
    // Fn::Transform (AWS::Include) or Fn::ForEach may add the missing properties.
    if (!node.pairs.some((p) => p.key.startsWith('Fn::'))) this.missing(props, node, pair ?? node, path, globals);
  }

  /** Required properties absent from `obj`; those SAM's Globals supplies at the same place count as present. */
  missing(props: Props, obj: ObjectNode | undefined, at: Pair | Node, path: string, globals?: GlobalsAt): void {
    if (globals === 'unknown') return;
    for (const [name, prop] of Object.entries(props)) {
      if (prop.required && !getPair(obj, name) && !getPair(globals, name)) {
        this.report({ at, messageId: 'missingProperty', data: { owner: this.at(path), name, where: path ? '' : this.where(name) } });
      }
    }
  }

  private allowed(node: Node, value: string | number, spec: CfnPropertyType, path: string): void {
    const allowed = spec.enum;
    if (!allowed || allowed.length === 0) return;
    if (allowed.some((a) => String(a) === String(value))) return;
    const suggestion = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
    this.report({
      at: node,
      messageId: 'notAllowed',
      data: { path: this.at(path), value: String(value), hint: suggestion ? ` Did you mean ${suggestion}?` : '', allowed: allowed.join(', ') },
    });
  }

  private wrong(node: Node, path: string, expected: string): void {
    this.wrongLabel(node, path, TYPE_LABEL[expected] ?? expected);
  }

  private wrongLabel(node: Node, path: string, expected: string): void {
    this.report({ at: node, messageId: 'wrongType', data: { path: this.at(path), expected, actual: describe(node) } });
  }
}

function describe(node: Node): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'scalar':
      return typeof node.value === 'string' ? `the string "${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}"` : typeof node.value === 'boolean' ? `the boolean ${node.value}` : `the number ${String(node.value)}`;
    default:
      return 'an intrinsic function';
  }
}
