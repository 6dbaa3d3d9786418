/** One shape for every tool's result: text for the model, structured content for programs, isError for a bad request. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ToolError } from '../project';

export interface ToolContext {
  /** The project folder (absolute). */
  readonly root: string;
  readonly version: string;
  /** Logs to stderr (the MCP channel is stdout). */
  log(message: string): void;
}

/**
 * Runs a tool body. A ToolError (the request cannot be served: a missing file, a broken config) becomes a
 * result with isError, which the agent reads and can act on; anything else is a bug in Berth, reported the
 * same way with its first line, the stack going to stderr. The server never dies of a tool call.
 */
export async function answer(body: () => { text: string; structured?: Record<string, unknown> } | Promise<{ text: string; structured?: Record<string, unknown> }>, log?: (m: string) => void): Promise<CallToolResult> {
  try {
    const { text, structured } = await body();
    return { content: [{ type: 'text', text }], ...(structured ? { structuredContent: structured } : {}) };
  } catch (error) {
    if (error instanceof ToolError) return { isError: true, content: [{ type: 'text', text: error.message }] };
    const err = error instanceof Error ? error : new Error(String(error));
    log?.(err.stack ?? err.message);
    return { isError: true, content: [{ type: 'text', text: `Berth failed on this request (${err.message}). This is a bug in Berth; please report it.` }] };
  }
}
