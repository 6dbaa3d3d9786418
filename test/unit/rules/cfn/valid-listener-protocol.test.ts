import rule from '../../../../server/src/core/rules/cfn/valid-listener-protocol';
import { runRuleTests } from '../../../helpers/ruleTester';
import { elb, tfElb, tfTwoSubnets, twoSubnets } from './elbshapes';

runRuleTests(rule, {
  valid: [
    { name: 'HTTP on an ALB', code: elb(twoSubnets, '      Port: 80\n      Protocol: HTTP') },
    { name: 'TCP on an NLB', code: elb('      Type: network\n      Subnets: [subnet-a]', '      Port: 8080\n      Protocol: TCP') },
    { name: 'type from a parameter is unknown', code: elb('      Type: !Ref LbType\n' + twoSubnets, '      Port: 80\n      Protocol: TCP') },
    { name: 'a load balancer outside the template', code: elb(twoSubnets, '      Port: 80\n      Protocol: TCP').replace('LoadBalancerArn: !Ref LB', 'LoadBalancerArn: !ImportValue shared-lb') },
    { name: 'Terraform: HTTP on an ALB', filename: 'main.tf', code: tfElb(tfTwoSubnets, '  port     = 80\n  protocol = "HTTP"') },
    { name: 'Terraform: TCP on an NLB', filename: 'main.tf', code: tfElb('  load_balancer_type = "network"\n  subnets            = ["subnet-a"]', '  port     = 8080\n  protocol = "TCP"') },
    { name: 'Terraform: a load balancer of another module', filename: 'main.tf', code: tfElb(tfTwoSubnets, '  port     = 8080\n  protocol = "TCP"').replace('aws_lb.main.arn', 'module.alb.arn') },
    { name: 'Terraform: a type from a variable without a value', filename: 'main.tf', code: tfElb('  load_balancer_type = var.type\n' + tfTwoSubnets, '  port     = 8080\n  protocol = "TCP"') },
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
    {
      name: 'Terraform: TCP on an ALB (the default type)',
      filename: 'main.tf',
      code: tfElb(tfTwoSubnets, '  port     = 8080\n  protocol = "TCP"'),
      errors: [
        {
          messageId: 'wrongProtocol',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 19,
          message:
            'Listener protocol TCP does not exist on an Application Load Balancer (aws_lb.main), which supports HTTP, HTTPS, so creating the listener fails. For plain TCP/UDP traffic use a Network Load Balancer (load_balancer_type: network); on an ALB use HTTP or HTTPS.',
          related: [{ line: 1, column: 19 }],
        },
      ],
    },
    {
      name: 'Terraform: HTTPS on an NLB declared in another file',
      filename: 'listener.tf',
      code: 'resource "aws_alb_listener" "front" {\n  load_balancer_arn = aws_alb.nlb.arn\n  port              = 443\n  protocol          = "HTTPS"\n}\n',
      workspace: [{ filename: 'lb.tf', code: 'resource "aws_alb" "nlb" {\n  load_balancer_type = "network"\n  subnets            = ["subnet-a"]\n}\n' }],
      errors: [{ messageId: 'wrongProtocol', line: 4, column: 23, endLine: 4, endColumn: 30, message: /on a Network Load Balancer \(aws_alb\.nlb\)/, related: [{ line: 1, column: 20, filename: 'lb.tf' }] }],
    },
  ],
});
