import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';
import { outOfRange } from '../shared/range';
import { describeComputeBounds } from '../../facts/lambda';
import { boundsFor } from './shared/compute';

export default defineRule({
  id: 'lambda/valid-memory-size',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  owns: [
    { kind: 'lambda-function', path: 'MemorySize' },
    { resourceType: 'AWS::Lambda::Function', path: 'MemorySize' },
    { resourceType: 'AWS::Serverless::Function', path: 'MemorySize' },
  ],
  docs: {
    summary: `Require a Lambda memory size within its compute type's limits: ${describeComputeBounds((l) => l.memory, 'MB')}`,
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html',
  },
  messages: {
    outOfRange: '{key} {value} MB is outside what {compute} allows ({min}–{max} MB), so the deployment is rejected. Use a value from {min} to {max}; the nearest is {nearest}.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const key = keyOf(fn.memorySize, 'MemorySize');
      const { min, max, compute } = boundsFor(fn, (l) => l.memory);
      const out = outOfRange(fn.memorySize, min, max, key, ctx.text);
      if (out) ctx.report({ at: out.at, messageId: 'outOfRange', data: { key, value: out.at.value, compute, min, max, nearest: out.nearest }, fix: out.fix });
    }
  },
});
