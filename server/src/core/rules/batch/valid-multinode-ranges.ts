import { BATCH_KINDS } from '../../model/batch';
import { defineRule } from '../defineRule';

/** "2", "0:3", "4:", ":5" → the node indexes it names, given numNodes. */
function parseTargetNodes(value: string, numNodes: number): { from: number; to: number } | undefined {
  const m = /^\s*(\d*)\s*(:?)\s*(\d*)\s*$/.exec(value);
  if (!m || (m[1] === '' && m[3] === '')) return undefined;
  const from = m[1] === '' ? 0 : Number(m[1]);
  const to = m[2] === '' ? from : m[3] === '' ? numNodes - 1 : Number(m[3]);
  return { from, to };
}

/** A bound for this analysis (one flag per node), not an AWS limit. */
const MAX_NODES_CHECKED = 100_000;

function describeNodes(nodes: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < nodes.length; ) {
    let j = i;
    while (j + 1 < nodes.length && nodes[j + 1] === nodes[j]! + 1) j++;
    parts.push(i === j ? String(nodes[i]) : `${nodes[i]}–${nodes[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export default defineRule({
  id: 'batch/valid-multinode-ranges',
  kinds: BATCH_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require multi-node ranges that cover every node exactly once, and a main node inside the job',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_NodeProperties.html',
  },
  messages: {
    mainNodeOutOfRange: 'mainNode {mainNode} is not a node of this job: nodes are numbered 0 to {last} (numNodes {numNodes}). Set mainNode to a node index below numNodes.',
    invalidTargetNodes: 'targetNodes "{value}" is not a node range. Write a node index ("0"), a range ("0:3"), or an open range ("1:" or ":3").',
    outsideJob: 'targetNodes "{value}" names nodes beyond the last node {last} (numNodes {numNodes}), so RegisterJobDefinition rejects it. Keep ranges within 0:{last}.',
    overlap: 'targetNodes "{value}" covers node(s) {nodes} that an earlier range already covers; each node must belong to exactly one range. Narrow one of the ranges.',
    uncovered: 'No nodeRangeProperties entry covers node(s) {nodes} of this {numNodes}-node job, so RegisterJobDefinition rejects it. Extend a range (e.g. "1:" for all remaining nodes).',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      const np = job.nodeProperties;
      if (!np?.numNodes?.known) continue;
      const numNodes = np.numNodes.value;
      const last = numNodes - 1;
      if (np.mainNode?.known && (np.mainNode.value < 0 || np.mainNode.value >= numNodes)) {
        ctx.report({ at: np.mainNode, messageId: 'mainNodeOutOfRange', data: { mainNode: np.mainNode.value, numNodes, last } });
      }
      // Not a node count (the schema rule reports it), or too many nodes to walk one by one: skip the ranges.
      if (!Number.isInteger(numNodes) || numNodes < 1 || numNodes > MAX_NODES_CHECKED) continue;
      const covered = new Array<boolean>(numNodes).fill(false);
      let allKnown = true;
      for (const range of np.ranges) {
        const target = range.targetNodes;
        if (!target?.known) {
          allKnown = false;
          continue;
        }
        const parsed = parseTargetNodes(target.value, numNodes);
        if (!parsed || parsed.from > parsed.to) {
          ctx.report({ at: target, messageId: 'invalidTargetNodes', data: { value: target.value } });
          allKnown = false;
          continue;
        }
        if (parsed.to > last) ctx.report({ at: target, messageId: 'outsideJob', data: { value: target.value, last, numNodes } });
        const overlapping: number[] = [];
        for (let n = parsed.from; n <= Math.min(parsed.to, last); n++) {
          if (covered[n]) overlapping.push(n);
          covered[n] = true;
        }
        if (overlapping.length) ctx.report({ at: target, messageId: 'overlap', data: { value: target.value, nodes: describeNodes(overlapping) } });
      }
      const missing = covered.flatMap((c, n) => (c ? [] : [n]));
      if (allKnown && missing.length && np.rangesPair) {
        ctx.report({ at: np.rangesPair, messageId: 'uncovered', data: { nodes: describeNodes(missing), numNodes } });
      }
    }
  },
});
