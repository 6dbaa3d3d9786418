import { LISTENER_PROTOCOLS } from '../../facts/cfnElb';
import { listenerLoadBalancer, loadBalancerType } from '../../model/elb';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/valid-listener-protocol',
  kinds: ['cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require listener protocols that match the load balancer type (HTTP/HTTPS on an ALB, TCP/UDP/TLS on an NLB)',
    concept: 'elb-types-and-listeners',
    reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html',
  },
  messages: {
    wrongProtocol:
      'Listener protocol {protocol} does not exist on {article} {kind} ({loadBalancer}), which supports {allowed}, so creating the listener fails. {advice}',
  },
  check(ctx) {
    const elb = ctx.model.elb;
    if (!elb) return;
    for (const listener of elb.listeners) {
      const protocol = listener.protocol;
      if (!protocol?.known) continue;
      const lb = listenerLoadBalancer(elb, listener);
      const type = lb ? loadBalancerType(lb) : undefined;
      if (!lb || (type !== 'application' && type !== 'network')) continue;
      const allowed = LISTENER_PROTOCOLS[type];
      if (allowed.includes(protocol.value)) continue;
      const advice =
        type === 'application'
          ? `For plain TCP/UDP traffic use a Network Load Balancer (${lb.raw.key('type')}: network); on an ALB use HTTP or HTTPS.`
          : 'For HTTP routing use an Application Load Balancer; on an NLB use TCP, or TLS for TLS termination.';
      ctx.report({
        at: protocol,
        messageId: 'wrongProtocol',
        data: {
          protocol: protocol.value,
          article: type === 'application' ? 'an' : 'a',
          kind: type === 'application' ? 'Application Load Balancer' : 'Network Load Balancer',
          loadBalancer: lb.logicalId,
          allowed: allowed.join(', '),
          advice,
        },
        related: [{ at: lb.anchor, message: `${lb.logicalId} is ${type === 'application' ? 'an Application' : 'a Network'} Load Balancer` }],
      });
    }
  },
});
