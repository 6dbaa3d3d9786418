import { describeSnapStartRuntimes, snapStartSupported } from '../../facts/lambda';
import { LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-snapstart-runtime',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require a runtime that supports SnapStart when SnapStart is on',
    concept: 'lambda-runtimes',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html',
  },
  messages: {
    unsupported:
      'SnapStart is on, but runtime {runtime} does not support it (SnapStart works with {supported}), so Lambda rejects the function. Turn SnapStart off or move to a runtime that supports it.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const snap = fn.snapStart;
      const runtime = fn.runtime;
      if (!snap?.known || snap.value !== 'PublishedVersions' || !runtime?.known || fn.isImage) continue;
      if (snapStartSupported(runtime.value)) continue;
      ctx.report({ at: snap, messageId: 'unsupported', data: { runtime: runtime.value, supported: describeSnapStartRuntimes() }, related: [{ at: runtime, message: `Runtime ${runtime.value}` }] });
    }
  },
});
