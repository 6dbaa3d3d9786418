import { functionLabel, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/no-zero-reserved-concurrency',
  kinds: LAMBDA_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow a reserved concurrency of 0, which throttles every invocation',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  },
  messages: {
    zero: '{key} 0 throttles every invocation of {name}: the function is deployed but can never run. Remove {key} to use the account\'s unreserved pool, or reserve at least 1.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const rc = fn.reservedConcurrency;
      if (rc?.known && rc.value === 0) ctx.report({ at: rc, messageId: 'zero', data: { key: rc.pair?.key ?? 'ReservedConcurrentExecutions', name: functionLabel(fn) } });
    }
  },
});
