import { BATCH_LIMITS } from '../../facts/batch';
import { replaceScalar } from '../../fix/edits';
import { BATCH_KINDS } from '../../model/batch';
import { keyOf } from '../../model/located';
import { defineRule } from '../defineRule';

const min = BATCH_LIMITS.attemptDurationMin;

export default defineRule({
  id: 'batch/valid-attempt-duration',
  kinds: BATCH_KINDS,
  severity: 'error',
  owns: [
    { kind: 'batch-job-definition', path: 'timeout.attemptDurationSeconds' },
    { resourceType: 'AWS::Batch::JobDefinition', path: 'Timeout.AttemptDurationSeconds' },
  ],
  docs: {
    summary: 'Require a Batch job timeout (attemptDurationSeconds) of at least 60 seconds',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_JobTimeout.html',
  },
  messages: {
    tooShort: '{key} {value} is below the 60-second minimum, so RegisterJobDefinition rejects it. Use {min} or more; remember that a timed-out attempt is not retried.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      const d = job.attemptDurationSeconds;
      if (!d?.known || d.value >= min) continue;
      const key = keyOf(d, 'attemptDurationSeconds');
      ctx.report({ at: d, messageId: 'tooShort', data: { key, value: d.value, min }, fix: { title: `Set ${key} to ${min}`, edits: [replaceScalar(ctx.text, d.node, min)] } });
    }
  },
});
