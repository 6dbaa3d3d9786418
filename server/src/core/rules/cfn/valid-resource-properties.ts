import type { Template } from '../../model/template';
import { getValue, type Node, type Pair } from '../../parse/tree';
import { validateTemplateProperties } from '../../schema/cfnValidate';
import { referenceGraph } from '../../template/graph';
import { defineRule } from '../defineRule';
import type { RuleOwning } from '../types';

export default defineRule({
  id: 'cfn/valid-resource-properties',
  kinds: ['cloudformation'],
  severity: 'error',
  docs: {
    summary: 'Require resource properties that match the CloudFormation resource schema',
    concept: 'cloudformation-intrinsics',
    reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
  },
  messages: {
    unknownProperty: '{owner} has no property {name}, so {rejecter} rejects the template{quote}.{hint}',
    missingProperty: '{owner} is missing the required property {name}, so {rejecter} rejects the resource. Add {name}{where}.',
    wrongType: '{path} must be {expected}, but it is {actual}, so {rejecter} rejects the template. Write {expected} (or an intrinsic function that gives one).',
    notAllowed: '{path} is "{value}", which is not an allowed value, so {rejecter} rejects the template.{hint} Allowed: {allowed}.',
    unknownGlobalsSection: 'Globals has no section {name}, so the SAM transform rejects the template.{hint}',
    notInGlobals: 'Globals.{section} cannot set {name}, so the SAM transform rejects the template.{hint}',
  },
  check(ctx) {
    const template = ctx.model.template;
    // A macro other than SAM may rewrite the resources: their final properties are unknown here.
    if (!template || !referenceGraph(template, ctx.text).closed) return;
    for (const problem of validateTemplateProperties(template)) {
      // A value another rule judges in full (its `owns`): its allowed values are that rule's to report.
      if (problem.messageId === 'notAllowed' && ownedValue(ctx.ruleOwning, template, problem.at)) continue;
      ctx.report(problem);
    }
  },
});

/** Whether a rule owns this value: its resource's type and its path below Properties (rule.owns). */
function ownedValue(ruleOwning: RuleOwning, template: Template, at: Node | Pair): boolean {
  const node = at.kind === 'pair' ? at.value : at;
  const resource = template.resources.find((r) => r.node && within(node, r.node));
  const properties = getValue(resource?.node, 'Properties');
  const path = properties && pathTo(properties, node);
  return resource?.type?.known === true && path !== undefined && ruleOwning(resource.type.value, path) !== undefined;
}

/** The keys and indexes from `root` down to `target`, or undefined when `target` is not below it. */
function pathTo(root: Node, target: Node): (string | number)[] | undefined {
  if (root === target) return [];
  if (!within(target, root)) return undefined;
  if (root.kind === 'object') {
    for (const pair of root.pairs) {
      const rest = pathTo(pair.value, target);
      if (rest) return [pair.key, ...rest];
    }
  }
  if (root.kind === 'array') {
    for (const [i, item] of root.items.entries()) {
      const rest = pathTo(item, target);
      if (rest) return [i, ...rest];
    }
  }
  return undefined;
}

function within(inner: Node, outer: Node): boolean {
  return inner.span.start >= outer.span.start && inner.span.end <= outer.span.end;
}
