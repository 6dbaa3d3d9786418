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
    { name: 'TLS with an empty list', code: elb("      Type: network\n      Subnets: [subnet-a]", '      Port: 443\n      Protocol: TLS\n      Certificates: []'), errors: [{ messageId: 'missingCertificate', line: 16, column: 17, endLine: 16, endColumn: 20 }] },
  ],
});
