import { floatingTag } from '../shared/imageReference';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-latest-tag',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow base images tagged :latest or not tagged at all',
    concept: 'image-tags-and-digests',
    reference: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  },
  messages: {
    latest:
      'The base image {image} uses the tag latest, which moves whenever a new version is pushed: two builds of this Dockerfile can differ, and a rebuild can break without any change here. Pin a version tag (e.g. {repository}:<version>) or a digest (@sha256:…).',
    untagged:
      'The base image {image} has no tag, so Docker uses :latest, which moves whenever a new version is pushed: two builds of this Dockerfile can differ. Pin a version tag (e.g. {repository}:<version>) or a digest (@sha256:…).',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const stage of model.stages) {
      const from = stage.from;
      const image = from.getImage();
      if (stage.parent || !image || image.toLowerCase() === 'scratch') continue;
      const kind = floatingTag(image);
      const repository = from.getImageName() ?? image;
      if (kind === 'latest') {
        const range = from.getImageTagRange();
        if (range) ctx.report({ at: model.span(range), messageId: 'latest', data: { image, repository } });
      } else if (kind === 'untagged') {
        const range = from.getImageRange();
        if (range) ctx.report({ at: model.span(range), messageId: 'untagged', data: { image, repository } });
      }
    }
  },
});
