/** `berth mcp`: requires dist/mcp.js (the MCP SDK and the server) only for this command, as deploy does. */
import { join } from 'node:path';
import type * as Mcp from '../mcp/main';

export async function mcpMain(argv: readonly string[], version: string): Promise<void> {
  let mcp: typeof Mcp;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mcp = require(join(__dirname, 'mcp.js')) as typeof Mcp;
  } catch (error) {
    process.stderr.write(`berth mcp: cannot load dist/mcp.js next to the CLI (${(error as Error).message})\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await mcp.runMcp(argv, { cwd: process.cwd(), version, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
}
