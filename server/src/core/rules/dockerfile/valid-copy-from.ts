import type { Copy } from 'dockerfile-ast';
import { didYouMean } from '../../schema/didYouMean';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/valid-copy-from',
  kinds: ['dockerfile'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require COPY --from to name an earlier stage or an image',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/dockerfile/#copy---from',
  },
  messages: {
    ownStage: 'COPY --from={from} names the stage it is in; a stage cannot copy from itself, and the build fails. Copy from an earlier stage, or from the build context without --from.',
    laterStage:
      'COPY --from={from} names a stage defined later in the file; stages can only copy from stages before them, and the build fails. Move stage {from} above this one.',
    noSuchIndex: 'COPY --from={from} refers to stage number {from}, but this file has {count} stage(s) numbered from 0, and the build fails. Use an earlier stage\'s number or, better, its name.',
    unknownStage: 'COPY --from={from} names no stage; did you mean {suggestion}? Docker would instead try to pull an image called {from}, and the build fails.',
    imageOrStage:
      'COPY --from={from} names no stage in this file, so Docker pulls the image {from}:latest from Docker Hub. If you meant a stage, define it earlier with `FROM … AS {from}`; if you meant an image, give it a tag.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'COPY') continue;
        const flag = (instruction as Copy).getFromFlag();
        const from = flag?.getValue();
        const range = flag?.getValueRange();
        if (!flag || !from || !range || from.includes('$')) continue;
        const at = model.span(range);
        let target: number | undefined;
        if (/^\d+$/.test(from)) {
          target = Number(from);
          if (target >= model.stages.length) {
            ctx.report({ at, messageId: 'noSuchIndex', data: { from, count: model.stages.length } });
            continue;
          }
        } else {
          target = model.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase())?.index;
        }
        if (target === stage.index) ctx.report({ at, messageId: 'ownStage', data: { from } });
        else if (target !== undefined && target > stage.index) ctx.report({ at, messageId: 'laterStage', data: { from } });
        else if (target === undefined && !/[/:@.]/.test(from)) {
          const suggestion = didYouMean(from, model.stages.slice(0, stage.index).flatMap((s) => (s.name ? [s.name] : [])));
          if (suggestion) ctx.report({ at, messageId: 'unknownStage', data: { from, suggestion } });
          else ctx.report({ at, messageId: 'imageOrStage', data: { from }, severity: 'warning' });
        }
      }
    }
  },
});
