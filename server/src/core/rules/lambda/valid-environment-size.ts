import { LAMBDA_LIMITS } from '../../facts/lambda';
import { functionLabel, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';
import { utf8Length } from '../../text/utf8';

export default defineRule({
  id: 'lambda/valid-environment-size',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require Lambda environment variables to fit in 4 KB',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  },
  messages: {
    tooLarge:
      'The environment variables of {name} take {size} bytes (keys plus values), over Lambda\'s 4 KB ({max} bytes) limit, so the deployment is rejected. Move large values to SSM Parameter Store or Secrets Manager and read them at start-up.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      if (!fn.environmentPair || fn.environment.length === 0) continue;
      // Values given by intrinsics count as empty: a known total over the limit is over whatever they resolve to.
      const size = fn.environment.reduce((sum, e) => sum + utf8Length(e.name) + (e.value.known ? utf8Length(e.value.value) : 0), 0);
      if (size <= LAMBDA_LIMITS.environmentBytes) continue;
      ctx.report({ at: fn.environmentPair, messageId: 'tooLarge', data: { name: functionLabel(fn), size, max: LAMBDA_LIMITS.environmentBytes } });
    }
  },
});
