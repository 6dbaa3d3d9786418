import { DESCRIBE_ONLY_KEYS } from '../../facts/ecs';
import { formatOfText, removePairs } from '../../fix/edits';
import type { TaskDefinition } from '../../model/ecs';
import { asObject, type ObjectNode, type Pair } from '../../parse/tree';
import type { Fix, TextEdit } from '../types';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/no-describe-output-keys',
  kinds: ['ecs-task-definition'],
  severity: 'error',
  docs: {
    summary: 'Disallow describe-task-definition output keys in a register input',
    concept: 'describe-vs-register',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  },
  messages: {
    describeOnlyKey:
      '{key} is part of describe-task-definition output, not of RegisterTaskDefinition input, so registering this file fails with "Unknown parameter {key}". Remove it (the fix strips every such key).',
    describeWrapper:
      'This is describe-task-definition output: the task definition is wrapped in {"taskDefinition": …}, which RegisterTaskDefinition rejects. Unwrap it (the fix unwraps it and strips the describe-only keys).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (td.shape !== 'api') continue;
      const keys = td.raw.node.pairs.filter((p) => DESCRIBE_ONLY_KEYS.includes(p.key));
      if (keys.length === 0 && !td.wrapper) continue;
      const fix = registerInputFix(ctx.text, td, keys, asObject(ctx.model.root));
      if (td.wrapper) ctx.report({ at: td.wrapper, messageId: 'describeWrapper', fix });
      for (const pair of keys) ctx.report({ at: pair, messageId: 'describeOnlyKey', data: { key: pair.key }, fix });
    }
  },
});

/** One fix for the whole file: strip describe-only keys and, when the wrapper is the only key, unwrap. */
function registerInputFix(text: string, td: TaskDefinition, keys: Pair[], root: ObjectNode | undefined): Fix | undefined {
  const format = formatOfText(text);
  const removals = removePairs(text, keys, td.raw.node.pairs, format);
  if (!td.wrapper) return { title: 'Remove describe-only keys', edits: removals };
  if (!root || root.pairs.length !== 1 || format !== 'json') return keys.length ? { title: 'Remove describe-only keys', edits: removals } : undefined;
  const inner = td.raw.node.span;
  let body = applyWithin(text, inner, removals);
  // Dedent by the wrapper key's indentation, so the unwrapped object sits where the root was.
  const lineStart = text.lastIndexOf('\n', td.wrapper.span.start - 1) + 1;
  const indent = td.wrapper.span.start - lineStart;
  body = body.replace(new RegExp(`\\n {1,${indent}}`, 'g'), '\n');
  return { title: 'Convert to RegisterTaskDefinition input', edits: [{ span: root.span, newText: body }] };
}

function applyWithin(text: string, span: { start: number; end: number }, edits: readonly TextEdit[]): string {
  let out = text.slice(span.start, span.end);
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start - span.start) + edit.newText + out.slice(edit.span.end - span.start);
  }
  return out;
}
