import rule from '../../../../server/src/core/rules/batch/valid-multinode-ranges';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (numNodes: number, mainNode: number, targets: string[]) => `{
  "jobDefinitionName": "mpi",
  "type": "multinode",
  "nodeProperties": {
    "numNodes": ${numNodes},
    "mainNode": ${mainNode},
    "nodeRangeProperties": [${targets.map((t) => `\n      { "targetNodes": "${t}", "container": { "image": "mpi:1" } }`).join(',')}
    ]
  }
}`;

const cfn = (numNodes: number, mainNode: number, targets: string[]) => `Resources:
  Job:
    Type: AWS::Batch::JobDefinition
    Properties:
      Type: multinode
      NodeProperties:
        NumNodes: ${numNodes}
        MainNode: ${mainNode}
        NodeRangeProperties:
${targets.map((t) => `          - TargetNodes: "${t}"\n            Container: { Image: "mpi:1" }\n`).join('')}`;

/** aws_batch_job_definition with node_properties = jsonencode({…}); the ranges start on line 8. */
const tf = (numNodes: number | string, mainNode: number, targets: string[]) => `resource "aws_batch_job_definition" "mpi" {
  name = "mpi"
  type = "multinode"
  node_properties = jsonencode({
    numNodes = ${numNodes}
    mainNode = ${mainNode}
    nodeRangeProperties = [
${targets.map((t) => `      { targetNodes = "${t}", container = { image = "mpi:1" } },\n`).join('')}    ]
  })
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'main node plus the rest', code: api(4, 0, ['0', '1:']), filename: 'job.json' },
    { name: 'open start', code: api(3, 2, [':1', '2']), filename: 'job.json' },
    { name: 'CloudFormation', code: cfn(4, 0, ['0:1', '2:3']) },
    { name: 'intrinsic target skips the coverage check', code: cfn(4, 0, ['0']).replace('TargetNodes: "0"', 'TargetNodes: !Ref Range') },
    { name: 'Terraform jsonencode', code: tf(4, 0, ['0', '1:']), filename: 'main.tf' },
    { name: 'Terraform: numNodes unknown', code: tf('var.nodes', 0, ['0']), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: mainNode outside the job',
      code: api(2, 2, ['0:1']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'mainNodeOutOfRange',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 18,
          severity: 'error',
          message: 'mainNode 2 is not a node of this job: nodes are numbered 0 to 1 (numNodes 2). Set mainNode to a node index below numNodes.',
        },
      ],
    },
    {
      name: 'API JSON: overlap',
      code: api(4, 0, ['0:2', '2:']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'overlap',
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 28,
          message: 'targetNodes "2:" covers node(s) 2 that an earlier range already covers; each node must belong to exactly one range. Narrow one of the ranges.',
        },
      ],
    },
    {
      name: 'CloudFormation: nodes left uncovered',
      code: cfn(6, 0, ['0', '2:3']),
      errors: [
        {
          messageId: 'uncovered',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 28,
          message: 'No nodeRangeProperties entry covers node(s) 1, 4–5 of this 6-node job, so RegisterJobDefinition rejects it. Extend a range (e.g. "1:" for all remaining nodes).',
        },
      ],
    },
    {
      name: 'CloudFormation: range past the last node, and a malformed one',
      code: cfn(2, 0, ['0:3', 'a-b']),
      errors: [
        { messageId: 'outsideJob', line: 10, column: 26, endLine: 10, endColumn: 31, message: /^targetNodes "0:3" names nodes beyond the last node 1/ },
        { messageId: 'invalidTargetNodes', line: 12, column: 26, endLine: 12, endColumn: 31 },
      ],
    },
    {
      name: 'Terraform jsonencode: overlap and uncovered nodes',
      code: tf(4, 0, ['0', '0:1']),
      filename: 'main.tf',
      errors: [
        { messageId: 'uncovered', line: 7, column: 5, endLine: 7, endColumn: 24, message: /covers node\(s\) 2–3 of this 4-node job/ },
        { messageId: 'overlap', line: 9, column: 23, endLine: 9, endColumn: 28 },
      ],
    },
    {
      name: 'Terraform: numNodes from a variable default',
      code: tf('var.nodes', 2, ['0:1']),
      filename: 'main.tf',
      workspace: [{ filename: 'variables.tf', code: 'variable "nodes" {\n  default = 2\n}\n' }],
      errors: [{ messageId: 'mainNodeOutOfRange', line: 6, column: 16, endLine: 6, endColumn: 17, message: /numNodes 2/ }],
    },
  ],
});
