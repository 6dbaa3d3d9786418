import { samReferableProperties } from '../../facts/samReferences';
import { didYouMean } from '../../schema/didYouMean';
import { PSEUDO_PARAMETERS } from '../../facts/cloudformation';
import { referenceGraph, type Reference } from '../../template/graph';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/valid-references',
  kinds: ['cloudformation'],
  unconditional: true,
  severity: 'error',
  docs: {
    summary: 'Require Ref, GetAtt, Sub, DependsOn and Condition references to name something the template defines',
    concept: 'cloudformation-intrinsics',
    reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html',
  },
  messages: {
    missingRef:
      'Ref {name} names no resource, parameter or pseudo-parameter in this template, so CloudFormation rejects the template (unresolved resource dependency).{hint} Define {name} under Resources or Parameters, or correct the name.',
    missingGetAtt:
      'Fn::GetAtt {name} names no resource in this template, so CloudFormation rejects the template.{hint} GetAtt reads an attribute of a resource defined under Resources; correct the logical id.',
    missingSub:
      'Fn::Sub variable {name} names no resource, parameter or pseudo-parameter, and the Sub has no variable map entry for it, so CloudFormation rejects the template.{hint} Correct the name or add it to the Sub variable map; to keep the text literal, put ! right after the opening brace.',
    missingDependsOn: 'DependsOn names {name}, which is not a resource in this template, so CloudFormation rejects the template.{hint} Correct the logical id or remove it.',
    missingCondition: 'Condition {name} is not defined under Conditions, so CloudFormation rejects the template.{hint} Define it or correct the name.',
    unknownSamProperty:
      '{name}: {resource} is an {type}, and SAM resolves only these of its properties: {properties}. SAM leaves {name} as written, so CloudFormation rejects the template (unresolved resource dependency).{hint} Use one of those properties, or Fn::GetAtt {resource}.<Attribute> for an attribute.',
    samPropertyNotGenerated:
      '{name} names the {generatedType} SAM creates for {resource} only when {requires} is set, and {resource} does not set it (nor does Globals), so SAM leaves {name} as written and CloudFormation rejects the template. Set {requires} on {resource}, or remove the reference.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    const graph = referenceGraph(template, ctx.text);
    // A macro (or Fn::ForEach) may add the names we cannot see: stay silent rather than guess.
    if (!graph.closed) return;
    const resourceIds = template.resources.map((r) => r.logicalId);
    const refNames = [...resourceIds, ...template.parameters.keys(), ...PSEUDO_PARAMETERS];
    for (const ref of graph.references) {
      if (ref.targetKind !== 'missing') continue;
      if (ref.samRequires !== undefined && ref.samProperty !== undefined) {
        ctx.report({
          at: ref.span,
          messageId: 'samPropertyNotGenerated',
          data: { name: `${ref.target}.${ref.samProperty}`, resource: ref.target, generatedType: ref.generatedType ?? 'resource', requires: ref.samRequires },
        });
        continue;
      }
      const dot = ref.kind === 'DependsOn' || ref.kind === 'Condition' ? -1 : ref.target.indexOf('.');
      const owner = dot > 0 ? template.resourcesById.get(ref.target.slice(0, dot)) : undefined;
      const ownerType = owner?.type?.known ? owner.type.value : undefined;
      const table = ownerType ? samReferableProperties(ownerType) : undefined;
      if (owner && ownerType && table) {
        const property = ref.target.slice(dot + 1).split('.')[0]!;
        const suggestion = didYouMean(property, Object.keys(table));
        ctx.report({
          at: ref.span,
          messageId: 'unknownSamProperty',
          data: { name: ref.target, resource: owner.logicalId, type: ownerType, properties: Object.keys(table).join(', '), hint: suggestion ? ` Did you mean ${owner.logicalId}.${suggestion}?` : '' },
        });
        continue;
      }
      if (owner && ref.kind === 'Ref') {
        const hint = ` Ref takes a logical id alone; to read an attribute use Fn::GetAtt ${ref.target}.`;
        ctx.report({ at: ref.span, messageId: 'missingRef', data: { name: ref.target, hint } });
        continue;
      }
      const candidates = ref.kind === 'Condition' ? [...template.conditions.keys()] : ref.kind === 'GetAtt' || ref.kind === 'DependsOn' ? resourceIds : refNames;
      const suggestion = didYouMean(ref.target, candidates);
      const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
      ctx.report({ at: ref.span, messageId: messageIdOf(ref), data: { name: ref.target, hint } });
    }
  },
});

function messageIdOf(ref: Reference): 'missingRef' | 'missingGetAtt' | 'missingSub' | 'missingDependsOn' | 'missingCondition' {
  switch (ref.kind) {
    case 'Ref':
      return 'missingRef';
    case 'GetAtt':
      return 'missingGetAtt';
    case 'Sub':
      return 'missingSub';
    case 'DependsOn':
      return 'missingDependsOn';
    case 'Condition':
      return 'missingCondition';
  }
}
