import { LAMBDA_LIMITS } from '../../facts/lambda';
import { replaceScalar } from '../../fix/edits';
import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

const { memoryMin: min, memoryMax: max } = LAMBDA_LIMITS;

export default defineRule({
  id: 'lambda/valid-memory-size',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require a Lambda memory size between 128 and 10,240 MB',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html',
  },
  messages: {
    outOfRange: '{key} {value} MB is outside what Lambda allows ({min}–{max} MB), so the deployment is rejected. Use a value from {min} to {max}; the nearest is {nearest}.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const memory = fn.memorySize;
      if (!memory?.known || (memory.value >= min && memory.value <= max)) continue;
      const nearest = Math.min(max, Math.max(min, Math.round(memory.value)));
      ctx.report({
        at: memory,
        messageId: 'outOfRange',
        data: { key: keyOf(memory, 'MemorySize'), value: memory.value, min, max, nearest },
        fix: { title: `Set ${keyOf(memory, 'MemorySize')} to ${nearest}`, edits: [replaceScalar(ctx.text, memory.node, nearest)] },
      });
    }
  },
});
