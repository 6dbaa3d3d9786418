import { INTERPRETERS, isLambdaBaseImage } from '../../facts/dockerfile';
import { argumentsSpan, effectiveInstruction, rootFromOf } from '../../model/dockerfile';
import { baseName } from '../../parse/shell';
import { linkedTargets, type LambdaLink } from '../../workspace/dockerfileLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/valid-lambda-handler-cmd',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Require CMD on a Lambda base image to be the handler, in JSON form',
    concept: 'lambda-container-images',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#images-parms',
  },
  messages: {
    shellForm:
      'On a Lambda base image, CMD is the handler that the image\'s entrypoint passes to the runtime; in shell form it becomes ["/bin/sh", "-c", "{command}"] and Lambda cannot find the handler. Write it in JSON form: CMD ["{command}"].',
    notHandler:
      'On a Lambda base image, CMD must name the handler (e.g. CMD ["app.handler"]); the image\'s entrypoint already starts the runtime, so starting {program} here makes the function fail to initialise. Set CMD to your handler.',
    missingCmd:
      'Lambda function {function} runs this image, but neither the image (CMD) nor the function (ImageConfig.Command) names the handler, so every invoke fails. Add CMD ["<file>.<function>"] here or ImageConfig.Command in the template.',
    handlerMismatch:
      'CMD names the handler {cmd}, but Lambda function {function} sets {handler} ({source}), which wins. Make them the same so the image works the same everywhere it runs.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const image = rootFromOf(model)?.getImage();
    if (!image || !isLambdaBaseImage(image)) return;
    const links = linkedTargets(ctx.uri, ctx.workspace).filter((l): l is LambdaLink => l.kind === 'lambda');
    const cmd = effectiveInstruction(model, 'CMD');
    if (!cmd) {
      for (const link of links) {
        if (link.imageCommandPair) continue;
        const range = model.finalStage?.from.getImageRange();
        if (range) ctx.report({ at: model.span(range), messageId: 'missingCmd', data: { function: link.logicalId }, related: [{ at: link.span, uri: link.uri, message: `Lambda function ${link.logicalId}.` }] });
      }
      return;
    }
    const exec = model.execWords(cmd);
    if (!exec) {
      const command = ctx.text.slice(argumentsSpan(model, cmd).start, argumentsSpan(model, cmd).end).trim();
      if (command) ctx.report({ at: argumentsSpan(model, cmd), messageId: 'shellForm', data: { command } });
      return;
    }
    const first = exec[0];
    if (!first) return;
    const program = baseName(first.text).replace(/[\d.]+$/, '');
    if (INTERPRETERS.has(program) || first.text.startsWith('/')) {
      ctx.report({ at: first.span, messageId: 'notHandler', data: { program: first.text } });
      return;
    }
    for (const link of links) {
      const override = link.imageCommand[0];
      const handler = override ?? link.handler;
      if (!handler?.known || handler.value === first.text) continue;
      ctx.report({
        at: first.span,
        messageId: 'handlerMismatch',
        data: { cmd: first.text, function: link.logicalId, handler: handler.value, source: override ? 'ImageConfig.Command' : 'Handler' },
        related: [{ at: handler, uri: link.uri, message: `The handler that Lambda function ${link.logicalId} uses.` }],
      });
    }
  },
});
