import { ALB_MIN_SUBNETS } from '../../facts/cfnElb';
import { resourcesOfType } from '../../model/template';
import { loadBalancerType } from '../../template/elb';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/valid-alb-subnets',
  kinds: ['cloudformation'],
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
    const template = ctx.model.template;
    if (!template) return;
    for (const lb of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      if (loadBalancerType(lb) !== 'application' || !lb.properties) continue;
      for (const name of ['Subnets', 'SubnetMappings']) {
        const pair = lb.properties.pair(name);
        // A list from a parameter or Fn::If is unknown; each item may itself be an intrinsic (still one subnet).
        if (!pair || pair.value.kind !== 'array') continue;
        if (pair.value.items.length < ALB_MIN_SUBNETS) {
          ctx.report({ at: pair.value.items.length ? pair.value : pair, messageId: 'tooFewSubnets', data: { count: pair.value.items.length, min: ALB_MIN_SUBNETS } });
        }
      }
    }
  },
});
