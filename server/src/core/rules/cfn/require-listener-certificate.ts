import { PROTOCOLS_NEEDING_CERTIFICATE } from '../../facts/cfnElb';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/require-listener-certificate',
  kinds: ['cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require a certificate on HTTPS and TLS listeners',
    concept: 'elb-types-and-listeners',
    reference: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html',
  },
  messages: {
    missingCertificate:
      'This {protocol} listener has no {certificates}, so Elastic Load Balancing rejects it (a certificate is required for HTTPS and TLS). Add {certificates} with the ARN of an ACM certificate for your domain, or use HTTP/TCP.',
  },
  check(ctx) {
    for (const listener of ctx.model.elb?.listeners ?? []) {
      const protocol = listener.protocol;
      if (!protocol?.known || !PROTOCOLS_NEEDING_CERTIFICATE.includes(protocol.value) || listener.hasCertificate) continue;
      ctx.report({ at: protocol, messageId: 'missingCertificate', data: { protocol: protocol.value, certificates: listener.certificateKey } });
    }
  },
});
