import { containerLabel } from '../../model/ecs';
import { defineRule } from '../defineRule';
import { tasksWithExpress } from '../../model/document';
import { floatingTagOf, imageText } from '../shared/imageReference';

export default defineRule({
  id: 'ecs/no-floating-image-tag',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'warning',
  docs: {
    summary: 'Disallow container images tagged :latest or not tagged at all',
    concept: 'image-tags-and-digests',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-considerations.html',
  },
  messages: {
    latest:
      'Container {container} uses image {image} with the :latest tag. Each new task pulls whatever :latest is at that moment, so tasks of one service can run different code and a rollback does not roll back the image. Pin a version tag or a digest (@sha256:…).',
    untagged:
      'Container {container} uses image {image} with no tag, which means :latest: each new task pulls whatever is newest, so tasks of one service can run different code. Pin a version tag or a digest (@sha256:…).',
  },
  check(ctx) {
    for (const td of tasksWithExpress(ctx.model)) {
      for (const container of td.containers) {
        const image = container.image;
        if (!image) continue;
        const floating = floatingTagOf(image);
        if (floating) ctx.report({ at: image, messageId: floating, data: { container: containerLabel(td, container), image: imageText(image, ctx.text) } });
      }
    }
  },
});
