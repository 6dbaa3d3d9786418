/** Entry of dist/cli-main.js, which dist/cli.js (`berth`, launch.ts) runs. Kept thin: everything testable lives in run.ts. */
import { isMainThread, workerData } from 'node:worker_threads';
import { repository, version } from '../../../package.json';
import { deployMain } from './deploy';
import { mcpMain } from './mcp';
import { loadHclParserFor } from '../io/hclGrammar';
import { runLintShard } from './parallel';
import { runCli } from './run';

const shard = isMainThread ? undefined : (workerData as { berthLintShard?: Parameters<typeof runLintShard>[0] } | undefined)?.berthLintShard;
if (shard) {
  // Started by parallel.ts: lint a share of the files and hand the findings back (the Terraform grammar first, if needed).
  void loadHclParserFor(shard.targets.map((t) => t.absolute)).then(() => runLintShard(shard));
} else {
  main();
}

function main(): void {
  // `berth lint | head`: a closed pipe ends the run quietly instead of crashing with EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  const argv = process.argv.slice(2);
  if (argv[0] === 'deploy') {
    // The deploy engine (and the AWS SDK) is loaded only on this path.
    void deployMain(argv.slice(1));
  } else if (argv[0] === 'mcp') {
    // Likewise the MCP server and its SDK (dist/mcp.js).
    void mcpMain(argv.slice(1), version);
  } else {
    void runCli(argv, {
      cwd: process.cwd(),
      version,
      informationUri: repository.url,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      debug: process.env.BERTH_DEBUG !== undefined && process.env.BERTH_DEBUG !== '',
    }).then((code) => {
      process.exitCode = code;
    });
  }
}
