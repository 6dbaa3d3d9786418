import rule from '../../../../server/src/core/rules/cfn/valid-listener-protocol';
import { runRuleTests } from '../../../helpers/ruleTester';
import { elb, twoSubnets } from './elbshapes';

runRuleTests(rule, {
  valid: [
    { name: 'HTTP on an ALB', code: elb(twoSubnets, '      Port: 80\n      Protocol: HTTP') },
    { name: 'TCP on an NLB', code: elb('      Type: network\n      Subnets: [subnet-a]', '      Port: 8080\n      Protocol: TCP') },
    { name: 'type from a parameter is unknown', code: elb('      Type: !Ref LbType\n' + twoSubnets, '      Port: 80\n      Protocol: TCP') },
    { name: 'a load balancer outside the template', code: elb(twoSubnets, '      Port: 80\n      Protocol: TCP').replace('LoadBalancerArn: !Ref LB', 'LoadBalancerArn: !ImportValue shared-lb') },
  ],
  invalid: [
    {
      name: 'TCP on an ALB (the default type)',
      code: elb(twoSubnets, '      Port: 8080\n      Protocol: TCP'),
      errors: [{ messageId: 'wrongProtocol', line: 15, column: 17, endLine: 15, endColumn: 20, related: [{ line: 3, column: 3 }], message: /^Listener protocol TCP does not exist on an Application Load Balancer \(LB\), which supports HTTP, HTTPS.*Network Load Balancer/ }],
    },
    {
      name: 'HTTPS on an NLB',
      code: elb('      Type: network\n      Subnets: [subnet-a]', '      Port: 443\n      Protocol: HTTPS'),
      errors: [{ messageId: 'wrongProtocol', line: 16, column: 17, endLine: 16, endColumn: 22, message: /on a Network Load Balancer/ }],
    },
  ],
});
