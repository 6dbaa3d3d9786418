import { LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/require-vpc-subnets-and-security-groups',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require both subnets and security groups in a Lambda VPC configuration',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
  },
  messages: {
    missing: '{key} sets {present} but no {missing}; Lambda needs both to attach the function to a VPC and rejects the configuration. Add {missing} (or remove both to run outside the VPC).',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const vpc = fn.vpc;
      if (!vpc || !vpc.subnetIds.known || !vpc.securityGroupIds.known) continue;
      const serverless = fn.shape === 'serverless';
      const names = { subnets: serverless ? 'subnetIds' : fn.raw.key('SubnetIds'), groups: serverless ? 'securityGroupIds' : fn.raw.key('SecurityGroupIds') };
      const hasSubnets = vpc.subnetIds.items.length > 0;
      const hasGroups = vpc.securityGroupIds.items.length > 0;
      // Both empty detaches the function from its VPC (update-function-configuration), which is valid.
      if (hasSubnets === hasGroups) continue;
      ctx.report({
        at: vpc.pair,
        messageId: 'missing',
        data: { key: vpc.pair.key, present: hasSubnets ? names.subnets : names.groups, missing: hasSubnets ? names.groups : names.subnets },
      });
    }
  },
});
