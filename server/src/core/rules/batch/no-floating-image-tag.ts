import { BATCH_KINDS, jobContainers } from '../../model/batch';
import { floatingTagOf, imageText } from '../shared/imageReference';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/no-floating-image-tag',
  kinds: BATCH_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow :latest and untagged images in Batch job definitions',
    concept: 'image-tags-and-digests',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html',
  },
  messages: {
    latest: 'Image {image} uses the :latest tag, so each attempt may run different code and a retry may not reproduce a failure. Pin a version tag or a digest (@sha256:…).',
    untagged: 'Image {image} has no tag, which means :latest: each attempt may run different code. Pin a version tag or a digest (@sha256:…).',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      for (const container of jobContainers(job)) {
        const image = container.image;
        if (!image) continue;
        const floating = floatingTagOf(image);
        if (floating) ctx.report({ at: image, messageId: floating, data: { image: imageText(image, ctx.text) } });
      }
    }
  },
});
