import { removePair } from '../../fix/edits';
import { BATCH_KINDS, isFargateJob, jobContainers, requirement, type BatchContainer } from '../../model/batch';
import type { Located } from '../../model/located';
import { defineRule } from '../defineRule';
import type { Fix, TextEdit } from '../../fix/types';
import type { Pair } from '../../parse/tree';

export default defineRule({
  id: 'batch/no-legacy-vcpus-memory',
  kinds: BATCH_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow the deprecated container vcpus and memory fields; prefer resourceRequirements',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html',
  },
  messages: {
    deprecated: '{key} is deprecated in AWS Batch job definitions. It still works on EC2, but new features read resourceRequirements; set {type} there instead.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      // On Fargate the legacy fields are an error (batch/no-fargate-unsupported-settings).
      if (isFargateJob(job)) continue;
      for (const container of jobContainers(job)) {
        const fix = conversion(ctx.text, container, ctx.kind === 'terraform');
        for (const [legacy, type] of [[container.vcpus, 'VCPU'], [container.memory, 'MEMORY']] as const) {
          if (legacy?.pair) ctx.report({ at: legacy.pair, messageId: 'deprecated', data: { key: legacy.pair.key, type }, fix });
        }
      }
    }
  },
});

/**
 * Moves vcpus/memory into a new resourceRequirements list: the first legacy field is replaced by the list, the
 * other removed. Offered only when the values are known, no resourceRequirements exists yet, and the layout is
 * JSON, block YAML, or (in a Terraform file) an HCL object (jsonencode) or JSON in a heredoc.
 */
function conversion(text: string, container: BatchContainer, terraform: boolean): Fix | undefined {
  const legacy = [container.vcpus, container.memory].filter((l): l is Located<number> => l !== undefined);
  if (legacy.length === 0 || legacy.some((l) => !l.known || !l.pair) || container.resourceRequirementsPair) return undefined;
  if (requirement(container, 'VCPU') || requirement(container, 'MEMORY')) return undefined;
  const pascal = container.pair.key === 'ContainerProperties' || container.pair.key === 'Container';
  const key = (name: string) => (pascal ? name.charAt(0).toUpperCase() + name.slice(1) : name);
  const entries = [container.vcpus, container.memory].flatMap((l, i) => (l?.known ? [{ type: i === 0 ? 'VCPU' : 'MEMORY', value: String(l.value) }] : []));
  const pairs = [...container.raw.node.pairs].sort((a, b) => a.span.start - b.span.start);
  const [first, ...rest] = legacy.map((l) => l.pair!).sort((a, b) => a.span.start - b.span.start);
  if (!first) return undefined;
  const syntax = terraform ? hclSyntax(text, first) : text.trimStart().startsWith('{') ? 'json' : 'yaml';
  if (!syntax) return undefined;
  const lineStart = text.lastIndexOf('\n', first.span.start - 1) + 1;
  const indent = text.slice(lineStart, first.span.start);
  let newText: string;
  if (syntax === 'json') {
    newText = `"${key('resourceRequirements')}": [${entries.map((e) => `{ "${key('type')}": "${e.type}", "${key('value')}": "${e.value}" }`).join(', ')}]`;
  } else if (syntax === 'hcl') {
    newText = `resourceRequirements = [${entries.map((e) => `{ type = "${e.type}", value = "${e.value}" }`).join(', ')}]`;
  } else {
    if (!/^[ \t]*$/.test(indent)) return undefined; // flow or inline YAML: leave it to the user
    newText = `${key('resourceRequirements')}:${entries.map((e) => `\n${indent}  - ${key('type')}: ${e.type}\n${indent}    ${key('value')}: "${e.value}"`).join('')}`;
  }
  // JSON and HCL objects both take a pair out with the separator (comma or line) that goes with it.
  const edits: TextEdit[] = [{ span: first.span, newText }, ...rest.map((p) => removePair(text, p, pairs, syntax === 'yaml' ? 'yaml' : 'json'))];
  return { title: 'Move vcpus and memory to resourceRequirements', edits };
}

/**
 * In a Terraform file: an HCL object attribute (`vcpus = 1`, in jsonencode) or JSON (`"vcpus": 1`, in a heredoc).
 * JSON inside a quoted HCL string has escaped quotes that a plain edit would break: no fix there.
 */
function hclSyntax(text: string, pair: Pair): 'hcl' | 'json' | undefined {
  const key = text.slice(pair.keySpan.start, pair.keySpan.end);
  const separator = text.slice(pair.keySpan.end, pair.value.span.start).trim();
  if (key.startsWith('\\')) return undefined;
  if (separator === '=') return 'hcl';
  return key.startsWith('"') && separator === ':' ? 'json' : undefined;
}
