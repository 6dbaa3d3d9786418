import { BATCHING_WINDOW_MAX_SECONDS, BATCH_SIZE_MAX, BATCH_SIZE_MIN, EVENT_SOURCE_LABEL, SQS_BATCH_SIZE_WITHOUT_WINDOW } from '../../facts/lambda';
import { replaceScalar } from '../../fix/edits';
import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { lambdaLinksOf } from '../../model/lambdaLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-batch-size',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require an event source mapping BatchSize within the limit of its source',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html#lambda-CreateEventSourceMapping-request-BatchSize',
  },
  messages: {
    overMax: '{key} {value} is over the maximum of {max} for {source}, so Lambda rejects the event source mapping. Use {max} or less.',
    belowMin: '{key} {value} is below {min}, so Lambda rejects the event source mapping. Use a batch size of {min} or more.',
    windowRequired:
      '{key} {value} is over {threshold}, and for an SQS queue Lambda then requires a batching window: without {windowKey} of at least 1 s the event source mapping is rejected. Set {windowKey} (1–{windowMax} s), or use a {key} of {threshold} or less.',
  },
  check(ctx) {
    for (const link of lambdaLinksOf(ctx.model).eventSources) {
      const size = link.batchSize;
      if (!size?.known) continue;
      const key = keyOf(size, 'BatchSize');
      if (size.value < BATCH_SIZE_MIN) {
        ctx.report({ at: size, messageId: 'belowMin', data: { key, value: size.value, min: BATCH_SIZE_MIN } });
        continue;
      }
      if (!link.kind) continue;
      const max = BATCH_SIZE_MAX[link.kind];
      if (size.value > max) {
        ctx.report({
          at: size,
          messageId: 'overMax',
          data: { key, value: size.value, max, source: EVENT_SOURCE_LABEL[link.kind] },
          fix: { title: `Set ${key} to ${max}`, edits: [replaceScalar(ctx.text, size.node, max)] },
        });
        continue;
      }
      if (link.kind === 'sqs' && size.value > SQS_BATCH_SIZE_WITHOUT_WINDOW) {
        const window = link.batchingWindow;
        if (window && (!window.known || window.value >= 1)) continue;
        ctx.report({ at: size, messageId: 'windowRequired', data: { key, value: size.value, threshold: SQS_BATCH_SIZE_WITHOUT_WINDOW, windowKey: link.batchingWindowKey, windowMax: BATCHING_WINDOW_MAX_SECONDS } });
      }
    }
  },
});
