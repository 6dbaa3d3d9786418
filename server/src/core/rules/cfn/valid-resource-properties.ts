import { validateTemplateProperties } from '../../schema/cfnValidate';
import { referenceGraph } from '../../template/graph';
import { defineRule } from '../defineRule';

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
    for (const problem of validateTemplateProperties(template)) ctx.report(problem);
  },
});
