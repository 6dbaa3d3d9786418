// Runs probe.lua (a headless neovim 0.7.2 LSP client) against a language server; see run.mjs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

/**
 * Runs probe.lua in headless neovim against `cmd` (the server's command line) on `file`.
 * Resolves with the probe's JSON result plus { exitCode, stderr, wallMs }.
 */
export async function probe({ file, cmd, hover, filetype, codeAction, apply = false, timeoutMs = 15_000, wait = 'nonempty' }) {
  const scratch = await mkdtemp(path.join(tmpdir(), 'berth-nvim-'));
  const out = path.join(scratch, 'result.json');
  const env = {
    ...process.env,
    // Keep neovim's LSP log and state out of $HOME.
    XDG_CACHE_HOME: path.join(scratch, 'cache'),
    XDG_STATE_HOME: path.join(scratch, 'state'),
    XDG_DATA_HOME: path.join(scratch, 'data'),
    BERTH_PROBE_FILE: path.resolve(file),
    BERTH_PROBE_CMD: JSON.stringify(cmd),
    BERTH_PROBE_OUT: out,
    BERTH_PROBE_TIMEOUT_MS: String(timeoutMs),
    BERTH_PROBE_WAIT: wait,
    ...(hover ? { BERTH_PROBE_HOVER: hover } : {}),
    ...(filetype ? { BERTH_PROBE_FILETYPE: filetype } : {}),
    ...(codeAction ? { BERTH_PROBE_CODE_ACTION: codeAction } : {}),
    ...(apply ? { BERTH_PROBE_APPLY: '1' } : {}),
  };
  const started = Date.now();
  const child = spawn('nvim', ['--headless', '--clean', '-u', path.join(here, 'probe.lua')], {
    cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.on('data', (d) => { stderr += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  // probe.lua times itself out; this guard only catches a wedged neovim.
  const guard = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs + 15_000);
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? `signal ${signal}`));
  }).finally(() => clearTimeout(guard));
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is gone: the server exited with neovim */ }
  const wallMs = Date.now() - started;
  const result = existsSync(out) ? JSON.parse(await readFile(out, 'utf8')) : { ok: false, error: 'probe wrote no result' };
  await rm(scratch, { recursive: true, force: true });
  return { ...result, exitCode, stderr, wallMs };
}

