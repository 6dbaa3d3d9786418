import { AWS_ARCHITECTURE_NAMES, LAMBDA_DEFAULT_ARCHITECTURE, dockerArchOfAws, dockerArchOfImage, dockerArchOfPlatform } from '../../facts/dockerfile';
import type { DockerfileModel } from '../../model/dockerfile';
import type { Span } from '../../parse/tree';
import { linkedTargets } from '../../workspace/dockerfileLinks';
import { defineRule } from '../defineRule';

/** The architecture the final image is built for, as far as the Dockerfile says, and where it says it. */
function imageArchitecture(model: DockerfileModel): { arch: 'amd64' | 'arm64'; at: Span; written: string } | undefined {
  for (const stage of model.finalChain) {
    const flag = stage.from.getPlatformFlag();
    const value = flag?.getValue();
    const range = flag?.getValueRange();
    if (flag && value && range) {
      if (value.includes('$')) return undefined; // $TARGETPLATFORM / $BUILDPLATFORM: chosen at build time
      const arch = dockerArchOfPlatform(value);
      return arch ? { arch, at: model.span(range), written: value } : undefined;
    }
    if (!stage.parent) {
      const image = stage.from.getImage();
      const range = stage.from.getImageRange();
      const arch = image ? dockerArchOfImage(image) : undefined;
      return arch && range && image ? { arch, at: model.span(range), written: image } : undefined;
    }
  }
  return undefined;
}

export default defineRule({
  id: 'dockerfile/valid-platform-architecture',
  kinds: ['dockerfile'],
  severity: 'error',
  docs: {
    summary: 'Require the image platform to match where it runs (Lambda Architectures, ECS cpuArchitecture)',
    concept: 'cpu-architecture',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html',
  },
  messages: {
    lambdaMismatch:
      'This image is built for {imageArch} ({written}), but Lambda function {function} runs on {awsArch}{defaulted}. The function fails to start with an "exec format error". Build for linux/{expected} or change the function\'s Architectures.',
    ecsMismatch:
      'This image is built for {imageArch} ({written}), but the task definition runs it on {awsArch} (runtimePlatform.cpuArchitecture). The task stops with "exec format error". Build for linux/{expected} or change cpuArchitecture.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const links = linkedTargets(ctx.uri, ctx.workspace);
    if (links.length === 0) return;
    const image = imageArchitecture(model);
    if (!image) return;
    for (const link of links) {
      if (link.kind === 'lambda') {
        const declared = link.architectures[0];
        if (link.architecturesPair && !declared?.known) continue;
        const awsArch = declared?.known ? declared.value : LAMBDA_DEFAULT_ARCHITECTURE;
        const expected = dockerArchOfAws(awsArch);
        if (!expected || expected === image.arch) continue;
        ctx.report({
          at: image.at,
          messageId: 'lambdaMismatch',
          data: { imageArch: image.arch, written: image.written, function: link.logicalId, awsArch, defaulted: declared ? '' : ' (the default, as Architectures is not set)', expected },
          related: [{ at: declared ?? link.span, uri: link.uri, message: `Lambda function ${link.logicalId} runs on ${awsArch}.` }],
        });
      } else {
        const declared = link.cpuArchitecture;
        if (!declared?.known) continue;
        const expected = dockerArchOfAws(declared.value);
        if (!expected || expected === image.arch) continue;
        ctx.report({
          at: image.at,
          messageId: 'ecsMismatch',
          data: { imageArch: image.arch, written: image.written, awsArch: declared.value, expected },
          related: [{ at: declared, uri: link.uri, message: `The task runs on ${declared.value}; the image is built for ${AWS_ARCHITECTURE_NAMES[image.arch].ecs}.` }],
        });
      }
    }
  },
});
