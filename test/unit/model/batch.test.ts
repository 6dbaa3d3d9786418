import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { valueOf } from '../../../server/src/core/model/located';

describe('Batch job definition model', () => {
  it('reads RegisterJobDefinition JSON', () => {
    const doc = prepare({
      uri: 'file:///w/job.json',
      text: `{"jobDefinitionName": "etl", "type": "container", "platformCapabilities": ["FARGATE"],
 "retryStrategy": {"attempts": 3}, "timeout": {"attemptDurationSeconds": 600},
 "containerProperties": {"image": "busybox:1.36", "executionRoleArn": "arn:aws:iam::1:role/x", "privileged": false,
   "resourceRequirements": [{"type": "VCPU", "value": "0.5"}, {"type": "MEMORY", "value": "1024"}],
   "environment": [{"name": "A", "value": "1"}]}}`,
    });
    const job = doc.model!.jobDefinitions[0]!;
    assert.equal(job.shape, 'api');
    assert.deepEqual(job.platformCapabilities.map((p) => valueOf(p)), ['FARGATE']);
    assert.equal(valueOf(job.retryAttempts), 3);
    assert.equal(valueOf(job.attemptDurationSeconds), 600);
    assert.equal(valueOf(job.container?.image), 'busybox:1.36');
    assert.deepEqual(job.container?.resourceRequirements.map((r) => [valueOf(r.type), valueOf(r.value)]), [['VCPU', '0.5'], ['MEMORY', '1024']]);
    assert.equal(job.container?.environment.length, 1);
    assert.equal(job.anchor.kind, 'pair');
  });

  it('reads AWS::Batch::JobDefinition with node properties', () => {
    const doc = prepare({
      uri: 'file:///w/template.yaml',
      text: `Resources:
  Job:
    Type: AWS::Batch::JobDefinition
    Properties:
      Type: multinode
      NodeProperties:
        NumNodes: 4
        MainNode: 0
        NodeRangeProperties:
          - TargetNodes: "0:1"
            Container:
              Image: mpi:1
              Vcpus: 2
              Memory: 2048
          - TargetNodes: "2:"
            Container:
              Image: mpi:1
`,
    });
    const job = doc.model!.jobDefinitions[0]!;
    assert.equal(job.shape, 'cfn');
    assert.equal(job.logicalId, 'Job');
    assert.equal(valueOf(job.nodeProperties?.numNodes), 4);
    assert.deepEqual(job.nodeProperties?.ranges.map((r) => valueOf(r.targetNodes)), ['0:1', '2:']);
    assert.equal(valueOf(job.nodeProperties?.ranges[0]?.container?.vcpus), 2);
    assert.equal(job.container, undefined);
  });
});
