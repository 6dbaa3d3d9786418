/**
 * Entry of dist/mcp.js: `berth mcp [--root DIR]`, an MCP server on stdio. The CLI requires this bundle on that
 * command only, so `berth lint` never loads the MCP SDK. Logs go to stderr: stdout carries the protocol.
 * Exit codes: 0 when the client closes the connection, 2 on a usage error.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer } from './server';
import { loadHclParser } from '../io/hclGrammar';

export const MCP_USAGE = `Usage: berth mcp [--root DIR]

Runs Berth's MCP server on stdin/stdout for coding agents. Tools: lint, lint_text,
list_fixes, apply_fixes, explain, deploy_plan. Files are read inside the project
folder only (default: the current folder); nothing is ever written or deployed.

Options:
  --root DIR    The project folder (default: the current folder)
  -h, --help    Show this help

Exit codes: 0 when the client closes the connection, 2 usage error.`;

export interface McpIo {
  readonly cwd: string;
  readonly version: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `berth mcp …` (argv without "mcp"). Resolves with the exit code once the connection closes. */
export async function runMcp(argv: readonly string[], io: McpIo): Promise<number> {
  let root = io.cwd;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      io.stdout(`${MCP_USAGE}\n`);
      return 0;
    }
    const value = arg.startsWith('--root=') ? arg.slice('--root='.length) : arg === '--root' ? argv[++i] : undefined;
    if (value === undefined || value === '') {
      io.stderr(`berth mcp: ${arg === '--root' || arg === '--root=' ? '--root needs a folder' : arg.startsWith('-') ? `unknown option "${arg}"` : `unexpected argument "${arg}"`}\n\n${MCP_USAGE}\n`);
      return 2;
    }
    root = resolve(io.cwd, value);
  }
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    io.stderr(`berth mcp: the project folder ${root} does not exist or is not a folder\n`);
    return 2;
  }
  // The tools lint synchronously; a long-running server loads the Terraform grammar once, up front.
  await loadHclParser();
  const server = createMcpServer({ root, version: io.version, log: (m) => io.stderr(`berth mcp: ${m}\n`) });
  const transport = new StdioServerTransport();
  // A line that is not JSON-RPC gets the JSON-RPC error answer (the SDK would only drop it), and the server goes on.
  transport.onerror = (error) => {
    const invalidJson = error instanceof SyntaxError;
    if (!invalidJson && error.name !== 'ZodError') return;
    io.stderr(`berth mcp: ignored a malformed message (${invalidJson ? 'not JSON' : 'not a JSON-RPC request'})\n`);
    const answer = { jsonrpc: '2.0', id: null, error: invalidJson ? { code: -32700, message: 'Parse error: the message is not JSON' } : { code: -32600, message: 'Invalid Request: not a JSON-RPC 2.0 request or notification' } };
    void transport.send(answer as unknown as JSONRPCMessage).catch(() => undefined);
  };
  const closed = new Promise<number>((done) => {
    transport.onclose = () => done(0);
    process.stdin.once('end', () => void server.close());
  });
  await server.connect(transport);
  io.stderr(`berth mcp: serving ${root} on stdio\n`);
  return closed;
}
