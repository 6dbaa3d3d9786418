import { LAMBDA_LIMITS, SQS_DEFAULT_VISIBILITY_TIMEOUT, SQS_VISIBILITY_TIMEOUT_FACTOR, SQS_VISIBILITY_TIMEOUT_MAX } from '../../facts/lambda';
import { replaceScalar } from '../../fix/edits';
import { functionLabel, keyOf } from '../../model/lambda';
import { eventSourceLinks } from '../../template/lambdaLinks';
import { resolveValue } from '../../template/resolve';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-sqs-visibility-timeout',
  kinds: ['cloudformation'],
  severity: 'error',
  severities: ['error', 'info'],
  docs: {
    summary: 'Require an SQS queue visibility timeout that covers the timeout of the function it triggers',
    concept: 'sqs-lambda-visibility-timeout',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
  },
  messages: {
    belowTimeout:
      'Queue {queue} has a visibility timeout of {visibility} s{defaulted}, shorter than the {timeout} s timeout of {name}, which it triggers. Lambda rejects the event source mapping: a message would become visible to other pollers while the function is still working on it. Set VisibilityTimeout to at least {timeout} s; AWS recommends {recommended} s, six times the function timeout.',
    belowRecommended:
      'Queue {queue} has a visibility timeout of {visibility} s{defaulted}, less than six times the {timeout} s timeout of {name} ({recommended} s), which AWS recommends for a Lambda event source: when the function is throttled or retried, messages reappear and are received again (or reach the dead-letter queue) before they are processed. Set VisibilityTimeout to {recommended}.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const link of eventSourceLinks(ctx.model.lambdaFunctions, template, ctx.text)) {
      const queue = link.sourceResource;
      const fn = link.fn;
      if (!fn || !queue?.type?.known || queue.type.value !== 'AWS::SQS::Queue') continue;
      if (fn.timeout && !fn.timeout.known) continue;
      const timeout = fn.timeout?.known ? fn.timeout.value : LAMBDA_LIMITS.timeoutDefault;
      const visibilityPair = queue.properties?.pair('VisibilityTimeout');
      let visibility: number = SQS_DEFAULT_VISIBILITY_TIMEOUT;
      if (visibilityPair) {
        const r = resolveValue(template, visibilityPair.value);
        if (r.kind !== 'known' || r.assumedDefault || r.noValue) continue;
        const n = typeof r.value === 'number' ? r.value : typeof r.value === 'string' && /^\d+$/.test(r.value) ? Number(r.value) : NaN;
        if (!Number.isFinite(n)) continue;
        visibility = n;
      }
      const recommended = Math.min(timeout * SQS_VISIBILITY_TIMEOUT_FACTOR, SQS_VISIBILITY_TIMEOUT_MAX);
      const messageId = visibility < timeout ? 'belowTimeout' : visibility < recommended ? 'belowRecommended' : undefined;
      if (!messageId) continue;
      const literal = visibilityPair?.value.kind === 'scalar' ? visibilityPair.value : undefined;
      ctx.report({
        at: visibilityPair ? visibilityPair.value : queue.pair,
        messageId,
        severity: messageId === 'belowTimeout' ? 'error' : 'info',
        data: {
          queue: queue.logicalId,
          visibility,
          defaulted: visibilityPair ? '' : ' (the default: VisibilityTimeout is not set)',
          timeout,
          name: functionLabel(fn),
          recommended,
        },
        fix: literal ? { title: `Set VisibilityTimeout to ${recommended}`, edits: [replaceScalar(ctx.text, literal, recommended)] } : undefined,
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
