import { cfnTypeSpec, type CfnPropertySpec, type CfnPropertyType } from '../../facts/cfnResources';
import { getPair, isIntrinsicName, type Node, type ObjectNode, type Pair } from '../../parse/tree';
import { didYouMean } from '../../schema/didYouMean';
import { referenceGraph } from '../../template/graph';
import { defineRule } from '../defineRule';
import type { RuleContext } from '../types';

type Props = Readonly<Record<string, CfnPropertySpec>>;
type Defs = Readonly<Record<string, { readonly properties: Props }>> | undefined;
type MessageId = 'unknownProperty' | 'missingProperty' | 'wrongType' | 'notAllowed';

const TYPE_LABEL: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object (a map of properties)',
  array: 'a list',
  map: 'a map of keys to values',
};

export default defineRule({
  id: 'cfn/valid-resource-properties',
  kinds: ['cloudformation'],
  severity: 'error',
  docs: {
    summary: 'Require resource properties that match the CloudFormation resource schema',
    concept: 'cloudformation-intrinsics',
    awsDocs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
  },
  messages: {
    unknownProperty: '{owner} has no property {name}, so CloudFormation rejects the template ("Encountered unsupported property {name}").{hint}',
    missingProperty: '{owner} is missing the required property {name}, so CloudFormation rejects the resource. Add {name}.',
    wrongType: '{path} must be {expected}, but it is {actual}, so CloudFormation rejects the template. Write {expected} (or an intrinsic function that gives one).',
    notAllowed: '{path} is "{value}", which is not an allowed value, so CloudFormation rejects the template.{hint} Allowed: {allowed}.',
  },
  check(ctx) {
    const template = ctx.model.template;
    // A macro other than SAM may rewrite the resources: their final properties are unknown here.
    if (!template || !referenceGraph(template, ctx.text).closed) return;
    for (const resource of template.resources) {
      const type = resource.type;
      if (!type?.known) continue;
      // Custom, third-party and SAM types are not in the data: nothing to say about them.
      const spec = cfnTypeSpec(type.value);
      if (!spec) continue;
      const v = new Validator(ctx, spec.definitions, type.value, `${resource.logicalId} (${type.value})`);
      const propertiesPair = getPair(resource.node, 'Properties');
      if (!propertiesPair) v.missing(spec.properties, undefined, resource.pair, '');
      else if (propertiesPair.value.kind === 'object') v.object(propertiesPair.value, spec.properties, propertiesPair, '');
      else v.value(propertiesPair.value, { type: 'object' }, 'Properties', propertiesPair);
    }
  },
});

class Validator {
  constructor(
    private readonly ctx: RuleContext<MessageId>,
    private readonly defs: Defs,
    private readonly type: string,
    private readonly resource: string,
  ) {}

  /** "Code.S3Key in Fn (AWS::Lambda::Function)", or the resource alone for the Properties themselves. */
  private at(path: string): string {
    return path ? `${path} in ${this.resource}` : this.resource;
  }

  /** `anchor` is the nearest key above the value: where a property missing inside it is reported. */
  value(node: Node, spec: CfnPropertyType, path: string, anchor?: Pair): void {
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
        if (spec.items) for (const p of node.pairs) this.value(p.value, spec.items, `${path}.${p.key}`, p);
        return;
      case 'object': {
        if (node.kind !== 'object') return this.wrong(node, path, spec.type);
        const properties = spec.ref ? this.defs?.[spec.ref]?.properties : undefined;
        if (properties) this.object(node, properties, anchor, path);
        return;
      }
      default:
        // tag, json, union, date-time: several shapes are valid, or the data does not say; skip.
        return;
    }
  }

  /** `pair` is where a missing property is reported: the object's own key (`Properties:`, `Code:`), or its list item. */
  object(node: ObjectNode, props: Props, pair: Pair | undefined, path: string): void {
    const names = Object.keys(props);
    for (const p of node.pairs) {
      // Fn::ForEach::… keys and stray intrinsic keys are CloudFormation's business.
      if (p.key.startsWith('Fn::') || isIntrinsicName(p.key)) continue;
      if (!Object.prototype.hasOwnProperty.call(props, p.key)) {
        const suggestion = didYouMean(p.key, names);
        this.ctx.report({
          at: p,
          messageId: 'unknownProperty',
          data: { owner: this.at(path), name: p.key, hint: suggestion ? ` Did you mean ${suggestion}?` : ` Remove it, or check the name in the ${this.type} reference.` },
        });
        continue;
      }
      this.value(p.value, props[p.key]!, path ? `${path}.${p.key}` : p.key, p);
    }
    // Fn::Transform (AWS::Include) or Fn::ForEach may add the missing properties.
    if (!node.pairs.some((p) => p.key.startsWith('Fn::'))) this.missing(props, node, pair ?? node, path);
  }

  missing(props: Props, obj: ObjectNode | undefined, at: Pair | Node, path: string): void {
    for (const [name, prop] of Object.entries(props)) {
      if (prop.required && !getPair(obj, name)) this.ctx.report({ at, messageId: 'missingProperty', data: { owner: this.at(path), name } });
    }
  }

  private allowed(node: Node, value: string | number, spec: CfnPropertyType, path: string): void {
    const allowed = spec.enum;
    if (!allowed || allowed.length === 0) return;
    if (allowed.some((a) => String(a) === String(value))) return;
    const suggestion = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
    this.ctx.report({
      at: node,
      messageId: 'notAllowed',
      data: { path: this.at(path), value: String(value), hint: suggestion ? ` Did you mean ${suggestion}?` : '', allowed: allowed.join(', ') },
    });
  }

  private wrong(node: Node, path: string, expected: string): void {
    this.ctx.report({ at: node, messageId: 'wrongType', data: { path: this.at(path), expected: TYPE_LABEL[expected] ?? expected, actual: describe(node) } });
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
