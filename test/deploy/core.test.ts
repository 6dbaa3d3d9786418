/** Pure deploy parts: targets, rendering, tags, token, rollout verdicts, history. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendHistory, parseHistory, rollbackRevision } from '../../server/src/core/deploy/history';
import { decodeAuthorizationToken, digestFromPushOutput, imageRef, imageTag, registryHostOf } from '../../server/src/core/deploy/image';
import { planSteps } from '../../server/src/core/deploy/plan';
import { assessRollout, newEvents } from '../../server/src/core/deploy/rollout';
import { containerNamesOf, platformOf, renderTaskDefinition } from '../../server/src/core/deploy/render';
import { readBerthrc } from '../../server/src/core/config/berthrc';
import { missingForDeploy, renderTargetYaml, withTarget } from '../../server/src/core/deploy/target';

/** The deploy half of the one .berthrc.yaml reader. */
function parseDeployTargets(text: string) {
  const read = readBerthrc(text);
  return { targets: read.targets, errors: read.targetErrors };
}

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('deploy targets in .berthrc.yaml', () => {
  test('reads a complete target with defaults filled in', () => {
    const r = parseDeployTargets(`rules: {}\ndeploy:\n  targets:\n    web:\n      ecrRepository: team/web\n      containerName: app\n      taskDefinition: ecs/web.json\n      cluster: prod\n      service: web\n      region: eu-west-1\n      confirm: true\n      buildArgs: { VERSION: 1.2, NAME: x }\n      timeoutMinutes: 45\n`);
    assert.deepEqual(r.errors, []);
    const web = r.targets.web!;
    assert.equal(web.dockerfile, 'Dockerfile');
    assert.equal(web.context, '.');
    assert.equal(web.ecrRepository, 'team/web');
    assert.equal(web.confirm, true);
    assert.equal(web.forceNewDeployment, false);
    assert.deepEqual(web.buildArgs, { VERSION: '1.2', NAME: 'x' });
    assert.equal(web.timeoutMinutes, 45);
    assert.deepEqual(missingForDeploy(web), []);
  });

  test('no deploy section: no targets, no errors', () => {
    assert.deepEqual(parseDeployTargets('rules: {}\n'), { targets: {}, errors: [] });
  });

  test('errors carry the span of the value (or key) and name the setting', () => {
    const text = `deploy:\n  targets:\n    web:\n      ecrRepository: 123.dkr.ecr.eu-west-1.amazonaws.com/web\n      confirm: yes please\n      platform: linux/386\n      colour: blue\n      region:\n`;
    const r = parseDeployTargets(text);
    assert.deepEqual(
      r.errors.map((e) => [e.span.start, text.slice(e.span.start, e.span.end), e.message.split(' ')[0]]),
      [
        [text.indexOf('123.dkr'), '123.dkr.ecr.eu-west-1.amazonaws.com/web', 'deploy.targets.web.ecrRepository'],
        [text.indexOf('yes please'), 'yes please', 'deploy.targets.web.confirm'],
        [text.indexOf('linux/386'), 'linux/386', 'deploy.targets.web.platform'],
        [text.indexOf('colour'), 'colour', 'Unknown'],
        [text.indexOf('region'), 'region', 'deploy.targets.web.region'],
      ],
    );
    assert.deepEqual(missingForDeploy(r.targets.web!), ['ecrRepository', 'containerName', 'taskDefinition', 'cluster', 'service']);
  });

  test('withTarget adds a target to an existing file, keeping its comments and rules, and replaces it on a second save', () => {
    const original = '# team settings\nrules:\n  ecs/require-essential-container: warning # keep\n';
    const target = parseDeployTargets('deploy:\n  targets:\n    web: { ecrRepository: web, cluster: prod, service: web, containerName: app, taskDefinition: td.json, confirm: true }\n').targets.web!;
    const saved = withTarget(original, target);
    assert.ok(saved.startsWith(original), saved);
    assert.deepEqual(parseDeployTargets(saved), { targets: { web: target }, errors: [] });
    const changed = withTarget(saved, { ...target, cluster: 'staging' });
    assert.equal(parseDeployTargets(changed).targets.web!.cluster, 'staging');
    assert.equal(changed.match(/web:/g)!.length, 1);
    assert.deepEqual(parseDeployTargets(withTarget('', target)).targets.web, target);
  });

  test('kinds: express and lambda targets, their own settings, and a setting of another kind named at its key', () => {
    const text = [
      'deploy:',
      '  targets:',
      '    api:',
      '      kind: express',
      '      ecrRepository: api',
      '      service: api',
      '      executionRoleArn: arn:aws:iam::123456789012:role/exec',
      '      infrastructureRoleArn: arn:aws:iam::123456789012:role/service-role/infra',
      '      containerPort: 8080',
      '      cpu: 1024',
      '      healthCheckPath: /health',
      '    fn:',
      '      kind: lambda',
      '      ecrRepository: fn',
      '      function: arn:aws:lambda:eu-west-1:123456789012:function:fn',
      '      alias: live',
      '      cluster: prod',
      '    bad:',
      '      kind: batch',
      '      function: x',
      '      alias: "42"',
      '    bad2: { kind: express, executionRoleArn: ecsTaskExecutionRole, containerPort: 70000, cpu: lots }',
      '',
    ].join('\n');
    const r = parseDeployTargets(text);
    assert.deepEqual(r.targets.api, {
      name: 'api', kind: 'express', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false,
      ecrRepository: 'api', service: 'api', executionRoleArn: 'arn:aws:iam::123456789012:role/exec', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/service-role/infra', containerPort: 8080, cpu: '1024', healthCheckPath: '/health',
    });
    assert.equal(r.targets.fn!.function, 'arn:aws:lambda:eu-west-1:123456789012:function:fn');
    assert.deepEqual(
      r.errors.map((e) => [text.slice(e.span.start, e.span.end), e.message]),
      [
        ['cluster', '"cluster" is a setting of ecs and express targets; deploy.targets.fn is a lambda target.'],
        ['batch', 'deploy.targets.bad.kind must be one of ecs, express, lambda (ecs is the default).'],
        ['function', '"function" is a setting of lambda targets; deploy.targets.bad is an ecs target.'],
        ['alias', '"alias" is a setting of lambda targets; deploy.targets.bad is an ecs target.'],
        ['ecsTaskExecutionRole', 'deploy.targets.bad2.executionRoleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/ecsTaskExecutionRole.'],
        ['70000', 'deploy.targets.bad2.containerPort must be a port number between 1 and 65535.'],
        ['lots', 'deploy.targets.bad2.cpu must be CPU units such as "1024".'],
      ],
    );
    assert.deepEqual(missingForDeploy(r.targets.api!), []);
    assert.deepEqual(missingForDeploy({ ...r.targets.api!, executionRoleArn: undefined }), ['executionRoleArn']);
    assert.deepEqual(missingForDeploy({ name: 'x', kind: 'lambda', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false }), ['ecrRepository', 'function']);
    // saved and read back, kind and port included
    assert.deepEqual(parseDeployTargets(withTarget('', r.targets.api!)).targets.api, r.targets.api);
    assert.deepEqual(parseDeployTargets(`deploy:\n  targets:\n${renderTargetYaml(r.targets.fn!)}`).targets.fn, r.targets.fn);
    // the steps of each kind
    assert.deepEqual(planSteps(r.targets.api!).slice(8).map((s) => `${s.id}: ${s.title}`), ['update: Create or update the Express service', 'watch: Watch the Express service until it is active']);
    assert.deepEqual(planSteps(r.targets.fn!, 'deploy', false).slice(8).map((s) => s.id), ['update', 'watch', 'publish'], 'an alias needs the wait');
    assert.deepEqual(planSteps({ ...r.targets.fn!, alias: undefined }, 'deploy', false).slice(8).map((s) => s.id), ['update']);
  });

  test('a saved target reads back the same', () => {
    const r = parseDeployTargets(`deploy:\n  targets:\n    api:\n      ecrRepository: api\n      containerName: "app: main"\n      cluster: c\n      service: s\n      taskDefinition: td.json\n      buildArgs: { A: "1" }\n      confirm: true\n`);
    const again = parseDeployTargets(`deploy:\n  targets:\n${renderTargetYaml(r.targets.api!)}`);
    assert.deepEqual(again, r);
  });
});

describe('renderTaskDefinition', () => {
  const describeOutput = JSON.stringify({
    taskDefinition: {
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
      family: 'web',
      revision: 7,
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'ecs.capability.execution-role-awslogs' }],
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2026-01-01T00:00:00Z',
      registeredBy: 'arn:aws:iam::123456789012:user/me',
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      containerDefinitions: [
        { name: 'sidecar', image: 'busybox' },
        { name: 'app', image: 'old:1', environment: [{ name: 'EMPTY', value: '' }, { name: 'A', value: 'b' }], hostname: null },
      ],
    },
  });

  test('unwraps describe output, strips describe-only keys, sets the image, keeps empty env values', () => {
    const r = renderTaskDefinition(describeOutput, { containerName: 'app', image: `repo@${DIGEST}` });
    assert.ok(r.ok);
    assert.deepEqual(r.stripped.sort(), ['compatibilities', 'registeredAt', 'registeredBy', 'requiresAttributes', 'revision', 'status', 'taskDefinitionArn']);
    assert.equal(r.previousImage, 'old:1');
    assert.equal(r.platform, 'linux/arm64');
    assert.deepEqual(r.input.containerDefinitions, [
      { name: 'sidecar', image: 'busybox' },
      { name: 'app', image: `repo@${DIGEST}`, environment: [{ name: 'EMPTY', value: '' }, { name: 'A', value: 'b' }] },
    ]);
    assert.deepEqual(Object.keys(r.input).sort(), ['containerDefinitions', 'family', 'runtimePlatform']);
  });

  test('does not change the text it was given', () => {
    const text = `{"family":"f","containerDefinitions":[{"name":"app","image":"x"}]}`;
    const r = renderTaskDefinition(text, { containerName: 'app', image: 'y' });
    assert.ok(r.ok);
    assert.equal(r.platform, 'linux/amd64');
    assert.equal(text, `{"family":"f","containerDefinitions":[{"name":"app","image":"x"}]}`);
  });

  test('clear messages for a missing container, no family, templates and broken JSON', () => {
    const fail = (text: string, name = 'app') => {
      const r = renderTaskDefinition(text, { containerName: name, image: 'y', fileName: 'td.json' });
      assert.equal(r.ok, false);
      return (r as { message: string }).message;
    };
    assert.match(fail(`{"family":"f","containerDefinitions":[{"name":"web","image":"x"}]}`), /no container named "app"; its containers are "web"/);
    assert.match(fail(`{"containerDefinitions":[{"name":"app"}]}`), /has no "family"/);
    assert.match(fail(`{"family":{"Ref":"X"},"containerDefinitions":[{"name":"app"}]}`), /CloudFormation functions/);
    assert.match(fail(`{"family": "f",`), /cannot be read/);
    assert.match(fail(`[1]`), /must be a JSON object/);
  });

  test('platformOf maps runtimePlatform', () => {
    assert.equal(platformOf({ runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }), 'windows/amd64');
    assert.equal(platformOf({}), 'linux/amd64');
  });
});

describe('containerNamesOf (the first-deploy pick of the container)', () => {
  test('register input, describe output and YAML, in file order; unnamed containers left out', () => {
    assert.deepEqual(containerNamesOf(`{"family":"f","containerDefinitions":[{"name":"web"},{"image":"x"},{"name":"log"}]}`), { ok: true, names: ['web', 'log'] });
    const described = JSON.stringify({ taskDefinition: { family: 'web', revision: 7, containerDefinitions: [{ name: 'sidecar' }, { name: 'app' }] } });
    assert.deepEqual(containerNamesOf(described), { ok: true, names: ['sidecar', 'app'] });
    assert.deepEqual(containerNamesOf('family: f\ncontainerDefinitions:\n  - name: app\n    image: x\n', 'td.yaml'), { ok: true, names: ['app'] });
    assert.deepEqual(containerNamesOf('{"family":"f"}'), { ok: true, names: [] });
  });

  test("the file the deploy cannot read gives the deploy's message", () => {
    assert.deepEqual(containerNamesOf('{"family": "f",', 'td.json'), { ok: false, message: 'td.json cannot be read: Invalid JSON: expected a property name in double quotes, found the end of the file.' });
    assert.match((containerNamesOf('[1]', 'td.json') as { message: string }).message, /^td.json must be a JSON object/);
    assert.match((containerNamesOf('{"family":{"Ref":"X"},"containerDefinitions":[{"name":"app"}]}', 'td.json') as { message: string }).message, /CloudFormation functions/);
  });
});

describe('tags, references, token', () => {
  const now = new Date('2026-11-23T19:05:06.789Z');
  test('git SHA, dirty tags are unique, timestamp outside git', () => {
    assert.equal(imageTag({ sha: 'abc1234', dirty: false }, now), 'abc1234');
    assert.equal(imageTag({ sha: 'abc1234', dirty: true }, now), 'abc1234-dirty-20261123-190506z');
    assert.equal(imageTag({}, now), 'build-20261123-190506z');
    assert.match(imageTag({ sha: 'abc1234', dirty: true }, now), /^[a-z0-9][a-z0-9_.-]{0,127}$/);
  });
  test('refs and hosts', () => {
    assert.equal(registryHostOf('https://123456789012.dkr.ecr.us-east-1.amazonaws.com/'), '123456789012.dkr.ecr.us-east-1.amazonaws.com');
    assert.equal(imageRef('h:5000', 'team/web', DIGEST), `h:5000/team/web@${DIGEST}`);
    assert.equal(imageRef('h:5000', 'web', 'v1'), 'h:5000/web:v1');
  });
  test('token decoding', () => {
    assert.deepEqual(decodeAuthorizationToken(btoa('AWS:123456789012-auth-token')), { user: 'AWS', password: '123456789012-auth-token' });
    assert.deepEqual(decodeAuthorizationToken(btoa('AWS:a:b')), { user: 'AWS', password: 'a:b' });
    assert.equal(decodeAuthorizationToken(btoa('nocolon')), undefined);
    assert.equal(decodeAuthorizationToken('%%%'), undefined);
  });
  test('digest from docker push output', () => {
    assert.equal(digestFromPushOutput(`The push refers to repository [x]\nabc: Pushed\nv1: digest: ${DIGEST} size: 528\n`), DIGEST);
    assert.equal(digestFromPushOutput('nothing'), undefined);
  });
  test('a dry run plan shows which steps write', () => {
    const t = parseDeployTargets('deploy:\n  targets:\n    w: { ecrRepository: w }\n').targets.w!;
    assert.deepEqual(planSteps(t).filter((s) => s.write).map((s) => s.id), ['push', 'register', 'update']);
    assert.deepEqual(planSteps(t, 'image').map((s) => s.id), ['lint', 'identity', 'repository', 'preflight', 'login', 'build', 'inspect', 'push']);
    assert.deepEqual(planSteps(t).filter((s) => !s.needsAws).map((s) => s.id), ['lint', 'build', 'inspect', 'render']);
  });
});

describe('assessRollout', () => {
  const NEW = 'arn:aws:ecs:r:1:task-definition/web:8';
  const OLD = 'arn:aws:ecs:r:1:task-definition/web:7';
  const svc = (deployments: object[]) => ({ status: 'ACTIVE', deployments }) as Parameters<typeof assessRollout>[0];

  test('in progress, then draining, then completed', () => {
    const a = assessRollout(svc([{ id: 'd2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 1, rolloutState: 'IN_PROGRESS' }, { id: 'd1', status: 'ACTIVE', taskDefinition: OLD, runningCount: 2 }]), NEW, 'd2');
    assert.equal(a.state, 'in-progress');
    assert.equal(a.state === 'in-progress' && a.draining, false);
    assert.match(a.summary, /IN_PROGRESS: 1\/2 running; old tasks still running: 2/);
    const b = assessRollout(svc([{ id: 'd2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' }, { id: 'd1', status: 'ACTIVE', taskDefinition: OLD, runningCount: 1 }]), NEW, 'd2');
    assert.equal(b.state === 'in-progress' && b.draining, true);
    assert.equal(assessRollout(svc([{ id: 'd2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }]), NEW, 'd2').state, 'completed');
  });

  test('circuit breaker: FAILED with the reason and the revision it went back to', () => {
    const v = assessRollout(
      svc([
        { id: 'd3', status: 'PRIMARY', taskDefinition: OLD, rolloutState: 'IN_PROGRESS' },
        { id: 'd2', status: 'ACTIVE', taskDefinition: NEW, rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' },
      ]),
      NEW,
      'd2',
    );
    assert.equal(v.state, 'failed');
    assert.ok(v.state === 'failed' && v.rolledBack);
    assert.match(v.summary, /circuit breaker: tasks failed to start\. The circuit breaker rolled the service back to web:7/);
  });

  test('primary reverting without FAILED is a rollback too, never a success', () => {
    const v = assessRollout(svc([{ id: 'd3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 1, runningCount: 1, rolloutState: 'COMPLETED' }]), NEW, 'd2');
    assert.equal(v.state, 'failed');
  });

  test('new events are returned oldest first, once', () => {
    const seen = new Set<string>(['e1']);
    const events = [{ id: 'e3', message: 'three' }, { id: 'e2', message: 'two' }, { id: 'e1', message: 'one' }];
    assert.deepEqual(newEvents(events, seen).map((e) => e.message), ['two', 'three']);
    assert.deepEqual(newEvents(events, seen), []);
  });
});

describe('history', () => {
  test('rollback goes to what ran before the latest deploy; garbage reads as empty', () => {
    let h = parseHistory('not json');
    assert.deepEqual(h, { version: 1, targets: {} });
    const entry = (td: string, prev: string, action: 'deploy' | 'rollback' = 'deploy') => ({ at: 't', action, cluster: 'c', service: 's', taskDefinitionArn: td, previousTaskDefinitionArn: prev, outcome: 'completed' as const });
    h = appendHistory(h, 'web', entry('td:2', 'td:1'));
    h = appendHistory(h, 'web', entry('td:3', 'td:2'));
    assert.equal(rollbackRevision(h, 'web', 'td:3'), 'td:2');
    h = appendHistory(h, 'web', entry('td:2', 'td:3', 'rollback'));
    assert.equal(rollbackRevision(h, 'web', 'td:2'), 'td:1');
    assert.equal(rollbackRevision(parseHistory(JSON.stringify(h)), 'other'), undefined);
  });
});
