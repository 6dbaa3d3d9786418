import { LAMBDA_LIMITS, SQS_DEFAULT_VISIBILITY_TIMEOUT, SQS_VISIBILITY_TIMEOUT_FACTOR, SQS_VISIBILITY_TIMEOUT_MAX } from '../../facts/lambda';
import { replaceScalar } from '../../fix/edits';
import { functionLabel, keyOf } from '../../model/lambda';
import { lambdaLinksOf } from '../../model/lambdaLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-sqs-visibility-timeout',
  kinds: ['cloudformation', 'terraform'],
  severity: 'error',
  severities: ['error', 'info'],
  docs: {
    summary: 'Require an SQS queue visibility timeout that covers the timeout of the function it triggers',
    concept: 'sqs-lambda-visibility-timeout',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
  },
  messages: {
    belowTimeout:
      'Queue {queue} has a visibility timeout of {visibility} s{defaulted}, shorter than the {timeout} s timeout of {name}, which it triggers. Lambda rejects the event source mapping: a message would become visible to other pollers while the function is still working on it. Set {key} to at least {timeout} s; AWS recommends {recommended} s, six times the function timeout.',
    belowRecommended:
      'Queue {queue} has a visibility timeout of {visibility} s{defaulted}, less than six times the {timeout} s timeout of {name} ({recommended} s), which AWS recommends for a Lambda event source: when the function is throttled or retried, messages reappear and are received again (or reach the dead-letter queue) before they are processed. Set {key} to {recommended}.',
  },
  check(ctx) {
    for (const link of lambdaLinksOf(ctx.model).eventSources) {
      const { queue, fn } = link;
      if (!fn || !queue) continue;
      if (fn.timeout && !fn.timeout.known) continue;
      const timeout = fn.timeout?.known ? fn.timeout.value : LAMBDA_LIMITS.timeoutDefault;
      const written = queue.visibilityTimeout;
      if (written && !written.known) continue;
      const visibility = written?.known ? written.value : SQS_DEFAULT_VISIBILITY_TIMEOUT;
      const recommended = Math.min(timeout * SQS_VISIBILITY_TIMEOUT_FACTOR, SQS_VISIBILITY_TIMEOUT_MAX);
      const messageId = visibility < timeout ? 'belowTimeout' : visibility < recommended ? 'belowRecommended' : undefined;
      if (!messageId) continue;
      const key = keyOf(written, queue.visibilityTimeoutKey);
      ctx.report({
        at: written ? written.node : queue.anchor,
        messageId,
        severity: messageId === 'belowTimeout' ? 'error' : 'info',
        data: {
          queue: queue.label,
          visibility,
          defaulted: written ? '' : ` (the default: ${key} is not set)`,
          key,
          timeout,
          name: functionLabel(fn),
          recommended,
        },
        // A value resolved from something other than a literal (a mapping, a condition) is not rewritten.
        fix: written?.node.kind === 'scalar' ? { title: `Set ${key} to ${recommended}`, edits: [replaceScalar(ctx.text, written.node, recommended)] } : undefined,
        related: [
          fn.timeout
            ? { at: fn.timeout, message: `${keyOf(fn.timeout, 'Timeout')} of ${functionLabel(fn)}: ${timeout} s` }
            : { at: fn.anchor, message: `${functionLabel(fn)} has the default timeout of ${timeout} s` },
          { at: link.at, message: 'The event source that connects them' },
        ],
      });
    }
  },
});
