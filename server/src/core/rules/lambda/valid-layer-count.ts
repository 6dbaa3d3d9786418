import { LAMBDA_LIMITS } from '../../facts/lambda';
import { functionLabel, LAMBDA_KINDS } from '../../model/lambda';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/valid-layer-count',
  kinds: LAMBDA_KINDS,
  severity: 'error',
  docs: {
    summary: 'Disallow more than 5 layers on a Lambda function',
    concept: 'lambda',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html',
  },
  messages: {
    tooMany: '{name} uses {count} layers; Lambda allows at most {max}, so the deployment is rejected. Merge layers, or package the dependencies in the function or a container image.',
    tooManyMerged:
      '{name} uses {count} layers once SAM appends the function\'s Layers to Globals.Function.Layers; Lambda allows at most {max}, so the deployment is rejected. Merge layers, or drop some from Globals or from the function.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      const count = fn.layers.length;
      if (!fn.layersPair || count <= LAMBDA_LIMITS.layers) continue;
      const ownPair = fn.raw.pair(fn.layersPair.key);
      const merged = fn.shape === 'sam' && ownPair !== undefined && fn.raw.items(fn.layersPair.key).length < count;
      ctx.report({ at: fn.layersPair, messageId: merged ? 'tooManyMerged' : 'tooMany', data: { name: functionLabel(fn), count, max: LAMBDA_LIMITS.layers } });
    }
  },
});
