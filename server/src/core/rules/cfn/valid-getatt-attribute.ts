import { attributesOf } from '../../facts/cfnResources';
import { didYouMean } from '../../schema/didYouMean';
import { referenceGraph } from '../../template/graph';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/valid-getatt-attribute',
  kinds: ['cloudformation'],
  unconditional: true,
  severity: 'error',
  docs: {
    summary: 'Require Fn::GetAtt to read an attribute the resource type has',
    concept: 'cloudformation-intrinsics',
    reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html',
  },
  messages: {
    unknownAttribute:
      '{type} has no attribute {attribute}, so CloudFormation rejects Fn::GetAtt {resource}.{attribute}.{hint} Its attributes are: {attributes}.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    const graph = referenceGraph(template, ctx.text);
    for (const ref of graph.references) {
      if ((ref.kind !== 'GetAtt' && ref.kind !== 'Sub') || ref.attribute === undefined) continue;
      // `!GetAtt MyFunction.DestinationQueue.Arn` reads the resource SAM generates (an AWS::SQS::Queue).
      const samGenerated = ref.targetKind === 'implicit' && ref.samProperty !== undefined ? ref.generatedType : undefined;
      if (ref.targetKind !== 'resource' && !samGenerated) continue;
      const type = template.resourcesById.get(ref.target)?.type;
      const typeName = samGenerated ?? (type?.known ? type.value : undefined);
      if (typeName === undefined) continue;
      const attributes = attributesOf(typeName);
      if (!attributes || attributes.length === 0 || attributes.includes(ref.attribute)) continue;
      const suggestion = didYouMean(ref.attribute, attributes);
      ctx.report({
        at: ref.attributeSpan ?? ref.span,
        messageId: 'unknownAttribute',
        data: {
          type: typeName,
          attribute: ref.attribute,
          resource: samGenerated ? `${ref.target}.${ref.samProperty}` : ref.target,
          hint: suggestion ? ` Did you mean ${suggestion}?` : '',
          attributes: attributes.join(', '),
        },
      });
    }
  },
});
