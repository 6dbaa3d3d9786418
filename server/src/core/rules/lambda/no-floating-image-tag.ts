import { functionLabel, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';
import { floatingTagOf, imageText } from '../shared/imageReference';

const WHY =
  'Lambda resolves the tag to a digest when the function is created or its code is updated, so pushing a new image under the same tag changes nothing until the next update, and a deploy whose ImageUri text is unchanged (CloudFormation, Terraform) never makes one. Pin a version tag or a digest (@sha256:…) and change it with each release.';

export default defineRule({
  id: 'lambda/no-floating-image-tag',
  kinds: LAMBDA_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow Lambda container images tagged :latest or not tagged at all',
    concept: 'image-tags-and-digests',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  },
  messages: {
    latest: `Function {function} uses image {image} with the :latest tag. ${WHY}`,
    untagged: `Function {function} uses image {image} with no tag, which means :latest. ${WHY}`,
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const image = fn.imageUri;
      if (!image) continue;
      // serverless.yml `image: name` names an image that provider.ecr.images builds, not a URI.
      if (fn.shape === 'serverless' && (!image.known || !image.value.includes('/'))) continue;
      const floating = floatingTagOf(image);
      if (floating) ctx.report({ at: image, messageId: floating, data: { function: functionLabel(fn), image: imageText(image, ctx.text) } });
    }
  },
});
