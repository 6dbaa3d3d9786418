import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAMBDA_MAX_RUN, recommendCompute, type ComputeAnswers } from '../../../client/src/computeGuideLogic';
import { LAMBDA_COMPUTE_LIMITS } from '../../../server/src/core/facts/lambda';

const base: ComputeAnswers = { overLambdaTimeout: false, needsGpu: false, shape: 'service', needsKubernetes: false, eventDriven: false };

describe('compute guide', () => {
  const cases: [string, Partial<ComputeAnswers>, string, string][] = [
    ['Kubernetes wins over everything', { needsKubernetes: true, needsGpu: true, shape: 'batch' }, 'EKS', 'ecs-eks-fargate'],
    ['a steady web service', {}, 'Fargate', 'ecs-eks-fargate'],
    ['a service needing a GPU', { needsGpu: true }, 'ECS on EC2', 'ecs-launch-types'],
    ['an event-driven API within Lambda\'s limit', { eventDriven: true }, 'Lambda', 'lambda'],
    ['an event-driven service over Lambda\'s limit', { eventDriven: true, overLambdaTimeout: true }, 'Fargate', 'ecs-eks-fargate'],
    ['short batch work', { shape: 'batch', eventDriven: true }, 'Lambda', 'lambda-vs-batch'],
    ['long batch work', { shape: 'batch', overLambdaTimeout: true }, 'Batch', 'aws-batch'],
    ['GPU batch work', { shape: 'batch', needsGpu: true }, 'Batch', 'aws-batch'],
  ];
  for (const [name, answers, service, concept] of cases) {
    it(name, () => {
      const r = recommendCompute({ ...base, ...answers });
      assert.equal(r.service, service);
      assert.equal(r.concept, concept);
      assert.ok(r.reasons.length >= 2);
    });
  }

  it("states Lambda's run limit from the facts (LAMBDA_COMPUTE_LIMITS), not a number of its own", () => {
    assert.equal(LAMBDA_MAX_RUN, `${LAMBDA_COMPUTE_LIMITS.default.timeout.max / 60} minutes`);
    assert.equal(LAMBDA_MAX_RUN, '30 minutes');
    const shortBatch = recommendCompute({ ...base, shape: 'batch' }).reasons;
    assert.equal(shortBatch[0], "Each run finishes within Lambda's limit of 30 minutes and needs no GPU.");
    assert.equal(shortBatch[2], 'If runs grow past 30 minutes or need more than 10 GB of memory, move to AWS Batch.');
    assert.equal(recommendCompute({ ...base, shape: 'batch', overLambdaTimeout: true }).reasons[0], 'Runs longer than 30 minutes rule out Lambda; AWS Batch has no such limit.');
    assert.equal(recommendCompute({ ...base, overLambdaTimeout: true }).reasons[1], 'Requests or work longer than 30 minutes rule out Lambda.');
    const every = [true, false].flatMap((overLambdaTimeout) => (['service', 'batch'] as const).flatMap((shape) => recommendCompute({ ...base, shape, eventDriven: true, overLambdaTimeout }).reasons));
    assert.ok(every.every((r) => !/15 minutes|15-minute/.test(r)));
  });

  it('offers the matching snippets', () => {
    assert.equal(recommendCompute(base).snippets[0], 'berth-ecs-task-fargate');
    assert.equal(recommendCompute({ ...base, needsGpu: true }).snippets[0], 'berth-ecs-task-ec2-bridge');
    assert.equal(recommendCompute({ ...base, shape: 'batch', needsGpu: true }).snippets[0], 'berth-batch-job-ec2');
    assert.equal(recommendCompute({ ...base, shape: 'batch', overLambdaTimeout: true }).snippets[0], 'berth-batch-job-fargate');
    assert.deepEqual(recommendCompute({ ...base, needsKubernetes: true }).snippets, []);
  });

  it('names a snippet that ships in snippets/ for every recommendation that has one', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const root = resolve(__dirname, '../../../snippets');
    const prefixes = new Set<string>();
    for (const dir of readdirSync(root)) {
      for (const file of readdirSync(join(root, dir))) {
        const snippets = JSON.parse(readFileSync(join(root, dir, file), 'utf8')) as Record<string, { prefix: string | string[] }>;
        for (const s of Object.values(snippets)) for (const p of [s.prefix].flat()) prefixes.add(p);
      }
    }
    const all: ComputeAnswers[] = [];
    for (const overLambdaTimeout of [false, true]) for (const needsGpu of [false, true]) for (const shape of ['service', 'batch'] as const) for (const eventDriven of [false, true]) all.push({ overLambdaTimeout, needsGpu, shape, needsKubernetes: false, eventDriven });
    for (const answers of all) {
      const r = recommendCompute(answers);
      assert.ok(r.snippets.some((p) => prefixes.has(p)), `${r.service}: none of ${r.snippets.join(', ')} ships`);
    }
  });
});
