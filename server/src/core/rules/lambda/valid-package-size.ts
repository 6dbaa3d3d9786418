import { LAMBDA_LIMITS, LAMBDA_QUOTAS_SOURCE } from '../../facts/lambda';
import { localCodeOf } from '../../workspace/localPaths';
import { defineRule } from '../defineRule';

const MB = 1024 * 1024;

export default defineRule({
  id: 'lambda/valid-package-size',
  kinds: ['cloudformation', 'serverless-framework', 'terraform'],
  severity: 'warning',
  severities: ['warning', 'info'],
  docs: {
    summary: "Require a function's local code folder or zip to fit Lambda's unzipped deployment package limit",
    concept: 'lambda',
    reference: LAMBDA_QUOTAS_SOURCE,
  },
  messages: {
    folderTooLarge:
      'The code folder {path} holds {size} MB, over the {limit} MB Lambda allows for an unzipped deployment package (layers included), so the deployment is likely to be rejected. Leave out what the function does not need (tests, dev dependencies), move libraries into layers, or ship a container image (up to {imageGB} GB).',
    zipTooLarge:
      'The package {path} unzips to {size} MB, over the {limit} MB Lambda allows for a deployment package (layers included), so the deployment is likely to be rejected. Make the package smaller, move libraries into layers, or ship a container image (up to {imageGB} GB).',
    missing: 'The code path {path} does not exist (yet): packaging this function fails unless a build step creates it first. Check the path (it is relative to this file).',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      if (fn.isImage) continue;
      const code = localCodeOf(fn, ctx.uri);
      if (!code) continue;
      const info = ctx.workspace.localPath(code.uri);
      if (!info) continue; // not measured (e.g. a document outside any folder): say nothing
      const size = (bytes: number) => `${info.partial ? 'more than ' : ''}${Math.round(bytes / MB)}`;
      const data = { path: code.written, limit: LAMBDA_LIMITS.unzippedPackageMB, imageGB: LAMBDA_LIMITS.imageGB };
      // A build step may create the folder (dist/, build/), so a missing path only advises.
      if (info.kind === 'missing') ctx.report({ at: code.node, messageId: 'missing', data: { path: code.written }, severity: 'info' });
      else if (info.kind === 'folder' && info.bytes > LAMBDA_LIMITS.unzippedPackageMB * MB) {
        ctx.report({ at: code.node, messageId: 'folderTooLarge', data: { ...data, size: size(info.bytes) } });
      } else if (info.kind === 'file' && info.unzippedBytes !== undefined && info.unzippedBytes > LAMBDA_LIMITS.unzippedPackageMB * MB) {
        ctx.report({ at: code.node, messageId: 'zipTooLarge', data: { ...data, size: size(info.unzippedBytes) } });
      }
    }
  },
});
