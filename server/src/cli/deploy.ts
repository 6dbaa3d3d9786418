/**
 * `berth deploy <target> [--dry-run] [--yes] [--no-wait] [--timeout MIN] [--format json] [--image-only] [--rollback]`
 *
 * Runs the deploy engine (dist/deploy.js, loaded only now, so `berth lint` never loads the AWS SDK).
 * Progress goes to stderr as plain text; `--format json` prints a JSON summary on stdout.
 * Exit codes: 0 completed (or planned / pushed / not watched), 1 failure, rollback, timeout or cancel, 2 usage.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type * as Engine from '../deploy/main';

export type DeployEngine = Pick<typeof Engine, 'deploy' | 'rollback' | 'EXIT_CODES'>;

export interface DeployCliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Asks a yes/no question on the terminal; undefined when there is no terminal (then the answer is no). */
  readonly ask?: (question: string) => Promise<boolean>;
  readonly signal?: AbortSignal;
  /** Tests inject the engine; by default dist/deploy.js next to dist/cli.js is required. */
  readonly engine?: DeployEngine;
  /** Extra engine options (endpoint and registry overrides, runner): tests only. */
  readonly engineOptions?: Partial<Engine.DeployOptions>;
}

export const DEPLOY_USAGE = `Usage: berth deploy <target> [options]

Builds the target's image, checks it and pushes it to ECR, then deploys it: an ECS service (registers
the task definition, updates the service, watches the rolling, blue/green, linear or canary deployment),
an ECS Express Mode service (creates or updates it, watches it until it is active, shows its URL) or a
container-image Lambda function (updates its code, waits, publishes a version and moves its alias).
A preflight stops a deploy that could not work before anything is pushed.
Targets live in .berthrc.yaml under deploy.targets.<name> (kind: ecs, express or lambda).

Options:
  --dry-run          Show the plan: the steps and their AWS calls, the strategy, the preflight and the
                     rendered task definition; no AWS write calls (without credentials: what the files say)
  --yes              Answer yes to every question (lint errors, confirm: true, repository creation)
  --no-wait          Do not watch the rollout after UpdateService
  --timeout MIN      Rollout timeout in minutes (default: the target's timeoutMinutes, or 30)
  --format text|json Output: progress on stderr (text), or also a JSON summary on stdout (json)
  --image-only       Build and push the image only
  --rollback         Roll the service back: stop a deployment under way with a rollback, else update
                     the service to the revision that ran before the last deploy
  -h, --help         Show this help

Exit codes: 0 completed, 1 failed, rolled back, timed out or cancelled, 2 usage error.`;

interface DeployArgs {
  target: string;
  dryRun: boolean;
  yes: boolean;
  wait: boolean;
  timeout?: number;
  format: 'text' | 'json';
  imageOnly: boolean;
  rollback: boolean;
}

class DeployUsageError extends Error {}

export function parseDeployArgs(argv: readonly string[]): DeployArgs | 'help' {
  const out: Partial<DeployArgs> & { dryRun: boolean; yes: boolean; wait: boolean; format: 'text' | 'json'; imageOnly: boolean; rollback: boolean } = {
    dryRun: false,
    yes: false,
    wait: true,
    format: 'text',
    imageOnly: false,
    rollback: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string => {
      const v = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new DeployUsageError(`${name} needs a value`);
      return v;
    };
    if (name === '-h' || name === '--help') return 'help';
    else if (name === '--dry-run') out.dryRun = true;
    else if (name === '--yes' || name === '-y') out.yes = true;
    else if (name === '--no-wait') out.wait = false;
    else if (name === '--image-only') out.imageOnly = true;
    else if (name === '--rollback') out.rollback = true;
    else if (name === '--timeout') {
      const v = value();
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 1440) throw new DeployUsageError(`--timeout must be a number of minutes between 0 and 1440, not "${v}"`);
      out.timeout = n;
    } else if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new DeployUsageError(`--format must be text or json, not "${v}"`);
      out.format = v;
    } else if (arg.startsWith('-')) throw new DeployUsageError(`unknown option "${name}"`);
    else if (out.target === undefined) out.target = arg;
    else throw new DeployUsageError(`only one target, not "${out.target}" and "${arg}"`);
  }
  if (out.target === undefined) throw new DeployUsageError('missing the target name: berth deploy <target>');
  if (out.imageOnly && out.rollback) throw new DeployUsageError('--image-only and --rollback do not go together');
  return out as DeployArgs;
}

/** Runs `berth deploy …` (argv without "deploy"); returns the exit code. */
export async function runDeploy(argv: readonly string[], io: DeployCliIo): Promise<number> {
  let args: DeployArgs | 'help';
  try {
    args = parseDeployArgs(argv);
  } catch (error) {
    if (!(error instanceof DeployUsageError)) throw error;
    io.stderr(`berth deploy: ${error.message}\n\n${DEPLOY_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(`${DEPLOY_USAGE}\n`);
    return 0;
  }
  const engine = io.engine ?? loadEngine();
  const stamp = (): string => new Date().toISOString().slice(11, 19);
  const options: Engine.DeployOptions = {
    workspace: io.cwd,
    dryRun: args.dryRun,
    yes: args.yes,
    wait: args.wait,
    mode: args.imageOnly ? 'image' : 'deploy',
    ...(args.timeout !== undefined ? { timeoutMinutes: args.timeout } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    onProgress: (event) => {
      if (event.type === 'step') {
        const mark = event.status === 'start' ? '…' : event.status === 'done' ? '✓' : event.status === 'failed' ? '✗' : '-';
        io.stderr(`${stamp()} ${mark} ${event.message}\n`);
      } else if (event.type === 'service-event') io.stderr(`${stamp()}   [service] ${event.at ? `${event.at} ` : ''}${event.message}\n`);
      else if (event.type === 'stage') io.stderr(`${stamp()}   [deployment] ${event.message}\n`);
      else if (event.type === 'preflight') io.stderr(`${stamp()}   [preflight] ${event.message}\n`);
      else io.stderr(`${stamp()}   ${event.message}\n`);
    },
    confirm: async (question) => {
      if (!io.ask) {
        io.stderr(`${stamp()} ? ${question.message} (no terminal to ask; pass --yes to answer yes)\n`);
        return false;
      }
      return io.ask(question.message);
    },
    ...io.engineOptions,
  };
  const result = args.rollback ? await engine.rollback(args.target, options) : await engine.deploy(args.target, options);
  io.stderr(`${stamp()} ${result.outcome.toUpperCase()}: ${result.message}\n`);
  if (result.done.length > 0 && result.outcome !== 'completed') io.stderr(`Done so far:\n${result.done.map((d) => `  - ${d}`).join('\n')}\n`);
  for (const hint of result.hints) io.stderr(`Hint: ${hint}\n`);
  if (result.url) io.stderr(`URL: ${result.url}\n`);
  if (result.consoleUrl) io.stderr(`Console: ${result.consoleUrl}\n`);
  if (args.dryRun && result.plan) io.stderr(planText(result));
  if (args.format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (args.dryRun && result.rendered) io.stdout(`${JSON.stringify(result.rendered, null, 2)}\n`);
  return engine.EXIT_CODES[result.outcome];
}

/** A dry run's plan on the terminal: the strategy, the steps with their AWS calls, the preflight's verdicts. */
export function planText(result: Engine.DeployResult): string {
  const lines = ['', `Plan for "${result.target}"${result.kind && result.kind !== 'ecs' ? ` (${result.kind})` : ''}${result.strategy ? `, ${result.strategy} deployment` : ''}:`];
  if (result.missing?.length) lines.push(`  Missing in .berthrc.yaml: ${result.missing.join(', ')}`);
  if (result.offline) lines.push(`  Without AWS: ${result.offline}`);
  (result.plan ?? []).forEach((step, i) => {
    const marks = [step.write ? 'writes' : '', step.needsAws && result.offline ? 'needs AWS' : ''].filter(Boolean);
    lines.push(`  ${i + 1}. ${step.title}${step.calls.length ? `: ${step.calls.join(', ')}` : ''}${marks.length ? ` [${marks.join(', ')}]` : ''}`);
  });
  if (result.preflight?.length) {
    lines.push('Preflight:');
    for (const c of result.preflight) lines.push(`  ${c.status.toUpperCase().padEnd(7)} ${c.title}: ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** dist/deploy.js sits next to dist/cli.js; the path is computed so esbuild does not bundle the engine into the CLI. */
function loadEngine(): DeployEngine {
  const file = join(__dirname, 'deploy.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as DeployEngine;
}

/**
 * `berth deploy` wired to the process: stdout/stderr, yes/no questions on a terminal, Ctrl-C cancels (a second
 * Ctrl-C exits). main.ts: `if (argv[0] === 'deploy') void deployMain(argv.slice(1)); else …`.
 */
export async function deployMain(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nberth deploy: cancelling (Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  try {
    process.exitCode = await runDeploy(argv, {
      cwd: process.cwd(),
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      signal: controller.signal,
      ...(interactive ? { ask: askOnTerminal } : {}),
    });
  } catch (error) {
    process.stderr.write(`berth deploy: internal error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => {
    rl.question(`${question} [y/N] `, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}
