import { isLambdaBaseImage, isWindowsImage } from '../../facts/dockerfile';
import { flagsOf } from '../../model/dockerfile';
import { instructionsOf, rootImageOf } from '../../model/dockerfile';
import { linkedTargets } from '../../workspace/dockerfileLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-root-user',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow running the final image as root',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html',
  },
  messages: {
    noUser:
      'The final stage sets no USER, so the container runs as root unless the base image {image} sets another user. A process that is broken into then has root inside the container. Add a USER with a non-root user (for example `USER 1000`) after the steps that need root.',
    rootUser:
      'The last USER of the final stage is {user}, so the container runs as root. A process that is broken into then has root inside the container. Switch to a non-root user (for example `USER 1000`) after the steps that need root.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    const final = model?.finalStage;
    if (!model || !final) return;
    const root = rootImageOf(model.finalChain[model.finalChain.length - 1] ?? final);
    const rootFrom = model.finalChain[model.finalChain.length - 1]!.from;
    const rootImageText = rootFrom.getImage() ?? '';
    // Lambda sets the user itself; variables and images named for a non-root user are not judged.
    if (isLambdaBaseImage(rootImageText) || rootImageText.includes('$') || /nonroot|non-root|rootless/i.test(rootImageText)) return;
    if (linkedTargets(ctx.uri, ctx.workspace).some((l) => l.kind === 'lambda')) return;
    // Windows containers have no root user (they run as ContainerAdministrator or ContainerUser).
    const platform = flagsOf(rootFrom, 'platform')[0]?.getValue() ?? undefined;
    if (isWindowsImage(rootImageText, platform)) return;
    for (const stage of model.finalChain) {
      const users = instructionsOf(stage, 'USER');
      const last = users[users.length - 1];
      if (!last) continue;
      const args = last.getArguments();
      const value = args[0]?.getValue() ?? '';
      if (value.includes('$')) return;
      const user = value.split(':')[0]!;
      if (user === 'root' || user === '0') {
        ctx.report({ at: model.span(args[0]!.getRange()), messageId: 'rootUser', data: { user: value } });
      }
      return;
    }
    const imageRange = rootFrom.getImageRange();
    if (!root || !imageRange) return;
    ctx.report({ at: model.span(imageRange), messageId: 'noUser', data: { image: root } });
  },
});
