import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';
import { outOfRange } from '../shared/range';
import { describeComputeBounds } from '../../facts/lambda';
import { boundsFor } from './shared/compute';

export default defineRule({
  id: 'lambda/valid-ephemeral-storage',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  owns: [
    { kind: 'lambda-function', path: 'EphemeralStorage.Size' },
    { resourceType: 'AWS::Lambda::Function', path: 'EphemeralStorage.Size' },
    { resourceType: 'AWS::Serverless::Function', path: 'EphemeralStorage.Size' },
  ],
  docs: {
    summary: `Require a Lambda /tmp (ephemeral storage) size within its compute type's limits: ${describeComputeBounds((l) => l.ephemeral, 'MB')}`,
    concept: 'ephemeral-storage',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html',
  },
  messages: {
    outOfRange: '{key} {value} MB of /tmp is outside what {compute} allows ({min}–{max} MB), so the deployment is rejected. Use a value from {min} to {max}; the nearest is {nearest}.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const key = keyOf(fn.ephemeralStorageSize, 'Size');
      const { min, max, compute } = boundsFor(fn, (l) => l.ephemeral);
      const out = outOfRange(fn.ephemeralStorageSize, min, max, key, ctx.text);
      if (out) ctx.report({ at: out.at, messageId: 'outOfRange', data: { key, value: out.at.value, compute, min, max, nearest: out.nearest }, fix: out.fix });
    }
  },
});
