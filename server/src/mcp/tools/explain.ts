/** `explain`: a rule's page or a concept article, as the editor shows them (bundled, offline). */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { conceptArticle, conceptSummaries, ruleArticle } from '../../core/docs/articles';
import { RULES } from '../../core/rules/index';
import { didYouMean } from '../../core/schema/didYouMean';
import { ToolError } from '../project';
import { answer, type ToolContext } from './answer';

export function registerExplainTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'explain',
    {
      title: 'Explain a rule or concept',
      description:
        "Returns the documentation of a Berth rule (by id, e.g. ecs/fargate-valid-cpu-memory: what it checks, why, the fix, AWS's sources) or of a concept (e.g. fargate-task-size, task-role-vs-execution-role) as markdown. Without an id, lists every rule and concept with a one-line summary.",
      inputSchema: { id: z.string().optional().describe('A rule id or a concept id; leave out for the list') },
      outputSchema: {
        id: z.string().optional(),
        title: z.string().optional(),
        markdown: z.string().optional(),
        rules: z.array(z.object({ id: z.string(), severity: z.string(), summary: z.string() })).optional(),
        concepts: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string() })).optional(),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ id }) =>
      answer(() => {
        if (id === undefined || id.trim() === '') {
          const rules = RULES.map((r) => ({ id: r.id, severity: r.severity, summary: r.docs.summary }));
          const concepts = conceptSummaries().map(({ id, title, summary }) => ({ id, title, summary }));
          const text = ['# Rules', ...rules.map((r) => `- ${r.id} (${r.severity}): ${r.summary}`), '', '# Concepts', ...concepts.map((c) => `- ${c.id}: ${c.title}`)].join('\n');
          return { text, structured: { rules, concepts } };
        }
        const article = ruleArticle(id.trim()) ?? conceptArticle(id.trim());
        if (!article) {
          const known = [...RULES.map((r) => r.id), ...conceptSummaries().map((c) => c.id)];
          const suggestion = didYouMean(id.trim(), known);
          throw new ToolError(`No rule or concept "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Call explain without an id for the list.`);
        }
        return { text: article.markdown, structured: { id: article.id, title: article.title, markdown: article.markdown } };
      }, context.log),
  );
}
