import { DEPRECATION_NOTICE_DAYS, runtimeLifecycle, type RuntimeLifecycle } from '../../facts/lambdaRuntimes';
import { replaceScalar } from '../../fix/edits';
import { LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';
import type { Fix } from '../../fix/types';

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export default defineRule({
  id: 'lambda/no-deprecated-runtime',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  severities: ['error', 'warning', 'info'],
  docs: {
    summary: 'Disallow Lambda runtimes that are deprecated or blocked, judged against today\'s date',
    concept: 'lambda-runtimes',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  messages: {
    updateBlocked:
      'Runtime {runtime} has been blocked for function updates since {updateBlock}: Lambda rejects creating or updating a function with it. Move to {successor}.',
    createBlocked:
      'Runtime {runtime} has been blocked for new functions since {createBlock}, and updates stop on {updateBlock}. Move to {successor}.',
    deprecated: 'Runtime {runtime} has been deprecated since {deprecated}: it no longer gets security patches, and new functions are blocked from {createBlock}. Move to {successor}.',
    deprecationSoon: 'Runtime {runtime} will be deprecated on {deprecated} ({days} days from now). Plan the move to {successor}.',
    unknownRuntime: 'Berth does not know runtime {runtime}, so it cannot check its lifecycle. If it is a new runtime, update Berth; otherwise check the name against the Lambda runtimes page.',
  },
  check(ctx) {
    const now = ctx.now.getTime();
    for (const fn of ctx.model.lambdaFunctions) {
      const runtime = fn.runtime;
      if (!runtime?.known || fn.isImage) continue;
      const life = runtimeLifecycle(runtime.value);
      if (!life) {
        ctx.report({ at: runtime, messageId: 'unknownRuntime', data: { runtime: runtime.value }, severity: 'info' });
        continue;
      }
      const data = {
        runtime: life.runtime,
        deprecated: life.deprecated ?? 'a date AWS has not announced',
        createBlock: life.createBlock ?? 'a date AWS has not announced',
        updateBlock: life.updateBlock ?? 'a date AWS has not announced',
        successor: life.successor ?? 'a newer runtime',
      };
      const fix = successorFix(life, (successor) => replaceScalar(ctx.text, runtime.node, successor));
      if (life.updateBlock && now >= time(life.updateBlock)) {
        ctx.report({ at: runtime, messageId: 'updateBlocked', data, fix, severity: 'error' });
      } else if (life.createBlock && now >= time(life.createBlock)) {
        // Only create-function input is known to create a function; a template may update an existing one.
        const creating = fn.shape === 'api' && fn.isCreate === true;
        ctx.report({ at: runtime, messageId: 'createBlocked', data, fix, severity: creating ? 'error' : 'warning' });
      } else if (life.deprecated === undefined) {
        // No deprecation announced (a runtime newer than the runtimes page): nothing to say.
      } else if (now >= time(life.deprecated)) {
        ctx.report({ at: runtime, messageId: 'deprecated', data, fix, severity: 'warning' });
      } else {
        const days = Math.ceil((time(life.deprecated) - now) / DAY);
        if (days <= DEPRECATION_NOTICE_DAYS) ctx.report({ at: runtime, messageId: 'deprecationSoon', data: { ...data, days }, fix, severity: 'info' });
      }
    }
  },
});

function successorFix(life: RuntimeLifecycle, edit: (successor: string) => Fix['edits'][number]): Fix | undefined {
  return life.successor ? { title: `Use runtime ${life.successor}`, edits: [edit(life.successor)] } : undefined;
}
