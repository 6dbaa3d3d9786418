import { HANDLER_FORMATS, runtimeFamily, type RuntimeFamily } from '../../facts/lambda';
import { keyOf, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

/** The families whose handler format is checked, with the format as users read it. */
const FORMATS: Partial<Record<RuntimeFamily, { label: string; format: string }>> = {
  nodejs: { label: 'Node.js', format: 'file.export (the file name without .js/.mjs, then the exported function)' },
  python: { label: 'Python', format: 'module.function (the file name without .py, then the function)' },
  java: { label: 'Java', format: 'package.Class::method (or package.Class for a RequestHandler)' },
  dotnet: { label: '.NET', format: 'Assembly::Namespace.Class::Method' },
};

export default defineRule({
  id: 'lambda/valid-handler',
  kinds: LAMBDA_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Require a handler written in the format of the function\'s runtime',
    concept: 'lambda-runtimes',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-function-zip.html',
  },
  messages: {
    format:
      '{key} "{handler}" is not a {family} handler, which is written {format}, for example {example}. Lambda accepts the function, but every invocation fails because the runtime cannot find the handler. Write it as {example} shows.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      // Image functions take CMD from the image; provided/Go runtimes run a bootstrap that reads the handler itself.
      if (fn.isImage) continue;
      const runtime = fn.runtime;
      const handler = fn.handler;
      if (!runtime?.known || !handler?.known) continue;
      const family = runtimeFamily(runtime.value);
      const described = family ? FORMATS[family] : undefined;
      const expected = family ? HANDLER_FORMATS[family] : undefined;
      if (!described || !expected || expected.pattern.test(handler.value)) continue;
      ctx.report({
        at: handler,
        messageId: 'format',
        data: { key: keyOf(handler, 'Handler'), handler: handler.value, family: described.label, format: described.format, example: expected.example },
      });
    }
  },
});
