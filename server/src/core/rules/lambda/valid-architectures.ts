import { ARCHITECTURES } from '../../facts/lambda';
import { LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-architectures',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  owns: [
    { kind: 'lambda-function', path: 'Architectures' },
    { resourceType: 'AWS::Lambda::Function', path: 'Architectures' },
    { resourceType: 'AWS::Serverless::Function', path: 'Architectures' },
    { kind: 'lambda-function', path: 'Architectures.*' },
    { resourceType: 'AWS::Lambda::Function', path: 'Architectures.*' },
    { resourceType: 'AWS::Serverless::Function', path: 'Architectures.*' },
  ],
  docs: {
    summary: 'Require exactly one Lambda architecture, x86_64 or arm64',
    concept: 'cpu-architecture',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html',
  },
  messages: {
    count: '{key} lists {count} architectures, but a Lambda function runs on exactly one, so the deployment is rejected. Keep either x86_64 or arm64.',
    unknown: 'Lambda has no architecture "{value}"; it accepts x86_64 or arm64 only. Use one of those.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const pair = fn.architecturesPair;
      if (!pair) continue;
      if (fn.shape !== 'serverless' && pair.value.kind === 'array' && fn.architectures.length !== 1) {
        ctx.report({ at: pair, messageId: 'count', data: { key: pair.key, count: fn.architectures.length } });
      }
      for (const arch of fn.architectures) {
        if (arch.known && !ARCHITECTURES.includes(arch.value)) ctx.report({ at: arch, messageId: 'unknown', data: { value: arch.value } });
      }
    }
  },
});
