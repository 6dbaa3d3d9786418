import { LAMBDA_LIMITS } from '../../facts/lambda';
import { replaceScalar } from '../../fix/edits';
import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

const { ephemeralMin: min, ephemeralMax: max } = LAMBDA_LIMITS;

export default defineRule({
  id: 'lambda/valid-ephemeral-storage',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require a Lambda /tmp (ephemeral storage) size between 512 and 10,240 MB',
    concept: 'ephemeral-storage',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html',
  },
  messages: {
    outOfRange: '{key} {value} MB of /tmp is outside what Lambda allows ({min}–{max} MB), so the deployment is rejected. Use a value from {min} to {max}; the nearest is {nearest}.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const size = fn.ephemeralStorageSize;
      if (!size?.known || (size.value >= min && size.value <= max)) continue;
      const nearest = Math.min(max, Math.max(min, Math.round(size.value)));
      ctx.report({
        at: size,
        messageId: 'outOfRange',
        data: { key: keyOf(size, 'Size'), value: size.value, min, max, nearest },
        fix: { title: `Set ${keyOf(size, 'Size')} to ${nearest}`, edits: [replaceScalar(ctx.text, size.node, nearest)] },
      });
    }
  },
});
