import rule from '../../../../server/src/core/rules/cfn/require-listener-certificate';
import { runRuleTests } from '../../../helpers/ruleTester';
import { elb, twoSubnets } from './elbshapes';

runRuleTests(rule, {
  valid: [
    { name: 'HTTPS with a certificate', code: elb(twoSubnets, '      Port: 443\n      Protocol: HTTPS\n      Certificates:\n        - CertificateArn: !Ref Cert') },
    { name: 'HTTP', code: elb(twoSubnets, '      Port: 80\n      Protocol: HTTP') },
    { name: 'protocol from a parameter', code: elb(twoSubnets, '      Port: 443\n      Protocol: !Ref Proto') },
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
    { name: 'TLS with an empty list', code: elb("      Type: network\n      Subnets: [subnet-a]", '      Port: 443\n      Protocol: TLS\n      Certificates: []'), errors: [{ messageId: 'missingCertificate', line: 16, column: 17, endLine: 16, endColumn: 20 }] },
  ],
});
