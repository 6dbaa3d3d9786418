/**
 * The preflight in ECS deploys against the scripted AWS endpoint: each kind of failure stops the deploy before
 * the login and the build (or, for the built image, before the push) with what to change, and leaves nothing
 * half done; what cannot be checked is said and does not block. Also the plan: offline without credentials, the
 * preflight's findings in a dry run, and an incomplete target.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deploy } from '../../server/src/deploy/engine';
import { OLD, service, useScenario } from './helpers/scenario';
import { ACCOUNT, TASK_DEFINITION, useAwsEnv } from './helpers/workspace';

const s = useScenario();
const TG = (name: string) => `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;
const EXEC = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-task`;
const TD = { ...TASK_DEFINITION, executionRoleArn: EXEC, taskRoleArn: TASK_ROLE, containerDefinitions: [{ ...TASK_DEFINITION.containerDefinitions[0], portMappings: [{ containerPort: 8080 }] }] };
const trust = (principal: string) => encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: principal }, Action: 'sts:AssumeRole' }] }));

/** A blue/green service behind two target groups, routing to app:8080; roles that exist, trust ECS tasks and may be passed. */
function live(options: { types?: [string, string]; containerPort?: number; trusts?: Record<string, string>; missing?: string[]; pass?: string; simulate?: 'denied-to-simulate' } = {}): void {
  const [blue, green] = options.types ?? ['ip', 'ip'];
  const lb = { targetGroupArn: TG('blue'), containerName: 'app', containerPort: options.containerPort ?? 8080, advancedConfiguration: { alternateTargetGroupArn: TG('green'), productionListenerRule: 'rule', roleArn: 'role' } };
  s.on('DescribeServices', () => ({ body: { services: [service([{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: OLD, rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2 }], [], { loadBalancers: [lb], deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } })] } }));
  s.on('DescribeTargetGroups', () => ({ body: { TargetGroups: [{ TargetGroupArn: TG('blue'), TargetGroupName: 'blue', TargetType: blue }, { TargetGroupArn: TG('green'), TargetGroupName: 'green', TargetType: green }] } }));
  s.on('GetRole', (b) => {
    const name = b.RoleName as string;
    if (options.missing?.includes(name)) return { error: 'NoSuchEntity', message: `The role with name ${name} cannot be found.`, status: 404 };
    return { body: { Role: { RoleName: name, Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, Path: '/', RoleId: 'AROA', CreateDate: new Date(0), AssumeRolePolicyDocument: trust(options.trusts?.[name] ?? 'ecs-tasks.amazonaws.com') } } };
  });
  s.on('SimulatePrincipalPolicy', () => (options.simulate ? { error: 'AccessDenied', message: 'User is not authorized to perform: iam:SimulatePrincipalPolicy', status: 403 } : { body: { EvaluationResults: [{ EvalActionName: 'iam:PassRole', EvalDecision: options.pass ?? 'allowed' }], IsTruncated: false } }));
}

async function stopsBeforeTheBuild(expected: string | RegExp): Promise<void> {
  const { result, runner } = s.run();
  const r = await result;
  assert.equal(r.outcome, 'failed', r.message);
  if (typeof expected === 'string') assert.equal(r.message, expected);
  else assert.match(r.message, expected);
  assert.deepEqual(runner.runs.filter((x) => x.command === 'podman'), [], 'no login, no build');
  assert.ok(!s.aws.ops().includes('GetAuthorizationToken') && !s.aws.ops().includes('RegisterTaskDefinition'));
  assert.equal(r.steps.find((st) => st.id === 'preflight')!.status, 'failed');
  s.checkInvariants(r);
}

describe('the preflight stops a bad rollout before anything is pushed', () => {
  test('all checks pass: target groups, load balancer, roles, PassRole; the calls carry what AWS needs', async () => {
    s.workspace({}, TD);
    live();
    const r = await s.run({ wait: false }).result;
    assert.equal(r.outcome, 'not-watched', r.message);
    assert.deepEqual(r.preflight!.map((c) => `${c.id} ${c.status}`), ['platform passed', 'tag passed', 'target-type passed', 'load-balancer passed', 'roles passed', 'image passed']);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'DescribeTargetGroups')!.body, { Action: 'DescribeTargetGroups', Version: '2015-12-01', 'TargetGroupArns.member.1': TG('blue'), 'TargetGroupArns.member.2': TG('green') });
    const simulate = s.aws.calls.find((c) => c.op === 'SimulatePrincipalPolicy')!.body;
    assert.equal(simulate.PolicySourceArn, `arn:aws:iam::${ACCOUNT}:user/deployer`);
    assert.equal(simulate['ContextEntries.member.1.ContextKeyValues.member.1'], 'ecs-tasks.amazonaws.com');
    assert.ok(s.aws.ops().indexOf('SimulatePrincipalPolicy') < s.aws.ops().indexOf('GetAuthorizationToken'), 'the preflight runs before the login');
    s.checkInvariants(r);
  });

  test("target groups of the wrong type for the task's network mode", async () => {
    s.workspace({}, TD);
    live({ types: ['ip', 'instance'] });
    await stopsBeforeTheBuild("The preflight stopped the deploy before anything was pushed: Network mode awsvpc registers tasks by IP address, but the service's target group green (target type instance) does not: ECS cannot register the new tasks. Use target groups of type ip, or change the task's networkMode. Nothing was done.");
  });

  test("a container port the service's load balancer does not find", async () => {
    s.workspace({}, TD);
    live({ containerPort: 80 });
    await stopsBeforeTheBuild(/The service sends target group blue to port 80 of container "app", which maps port 8080\. Rename the container or add the port mapping/);
  });

  test('an execution role that does not exist, a task role that does not trust ECS tasks, a role you may not pass', async () => {
    s.workspace({}, TD);
    live({ missing: ['ecsTaskExecutionRole'] });
    await stopsBeforeTheBuild(/: The execution role ecsTaskExecutionRole does not exist \(create it, or fix the ARN\)\. Nothing was done\.$/);
    s.aws.calls.length = 0;
    live({ trusts: { 'web-task': 'lambda.amazonaws.com' } });
    await stopsBeforeTheBuild(/: The task role web-task does not trust ecs-tasks\.amazonaws\.com/);
    s.aws.calls.length = 0;
    live({ pass: 'implicitDeny' });
    await stopsBeforeTheBuild(/: You may not pass the execution role ecsTaskExecutionRole \(iam:PassRole is denied for your identity\); you may not pass the task role web-task/);
  });

  test('what cannot be checked is said, and does not block', async () => {
    s.workspace({}, TD);
    live({ simulate: 'denied-to-simulate' });
    const r = await s.run({ wait: false }).result;
    assert.equal(r.outcome, 'not-watched', r.message);
    const roles = r.preflight!.find((c) => c.id === 'roles')!;
    assert.equal(roles.status, 'skipped');
    assert.match(roles.message, /^Not fully checked: the execution role ecsTaskExecutionRole: iam:PassRole not simulated \(Access denied: User is not authorized to perform: iam:SimulatePrincipalPolicy\)/);
    assert.ok(s.events.some((e) => e.type === 'preflight' && e.message.startsWith('- Roles exist, trust the service and can be passed: Not fully checked')));
  });

  test('the target platform against runtimePlatform (before the build), and a built image of another architecture (before the push)', async () => {
    s.workspace({ platform: 'linux/amd64' });
    await stopsBeforeTheBuild(/The target builds for linux\/amd64, but the task definition's runtimePlatform runs linux\/arm64/);

    s.workspace();
    const { result, runner } = s.run({ behaviour: (_c, args) => (args[0] === 'image' && args[1] === 'inspect' ? { stdout: JSON.stringify([{ Os: 'linux', Architecture: 'amd64', Config: {} }]) } : undefined) });
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /^The preflight stopped the deploy before anything was pushed: The built image is linux\/amd64, but the task definition's runtimePlatform runs linux\/arm64/);
    assert.ok(!runner.runs.some((x) => x.args[0] === 'push'), 'not pushed');
    assert.equal(r.steps.find((st) => st.id === 'inspect')!.status, 'failed');
    s.checkInvariants(r);
  });
});

describe('the plan (dry run)', () => {
  test('without credentials: offline, the steps that need AWS listed as such, the rendered task definition and the tag', async () => {
    useAwsEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }); // the harness restores the environment
    const { result, runner } = s.run({ dryRun: true });
    const r = await result;
    assert.equal(r.outcome, 'planned', r.message);
    assert.deepEqual(s.aws.ops(), [], 'no request reached AWS');
    assert.match(r.offline!, /^No AWS credentials were found/);
    assert.match(r.message, /^Plan for "web": build <account>\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/web:build-\d{8}-\d{6}z for linux\/arm64, register web, update prod\/web\. Planned without AWS \(the steps that need it are listed, not run\): No AWS credentials were found/);
    assert.equal((r.rendered!.containerDefinitions as { image: string }[])[0]!.image, '<account>.dkr.ecr.eu-west-1.amazonaws.com/web@<digest after push>');
    assert.deepEqual(r.steps.map((st) => `${st.id} ${st.status}`), ['lint done', 'identity skipped', 'preflight done']);
    assert.deepEqual(r.preflight!.map((c) => `${c.id} ${c.status}`), ['platform passed', 'tag pending', 'target-type pending', 'load-balancer pending', 'roles pending', 'image pending']);
    assert.deepEqual(r.plan!.filter((p) => p.needsAws).map((p) => p.id), ['identity', 'repository', 'preflight', 'login', 'push', 'register', 'update', 'watch']);
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
  });

  test("with credentials: the preflight's findings; a failing one makes the plan fail with what to change", async () => {
    s.workspace({}, TD);
    live({ types: ['instance', 'instance'] });
    const r = await s.run({ dryRun: true }).result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /^Plan for "web": build .* register web, update prod\/web \(BLUE_GREEN deployment\)\. The preflight stopped the deploy before anything was pushed: Network mode awsvpc/);
    assert.ok(r.rendered && r.plan);
    assert.deepEqual(s.aws.ops().filter((op) => ['RegisterTaskDefinition', 'UpdateService', 'GetAuthorizationToken'].includes(op)), []);
  });

  test('an incomplete target: planned offline, with what a deploy would ask for', async () => {
    const r = await deploy({ name: 'web', kind: 'lambda', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false, ecrRepository: 'fn' }, { workspace: s.ws.dir, endpoint: s.aws.endpoint, dryRun: true });
    assert.equal(r.outcome, 'planned');
    assert.deepEqual(r.missing, ['function']);
    assert.match(r.message, /^Plan for "web": it needs function in \.berthrc\.yaml/);
    assert.deepEqual(s.aws.ops(), []);
  });
});
