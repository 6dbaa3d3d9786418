/** Entry of dist/cli.js (`berth`). Kept thin: everything testable lives in run.ts. */
import { repository, version } from '../../../package.json';
import { runCli } from './run';

// `berth lint | head`: a closed pipe ends the run quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  version,
  informationUri: repository.url,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  debug: process.env.BERTH_DEBUG !== undefined && process.env.BERTH_DEBUG !== '',
});
