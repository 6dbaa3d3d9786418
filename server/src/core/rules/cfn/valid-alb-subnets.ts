import { ALB_MIN_SUBNETS } from '../../facts/cfnElb';
import { loadBalancerType } from '../../model/elb';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/valid-alb-subnets',
  kinds: ['cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require at least two subnets (Availability Zones) for an Application Load Balancer',
    concept: 'elb-types-and-listeners',
    reference: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html',
  },
  messages: {
    tooFewSubnets:
      'This Application Load Balancer lists {count} subnet(s); an ALB needs subnets in at least {min} Availability Zones, so creating it fails. Add a subnet in a second Availability Zone (or use a Network Load Balancer, which accepts one).',
  },
  check(ctx) {
    for (const lb of ctx.model.elb?.loadBalancers ?? []) {
      if (loadBalancerType(lb) !== 'application') continue;
      for (const list of lb.subnetLists) {
        if (list.count < ALB_MIN_SUBNETS) ctx.report({ at: list.at, messageId: 'tooFewSubnets', data: { count: list.count, min: ALB_MIN_SUBNETS } });
      }
    }
  },
});
