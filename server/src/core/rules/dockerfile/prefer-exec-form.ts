import { ECS_DEFAULT_STOP_TIMEOUT_SECONDS, isLambdaBaseImage } from '../../facts/dockerfile';
import { argumentsSpan, effectiveInstruction, rootFromOf } from '../../model/dockerfile';
import { linkedTargets, type EcsLink } from '../../workspace/dockerfileLinks';
import type { Fix } from '../../fix/types';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/prefer-exec-form',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Prefer the JSON (exec) form for CMD and ENTRYPOINT',
    concept: 'stop-signals',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_timeout',
  },
  messages: {
    shellForm:
      '{keyword} in shell form runs under /bin/sh -c, so the shell is PID 1 and receives SIGTERM; the app never sees it, cannot shut down cleanly, and is killed when the stop timeout ends (10 s for docker stop, 30 s by default on ECS). Use the JSON form: {keyword} ["…", "…"].',
    shellFormEcs:
      '{keyword} in shell form runs under /bin/sh -c, so when ECS stops container {container} the shell receives SIGTERM and the app never does; ECS then kills it after stopTimeout ({timeout} s), dropping in-flight requests. Use the JSON form: {keyword} ["…", "…"].',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const ecs = linkedTargets(ctx.uri, ctx.workspace).find((l): l is EcsLink => l.kind === 'ecs');
    const onLambdaBase = isLambdaBaseImage(rootFromOf(model)?.getImage() ?? '');
    const entrypoint = effectiveInstruction(model, 'ENTRYPOINT');
    for (const keyword of ['ENTRYPOINT', 'CMD'] as const) {
      const instruction = effectiveInstruction(model, keyword);
      if (!instruction || (keyword === 'CMD' && onLambdaBase)) continue; // valid-lambda-handler-cmd covers CMD there
      const script = model.shellScript(instruction);
      const first = script?.commands[0];
      if (!script || !first || first.name === 'exec') continue; // `exec app` replaces the shell
      const at = argumentsSpan(model, instruction);
      let fix: Fix | undefined;
      const simple = script.commands.length === 1 && script.operators.length === 0 && first.assignments.length === 0 && first.words.every((w) => !w.quoted && !w.dynamic && !/[*?[\]~{}\\]/.test(w.text));
      if (keyword === 'CMD' && !entrypoint && simple && !/[\r\n]/.test(ctx.text.slice(at.start, at.end))) {
        fix = { title: 'Convert CMD to the JSON form', edits: [{ span: at, newText: JSON.stringify(first.words.map((w) => w.text)).replace(/","/g, '", "') }] };
      }
      if (ecs) {
        const container = ecs.container.name?.known ? ecs.container.name.value : 'the container';
        const timeout = ecs.stopTimeout?.known ? ecs.stopTimeout.value : ECS_DEFAULT_STOP_TIMEOUT_SECONDS;
        ctx.report({ at, messageId: 'shellFormEcs', data: { keyword, container, timeout }, fix, related: [{ at: ecs.stopTimeout ?? ecs.span, uri: ecs.uri, message: `Container ${container} (stopTimeout ${timeout} s).` }] });
      } else {
        ctx.report({ at, messageId: 'shellForm', data: { keyword }, fix });
      }
    }
  },
});
