import { RESERVED_ENVIRONMENT_KEYS } from '../../facts/lambda';
import { LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

const RESERVED = new Set(RESERVED_ENVIRONMENT_KEYS);

export default defineRule({
  id: 'lambda/no-reserved-environment-variable',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Disallow environment variables whose names Lambda reserves',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime',
  },
  messages: {
    reserved:
      '{key} is set by the Lambda runtime itself, and Lambda rejects a function that sets it. Remove it (read the value Lambda provides at run time) or use another name.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      for (const entry of fn.environment) {
        if (RESERVED.has(entry.name)) ctx.report({ at: entry.pair, messageId: 'reserved', data: { key: entry.name } });
      }
    }
  },
});
