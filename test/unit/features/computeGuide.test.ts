import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recommendCompute, type ComputeAnswers } from '../../../client/src/computeGuideLogic';

const base: ComputeAnswers = { over15Minutes: false, needsGpu: false, shape: 'service', needsKubernetes: false, eventDriven: false };

describe('compute guide', () => {
  const cases: [string, Partial<ComputeAnswers>, string, string][] = [
    ['Kubernetes wins over everything', { needsKubernetes: true, needsGpu: true, shape: 'batch' }, 'EKS', 'ecs-eks-fargate'],
    ['a steady web service', {}, 'Fargate', 'ecs-eks-fargate'],
    ['a service needing a GPU', { needsGpu: true }, 'ECS on EC2', 'ecs-launch-types'],
    ['an event-driven API under 15 minutes', { eventDriven: true }, 'Lambda', 'lambda'],
    ['an event-driven service over 15 minutes', { eventDriven: true, over15Minutes: true }, 'Fargate', 'ecs-eks-fargate'],
    ['short batch work', { shape: 'batch', eventDriven: true }, 'Lambda', 'lambda-vs-batch'],
    ['long batch work', { shape: 'batch', over15Minutes: true }, 'Batch', 'aws-batch'],
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

  it('offers the matching snippets', () => {
    assert.equal(recommendCompute(base).snippets[0], 'berth-ecs-task-fargate');
    assert.equal(recommendCompute({ ...base, needsGpu: true }).snippets[0], 'berth-ecs-task-ec2-bridge');
    assert.equal(recommendCompute({ ...base, shape: 'batch', needsGpu: true }).snippets[0], 'berth-batch-job-ec2');
    assert.equal(recommendCompute({ ...base, shape: 'batch', over15Minutes: true }).snippets[0], 'berth-batch-job-fargate');
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
    for (const over15Minutes of [false, true]) for (const needsGpu of [false, true]) for (const shape of ['service', 'batch'] as const) for (const eventDriven of [false, true]) all.push({ over15Minutes, needsGpu, shape, needsKubernetes: false, eventDriven });
    for (const answers of all) {
      const r = recommendCompute(answers);
      assert.ok(r.snippets.some((p) => prefixes.has(p)), `${r.service}: none of ${r.snippets.join(', ')} ships`);
    }
  });
});
