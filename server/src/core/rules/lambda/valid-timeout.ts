import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';
import { describeComputeBounds } from '../../facts/lambda';
import { boundsFor } from './shared/compute';

export default defineRule({
  id: 'lambda/valid-timeout',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  owns: [
    { kind: 'lambda-function', path: 'Timeout' },
    { resourceType: 'AWS::Lambda::Function', path: 'Timeout' },
    { resourceType: 'AWS::Serverless::Function', path: 'Timeout' },
  ],
  docs: {
    summary: `Require a Lambda timeout within its compute type's limits: ${describeComputeBounds((l) => l.timeout, 'seconds')}`,
    concept: 'lambda-vs-batch',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
  },
  messages: {
    overMax:
      '{key} {value} s is over {max} s: {compute} stops every invocation after {maxMinutes} minutes, and the deployment is rejected. Split the work into shorter steps (Step Functions), or run it as an AWS Batch job or an ECS/Fargate task, which have no such limit.',
    belowMin: '{key} {value} s is below the minimum of {min} s, so the deployment is rejected. Use a whole number of seconds from {min} to {max}.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const timeout = fn.timeout;
      if (!timeout?.known) continue;
      const { min, max, compute } = boundsFor(fn, (l) => l.timeout);
      const data = { key: keyOf(timeout, 'Timeout'), value: timeout.value, compute, min, max, maxMinutes: max / 60 };
      if (timeout.value > max) ctx.report({ at: timeout, messageId: 'overMax', data });
      else if (timeout.value < min) ctx.report({ at: timeout, messageId: 'belowMin', data });
    }
  },
});
