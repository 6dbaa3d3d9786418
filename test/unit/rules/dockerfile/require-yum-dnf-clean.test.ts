import rule from '../../../../server/src/core/rules/dockerfile/require-yum-dnf-clean';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'clean all', filename, code: 'FROM amazonlinux:2023\nRUN dnf install -y git && dnf clean all\n' },
    { name: 'cache removed', filename, code: 'FROM amazonlinux:2\nRUN yum install -y git && rm -rf /var/cache/yum\n' },
  ],
  invalid: [
    {
      name: 'yum without clean',
      filename,
      code: 'FROM amazonlinux:2\nRUN yum install -y git\n',
      errors: [{ messageId: 'noClean', line: 2, column: 9, endLine: 2, endColumn: 16, severity: 'info', message: /^yum install leaves .* \/var\/cache\/yum/ }],
    },
    {
      name: 'microdnf uses the dnf cache',
      filename,
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils\n',
      errors: [{ messageId: 'noClean', line: 2, column: 14, endLine: 2, endColumn: 21, message: /^microdnf install leaves .* \/var\/cache\/dnf.*microdnf clean all/ }],
    },
  ],
});
