import { PROTOCOLS_NEEDING_CERTIFICATE } from '../../facts/cfnElb';
import { resourcesOfType } from '../../model/template';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/require-listener-certificate',
  kinds: ['cloudformation'],
  severity: 'error',
  docs: {
    summary: 'Require a certificate on HTTPS and TLS listeners',
    concept: 'elb-types-and-listeners',
    reference: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html',
  },
  messages: {
    missingCertificate:
      'This {protocol} listener has no Certificates, so Elastic Load Balancing rejects it (a certificate is required for HTTPS and TLS). Add Certificates with the ARN of an ACM certificate for your domain, or use HTTP/TCP.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const listener of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener')) {
      const protocol = listener.properties?.str('Protocol');
      if (!protocol?.known || !PROTOCOLS_NEEDING_CERTIFICATE.includes(protocol.value)) continue;
      const certificates = listener.properties!.value('Certificates');
      if (certificates && !(certificates.kind === 'array' && certificates.items.length === 0)) continue;
      ctx.report({ at: protocol, messageId: 'missingCertificate', data: { protocol: protocol.value } });
    }
  },
});
