/** Berth's MCP server: the tools, over any transport (stdio in main.ts; tests may use others). */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './tools/answer';
import { registerDeployPlanTool } from './tools/deployPlan';
import { registerExplainTool } from './tools/explain';
import { registerFixTools } from './tools/fixes';
import { registerLintTools } from './tools/lint';

export const INSTRUCTIONS = `Berth checks AWS compute configuration (ECS task and service definitions, AWS Batch job definitions, Lambda configs, CloudFormation/SAM templates, serverless.yml, Dockerfiles) for mistakes AWS would reject at deploy time or that hurt in production.
Use lint on the project's files after changing them, or lint_text on a draft before writing it; explain tells what a rule or concept means; list_fixes and apply_fixes give the quick fixes and the fixed text (nothing is written to disk); deploy_plan shows what a deploy would do, without deploying.
Severity: error means AWS (or the image builder) rejects the input; warning works but hurts; info advises.`;

export function createMcpServer(context: ToolContext): McpServer {
  const server = new McpServer({ name: 'berth', title: 'Berth', version: context.version }, { instructions: INSTRUCTIONS });
  registerLintTools(server, context);
  registerFixTools(server, context);
  registerExplainTool(server, context);
  registerDeployPlanTool(server, context);
  return server;
}
