/** Entry of dist/action.js, which action.yml runs: the GitHub Action (run.ts) wired to the process. */
import { repository, version } from '../../../package.json';
import { runAction } from './run';

runAction({ env: process.env, cwd: process.cwd(), version, informationUri: repository.url, stdout: (t) => process.stdout.write(t) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    process.stdout.write(`::error title=Berth::Berth failed (${err.message}); this is a bug in Berth, please report it.\n`);
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  },
);
