/** Entry of dist/cli.js (`berth`). Kept thin: everything testable lives in run.ts. */
import { repository, version } from '../../../package.json';
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  version,
  informationUri: repository.url,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  debug: process.env.BERTH_DEBUG !== undefined && process.env.BERTH_DEBUG !== '',
});
