/** Temporary deploy workspaces, a recording fake container CLI, and AWS environment handling for deploy tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessRunner, RunOptions, RunResult } from '../../../server/src/deploy/runner';

export const ACCOUNT = '123456789012';
export const SECRET_KEY = 'wJalrXUtnFEMI-secret-key-never-logged';
export const REGISTRY_PASSWORD = 'registry-password-never-in-argv';

export const TASK_DEFINITION = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
  containerDefinitions: [{ name: 'app', image: 'placeholder', essential: true, environment: [{ name: 'EMPTY', value: '' }] }],
};

export function makeWorkspace(target: Record<string, unknown> = {}, taskDefinition: unknown = TASK_DEFINITION): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'berth-deploy-ws-'));
  // A key set to undefined leaves that default out (an express or lambda target has no task definition).
  const settings = Object.fromEntries(Object.entries({ ecrRepository: 'web', containerName: 'app', taskDefinition: 'td.json', cluster: 'prod', service: 'web', ...target }).filter(([, v]) => v !== undefined));
  const lines = Object.entries(settings).map(([k, v]) => `      ${k}: ${typeof v === 'object' ? JSON.stringify(v) : JSON.stringify(v)}`);
  writeFileSync(join(dir, '.berthrc.yaml'), `deploy:\n  targets:\n    web:\n${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  writeFileSync(join(dir, 'hello.txt'), 'hello\n');
  writeFileSync(join(dir, 'td.json'), JSON.stringify(taskDefinition, null, 2));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RecordedRun {
  readonly command: string;
  readonly args: readonly string[];
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export type FakeBehaviour = (command: string, args: readonly string[], options: RunOptions) => Promise<Partial<RunResult>> | Partial<RunResult> | undefined;

/**
 * A container CLI that succeeds unless `behaviour` answers otherwise: push prints a digest, `image inspect` describes
 * an image of the platform the last build asked for (with `config`'s Entrypoint, Cmd, Env). git says "not a repository".
 */
export function fakeRunner(behaviour: FakeBehaviour = () => undefined, digest = `sha256:${'d'.repeat(64)}`, config: Record<string, unknown> = { Cmd: ['/app'] }): ProcessRunner & { runs: RecordedRun[] } {
  const runs: RecordedRun[] = [];
  let platform = 'linux/amd64';
  return {
    runs,
    async run(command, args, options = {}) {
      runs.push({ command, args: [...args], ...(options.input !== undefined ? { input: options.input } : {}), ...(options.env ? { env: options.env } : {}) });
      const custom = await behaviour(command, args, options);
      if (custom) return { code: 0, stdout: '', stderr: '', aborted: false, ...custom };
      if (command === 'git') return { code: 128, stdout: '', stderr: 'fatal: not a git repository', aborted: false };
      if (args[0] === 'build') platform = args[args.indexOf('--platform') + 1] ?? platform;
      if (args[0] === 'push') return { code: 0, stdout: `latest: digest: ${digest} size: 528\n`, stderr: '', aborted: false };
      if (args[0] === 'image' && args[1] === 'inspect') {
        const [os, architecture] = platform.split('/');
        return { code: 0, stdout: JSON.stringify([{ Os: os, Architecture: architecture, Config: config }]), stderr: '', aborted: false };
      }
      return { code: 0, stdout: '', stderr: '', aborted: false };
    },
  };
}

const AWS_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_ECS', 'AWS_ENDPOINT_URL_ECR', 'AWS_ENDPOINT_URL_STS', 'AWS_MAX_ATTEMPTS'];

/** Sets a clean AWS environment (static test credentials, no files, no IMDS) and returns a function that restores the old one. */
export function useAwsEnv(extra: Record<string, string | undefined> = {}): () => void {
  const saved = Object.fromEntries(AWS_VARS.map((k) => [k, process.env[k]]));
  const set: Record<string, string | undefined> = {
    AWS_ACCESS_KEY_ID: 'AKIDBERTHTEST',
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_REGION: 'eu-west-1',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/berth/credentials',
    AWS_CONFIG_FILE: '/nonexistent/berth/config',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
  for (const k of AWS_VARS) delete process.env[k];
  for (const [k, v] of Object.entries(set)) if (v !== undefined) process.env[k] = v;
  return () => {
    for (const k of AWS_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}
