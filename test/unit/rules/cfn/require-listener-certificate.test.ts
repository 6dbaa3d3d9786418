import rule from '../../../../server/src/core/rules/cfn/require-listener-certificate';
import { runRuleTests } from '../../../helpers/ruleTester';
import { elb, tfElb, tfTwoSubnets, twoSubnets } from './elbshapes';

runRuleTests(rule, {
  valid: [
    { name: 'HTTPS with a certificate', code: elb(twoSubnets, '      Port: 443\n      Protocol: HTTPS\n      Certificates:\n        - CertificateArn: !Ref Cert') },
    { name: 'HTTP', code: elb(twoSubnets, '      Port: 80\n      Protocol: HTTP') },
    { name: 'protocol from a parameter', code: elb(twoSubnets, '      Port: 443\n      Protocol: !Ref Proto') },
    { name: 'Terraform: HTTPS with certificate_arn', filename: 'main.tf', code: tfElb(tfTwoSubnets, '  port            = 443\n  protocol        = "HTTPS"\n  certificate_arn = aws_acm_certificate.site.arn') },
    { name: 'Terraform: HTTP (the default protocol of an ALB listener)', filename: 'main.tf', code: tfElb(tfTwoSubnets, '  port = 80') },
    { name: 'Terraform: the protocol from a variable without a value', filename: 'main.tf', code: tfElb(tfTwoSubnets, '  port     = 443\n  protocol = var.protocol') + 'variable "protocol" {}\n' },
    { name: 'Terraform: the certificate from a variable without a value', filename: 'main.tf', code: tfElb(tfTwoSubnets, '  port            = 443\n  protocol        = "HTTPS"\n  certificate_arn = var.certificate') + 'variable "certificate" {}\n' },
  ],
  invalid: [
    { name: 'HTTPS without', code: elb(twoSubnets, '      Port: 443\n      Protocol: HTTPS'), errors: [{ messageId: 'missingCertificate', line: 15, column: 17, endLine: 15, endColumn: 22 }] },
    {
      name: 'a listener under a Condition (rendered Copilot stacks): a warning that says so',
      code: elb(twoSubnets, '      Port: 443\n      Protocol: HTTPS').replace('    Type: AWS::ElasticLoadBalancingV2::Listener\n', '    Type: AWS::ElasticLoadBalancingV2::Listener\n    Condition: ExportHTTPS\n'),
      errors: [
        {
          messageId: 'missingCertificate',
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 22,
          severity: 'warning',
          message:
            'This HTTPS listener has no Certificates, so Elastic Load Balancing rejects it (a certificate is required for HTTPS and TLS). Add Certificates with the ARN of an ACM certificate for your domain, or use HTTP/TCP. Listener is created only when its condition ExportHTTPS holds, which Berth cannot tell; while it does not, the template deploys as written, so this is a warning.',
          related: [{ line: 9, column: 16 }],
        },
      ],
    },
    {
      name: 'a user-set severity stays, and the message still names the condition',
      code: elb(twoSubnets, '      Port: 443\n      Protocol: HTTPS').replace('    Type: AWS::ElasticLoadBalancingV2::Listener\n', '    Type: AWS::ElasticLoadBalancingV2::Listener\n    Condition: ExportHTTPS\n'),
      settings: { rules: { 'cfn/require-listener-certificate': 'error' } },
      errors: [{ messageId: 'missingCertificate', line: 16, column: 17, endLine: 16, endColumn: 22, severity: 'error', message: /Listener is created only when its condition ExportHTTPS holds, which Berth cannot tell; while it does not, the template deploys as written\.$/ }],
    },
    {
      name: 'Terraform: HTTPS without certificate_arn',
      filename: 'main.tf',
      code: tfElb(tfTwoSubnets, '  port     = 443\n  protocol = "HTTPS"'),
      errors: [
        {
          messageId: 'missingCertificate',
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 21,
          severity: 'error',
          message: 'This HTTPS listener has no certificate_arn, so Elastic Load Balancing rejects it (a certificate is required for HTTPS and TLS). Add certificate_arn with the ARN of an ACM certificate for your domain, or use HTTP/TCP.',
        },
      ],
    },
    {
      name: 'Terraform: TLS with certificate_arn = null, the listener in its own file',
      filename: 'listener.tf',
      code: 'resource "aws_lb_listener" "tls" {\n  load_balancer_arn = aws_lb.nlb.arn\n  port              = 443\n  protocol          = "TLS"\n  certificate_arn   = null\n}\n',
      workspace: [{ filename: 'lb.tf', code: 'resource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n  subnets            = ["subnet-a"]\n}\n' }],
      errors: [{ messageId: 'missingCertificate', line: 4, column: 23, endLine: 4, endColumn: 28 }],
    },
    {
      name: 'Terraform: the protocol comes from a variable default: reported at its use, with the value\'s place',
      filename: 'main.tf',
      code: tfElb(tfTwoSubnets, '  port     = 443\n  protocol = var.protocol') + 'variable "protocol" {\n  default = "HTTPS"\n}\n',
      errors: [{ messageId: 'missingCertificate', line: 8, column: 14, endLine: 8, endColumn: 26, related: [{ line: 15, column: 13 }] }],
    },
    { name: 'TLS with an empty list', code: elb("      Type: network\n      Subnets: [subnet-a]", '      Port: 443\n      Protocol: TLS\n      Certificates: []'), errors: [{ messageId: 'missingCertificate', line: 16, column: 17, endLine: 16, endColumn: 20 }] },
  ],
});
