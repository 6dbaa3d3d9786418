import { INLINE_CODE_FAMILIES, runtimeFamily } from '../../facts/lambda';
import { functionLabel, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-package-type',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require the settings that match the function\'s package type (Zip or Image)',
    concept: 'lambda-container-images',
    reference: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html',
  },
  messages: {
    imageWith: '{key} cannot be set on a container-image function ({packageType} Image): the image brings its own runtime, handler and dependencies, so Lambda rejects it. Remove {key} (set CMD / {command} for the handler).',
    zipWithout: '{name} is a .zip function without {key}; Lambda needs both {runtime} and {handler} for .zip packages and rejects the function. Add {key}.',
    inlineRuntime: 'Inline code works only with Node.js and Python runtimes, and {runtime} is neither, so the deployment fails. Package the code (CodeUri / S3) or use a Node.js or Python runtime.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      // The names as this function's shape writes them (Runtime, runtime; ImageConfig.Command, image_config.command).
      const names = { runtime: fn.raw.key('Runtime'), handler: fn.raw.key('Handler') };
      if (fn.isImage) {
        const data = { packageType: fn.raw.key('PackageType'), command: `${fn.raw.key('ImageConfig')}.${fn.raw.key('Command')}` };
        for (const value of [fn.runtime, fn.handler]) {
          if (value?.pair) ctx.report({ at: value.pair, messageId: 'imageWith', data: { ...data, key: value.pair.key } });
        }
        if (fn.layersPair) ctx.report({ at: fn.layersPair, messageId: 'imageWith', data: { ...data, key: fn.layersPair.key } });
        continue;
      }
      if (fn.packageType && !fn.packageType.known) continue;
      // update-function-configuration may omit both; the Serverless Framework defaults the runtime. A template or a
      // Terraform resource declares the whole function.
      const needsBoth = fn.shape === 'cfn' || fn.shape === 'sam' || fn.shape === 'terraform' || (fn.shape === 'api' && fn.isCreate === true);
      if (needsBoth) {
        if (!fn.runtime) ctx.report({ at: fn.anchor, messageId: 'zipWithout', data: { ...names, name: functionLabel(fn), key: names.runtime } });
        if (!fn.handler) ctx.report({ at: fn.anchor, messageId: 'zipWithout', data: { ...names, name: functionLabel(fn), key: names.handler } });
      } else if (fn.shape === 'serverless' && !fn.handler) {
        ctx.report({ at: fn.anchor, messageId: 'zipWithout', data: { runtime: 'runtime', handler: 'handler', name: functionLabel(fn), key: 'handler' } });
      }
      const runtime = fn.runtime;
      if (fn.inlineCode && runtime?.known) {
        const family = runtimeFamily(runtime.value);
        if (!family || !INLINE_CODE_FAMILIES.includes(family)) ctx.report({ at: runtime, messageId: 'inlineRuntime', data: { runtime: runtime.value } });
      }
    }
  },
});
