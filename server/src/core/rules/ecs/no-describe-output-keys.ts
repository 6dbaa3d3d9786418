import { DESCRIBE_ONLY_KEYS } from '../../facts/ecs';
import { formatOfText, removePairs } from '../../fix/edits';
import type { TaskDefinition } from '../../model/ecs';
import { asObject, type ObjectNode, type Pair } from '../../parse/tree';
import type { Fix, TextEdit } from '../../fix/types';
import type { DeployTargetEntry } from '../../workspace/index';
import { folderOf, resolveUri } from '../../workspace/references';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/no-describe-output-keys',
  kinds: ['ecs-task-definition'],
  severity: 'error',
  severities: ['error', 'warning', 'info'],
  docs: {
    summary: 'Disallow describe-task-definition output keys in a register input',
    concept: 'describe-vs-register',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  },
  messages: {
    describeOnlyKeys:
      'This file is describe-task-definition output: {keys} {are} not RegisterTaskDefinition input. The GitHub deploy action (aws-actions/amazon-ecs-deploy-task-definition) and Berth\'s deploy strip them, but `aws ecs register-task-definition --cli-input-json` fails with "Unknown parameter {first}". Remove them (the fix strips every one).',
    describeWrapper:
      'This is describe-task-definition output: the task definition is wrapped in {"taskDefinition": …}, which RegisterTaskDefinition rejects, through the AWS CLI and the GitHub deploy action alike (only Berth\'s deploy unwraps it). Unwrap it (the fix unwraps it and strips the describe-only keys{also}).',
    strippedByDeploy:
      'This file is describe-task-definition output ({what}). Berth\'s deploy target {target} unwraps it and strips them, so it deploys; any other tool (the AWS CLI, the GitHub deploy action for a wrapped file) rejects it. Convert it to register input (the fix does) to keep one shape.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (td.shape !== 'api') continue;
      const keys = td.raw.node.pairs.filter((p) => DESCRIBE_ONLY_KEYS.includes(p.key));
      if (keys.length === 0 && !td.wrapper) continue;
      const fix = registerInputFix(ctx.text, td, keys, asObject(ctx.model.root));
      // One finding per file: on the wrapper, else on the first key; the other keys are related locations.
      const at = td.wrapper ?? keys[0]!;
      const related = keys.filter((k) => k !== at).map((k) => ({ at: k, message: `${k.key} is describe-task-definition output` }));
      const names = keys.map((k) => k.key);
      const target = deployTargetOf(ctx.workspace.deployTargets(), ctx.uri);
      if (target) {
        const what = [...(td.wrapper ? ['the {"taskDefinition": …} wrapper'] : []), ...(names.length ? [list(names)] : [])].join(' and ');
        ctx.report({ at, messageId: 'strippedByDeploy', severity: 'info', data: { what, target }, fix, related });
      } else if (td.wrapper) {
        ctx.report({ at, messageId: 'describeWrapper', data: { also: names.length ? `: ${list(names)}` : '' }, fix, related });
      } else {
        ctx.report({ at, messageId: 'describeOnlyKeys', severity: 'warning', data: { keys: list(names), are: names.length === 1 ? 'is' : 'are', first: names[0]! }, fix, related });
      }
    }
  },
});

/** The name of a .berthrc.yaml deploy target whose taskDefinition is this file. */
function deployTargetOf(targets: readonly DeployTargetEntry[], uri: string): string | undefined {
  for (const { configUri, target } of targets) {
    if (target.taskDefinition && resolveUri(folderOf(configUri), target.taskDefinition) === uri) return target.name;
  }
  return undefined;
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

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
