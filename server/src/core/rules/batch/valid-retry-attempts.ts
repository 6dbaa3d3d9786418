import { BATCH_LIMITS } from '../../facts/batch';
import { replaceScalar } from '../../fix/edits';
import { BATCH_KINDS } from '../../model/batch';
import { defineRule } from '../defineRule';

const { attemptsMin: min, attemptsMax: max } = BATCH_LIMITS;

export default defineRule({
  id: 'batch/valid-retry-attempts',
  kinds: BATCH_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require retryStrategy.attempts between 1 and 10',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_RetryStrategy.html',
  },
  messages: {
    outOfRange: 'retryStrategy attempts {value} is outside 1–10, so RegisterJobDefinition rejects it. attempts counts every try (1 means no retry); use {nearest}.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      const a = job.retryAttempts;
      if (!a?.known || (a.value >= min && a.value <= max)) continue;
      const nearest = Math.min(max, Math.max(min, Math.round(a.value)));
      ctx.report({ at: a, messageId: 'outOfRange', data: { value: a.value, nearest }, fix: { title: `Set attempts to ${nearest}`, edits: [replaceScalar(ctx.text, a.node, nearest)] } });
    }
  },
});
