import { BATCH_LIMITS } from '../../facts/batch';
import { BATCH_KINDS } from '../../model/batch';
import { defineRule } from '../defineRule';
import { outOfRange } from '../shared/range';

const { attemptsMin: min, attemptsMax: max } = BATCH_LIMITS;

export default defineRule({
  id: 'batch/valid-retry-attempts',
  kinds: BATCH_KINDS,
  severity: 'error',
  owns: [
    { kind: 'batch-job-definition', path: 'retryStrategy.attempts' },
    { resourceType: 'AWS::Batch::JobDefinition', path: 'RetryStrategy.Attempts' },
  ],
  docs: {
    summary: 'Require retryStrategy.attempts between 1 and 10',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_RetryStrategy.html',
  },
  messages: {
    outOfRange: '{key} {value} is outside 1–10, so RegisterJobDefinition rejects it. {attempts} counts every try (1 means no retry); use {nearest}.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      const attempts = job.retryAttempts?.pair?.key ?? 'attempts';
      const out = outOfRange(job.retryAttempts, min, max, attempts, ctx.text);
      // retryStrategy attempts, RetryStrategy Attempts, retry_strategy attempts: as written.
      const key = `${job.raw.key('retryStrategy')} ${attempts}`;
      if (out) ctx.report({ at: out.at, messageId: 'outOfRange', data: { key, attempts, value: out.at.value, nearest: out.nearest }, fix: out.fix });
    }
  },
});
