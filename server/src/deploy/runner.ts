/**
 * Running the container CLI (docker, podman, finch) and git: an injectable runner, so tests can record
 * every argv and fake failures. Secrets go on stdin (`input`), never in argv.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ContainerCliName } from '../core/config/targets';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Written to stdin, then stdin is closed. */
  readonly input?: string;
  readonly signal?: AbortSignal;
  /** Called with each line of output (stdout and stderr), for progress. */
  readonly onLine?: (line: string) => void;
}

export interface RunResult {
  /** Exit code; null when killed by a signal. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly aborted: boolean;
}

export interface ProcessRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
}

const MAX_CAPTURE = 1 << 20;

/** Spawns for real. Aborting sends SIGTERM, then SIGKILL after 5 s. A missing command resolves with code 127. */
export const spawnRunner: ProcessRunner = {
  run(command, args, options = {}) {
    return new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let aborted = false;
      let settled = false;
      const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        aborted = true;
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
        killTimer.unref();
      };
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      const lines = (chunk: string, pending: { rest: string }): void => {
        if (!options.onLine) return;
        const parts = (pending.rest + chunk).split(/\r?\n|\r/);
        pending.rest = parts.pop() ?? '';
        for (const line of parts) if (line.trim() !== '') options.onLine(line);
      };
      const outRest = { rest: '' };
      const errRest = { rest: '' };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (stdout.length < MAX_CAPTURE) stdout += chunk;
        lines(chunk, outRest);
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        if (stderr.length < MAX_CAPTURE) stderr += chunk;
        lines(chunk, errRest);
      });
      const finish = (code: number | null, extra = ''): void => {
        if (settled) return;
        settled = true;
        if (killTimer) clearTimeout(killTimer);
        options.signal?.removeEventListener('abort', onAbort);
        for (const rest of [outRest, errRest]) if (rest.rest.trim() !== '' && options.onLine) options.onLine(rest.rest);
        resolve({ code, stdout, stderr: stderr + extra, aborted });
      };
      child.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ENOENT' ? 127 : 1, `${command}: ${error.message}\n`));
      child.on('close', (code) => finish(code));
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  },
};

/** The first of docker, podman, finch found on PATH (or the preferred one, if it is there). */
export function detectContainerCli(env: NodeJS.ProcessEnv, preferred?: ContainerCliName): ContainerCliName | undefined {
  const candidates: ContainerCliName[] = preferred ? [preferred] : ['docker', 'podman', 'finch'];
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of candidates) {
    for (const dir of dirs) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return name;
      } catch {
        // next
      }
    }
  }
  return undefined;
}

/** The environment for child processes: without AWS credentials (the build does not need them). */
export function childEnv(base: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...extra };
  for (const key of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECURITY_TOKEN']) delete env[key];
  return env;
}
