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
      'Runtime {runtime} has been blocked for new functions since {createBlock}, and this create-function input creates one, so Lambda rejects it. Updates of existing functions stop on {updateBlock}. Move to {successor}.',
    createBlockedUpdate:
      'Runtime {runtime} has been blocked for new functions since {createBlock}; this input updates an existing function, which Lambda allows until {updateBlock}. Move to {successor}.',
    createBlockedMayCreate:
      'Runtime {runtime} has been blocked for new functions since {createBlock}: where this deploy creates the function (a new stack, stage or environment), Lambda rejects it; where it updates an existing one, that works until {updateBlock}. Move to {successor}.',
    deprecated: 'Runtime {runtime} has been deprecated since {deprecated}: it no longer gets security patches, and new functions are blocked from {createBlock}. Move to {successor}.',
    deprecationSoon: 'Runtime {runtime} will be deprecated on {deprecated} ({days} days from now). Plan the move to {successor}.',
    unknownRuntime: 'Berth does not know runtime {runtime}, so it cannot check its lifecycle. If it is a new runtime, update Berth; otherwise check the name against the Lambda runtimes page.',
  },
  check(ctx) {
    const now = ctx.now.getTime();
    for (const fn of ctx.model.lambdaFunctions) {
      const runtime = fn.runtime;
      // A runtime that is not a string is the schema's to report (wrong type), not a runtime Berth does not know.
      if (!runtime?.known || fn.isImage || runtime.node.kind !== 'scalar' || typeof runtime.node.value !== 'string') continue;
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
        // What the file does decides: create-function input creates (rejected); update-function-configuration input
        // updates (allowed until the update block); a template or serverless.yml creates or updates, which Berth cannot tell.
        if (fn.shape === 'api') ctx.report({ at: runtime, messageId: fn.isCreate ? 'createBlocked' : 'createBlockedUpdate', data, fix, severity: fn.isCreate ? 'error' : 'warning' });
        else ctx.report({ at: runtime, messageId: 'createBlockedMayCreate', data, fix, severity: 'warning' });
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
