import { functionLabel, keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { lambdaLinksOf } from '../../model/lambdaLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/no-public-function-url',
  kinds: LAMBDA_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow a Lambda function URL that anyone can call (AuthType NONE)',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  },
  messages: {
    public:
      'The function URL of {name} has {key} NONE: anyone on the internet who finds the URL can invoke the function, and you pay for every call. Use AWS_IAM (callers sign requests with SigV4, or put CloudFront with origin access control in front), or, if it must be public, check the caller inside the function and set reserved concurrency to cap the cost.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const auth = fn.functionUrlAuthType;
      if (!auth?.known || auth.value !== 'NONE') continue;
      // serverless `url: {}` without an authorizer: point at the `url` key rather than the whole map.
      const at = auth.node.kind === 'object' && auth.pair ? auth.pair : auth;
      ctx.report({ at, messageId: 'public', data: { name: functionLabel(fn), key: 'AuthType' } });
    }
    // AWS::Lambda::Url, aws_lambda_function_url: a resource of its own.
    for (const url of lambdaLinksOf(ctx.model).functionUrls) {
      const auth = url.authType;
      if (auth.known && auth.value === 'NONE') ctx.report({ at: auth, messageId: 'public', data: { name: url.name, key: keyOf(auth, 'AuthType') } });
    }
  },
});
