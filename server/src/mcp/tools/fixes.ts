/** `list_fixes` and `apply_fixes`: the quick fixes the editor offers, and the text with them applied (never written to disk). */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { applyEdits, fixAllEdits } from '../../core/fix/fixAll';
import type { Finding } from '../../core/rules/types';
import { editJson, findingJson, findingLine, findingShape, fixId, rangeShape } from '../findings';
import { lintDocument, openProject, ToolError } from '../project';
import { answer, type ToolContext } from './answer';
import { documentShape } from './lint';

export function registerFixTools(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'list_fixes',
    {
      title: 'List quick fixes',
      description:
        'Lists the quick fixes Berth offers for a file of the project or a text: for each, its id, title, the finding it fixes and the exact text edits (1-based ranges). Narrow to one line or one rule. apply_fixes returns the fixed text. Read-only.',
      inputSchema: {
        ...documentShape,
        line: z.number().int().positive().optional().describe('Only fixes for findings that cover this 1-based line'),
        ruleId: z.string().optional().describe('Only fixes for this rule, e.g. ecs/fargate-valid-cpu-memory'),
      },
      outputSchema: {
        fixes: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            finding: z.object(findingShape),
            edits: z.array(z.object({ ...rangeShape, newText: z.string() })),
          }),
        ),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ line, ruleId, ...request }) =>
      answer(() => {
        const { display, doc, findings } = lintDocument(openProject(context.root), request);
        const fixes = findings
          .filter((f) => f.fix && (ruleId === undefined || f.ruleId === ruleId))
          .map((f) => ({ id: fixId(doc.lines, f), title: f.fix!.title, finding: findingJson(display, doc.lines, f), edits: f.fix!.edits.map((e) => editJson(doc.lines, e)) }))
          .filter((x) => line === undefined || (x.finding.line <= line && line <= x.finding.endLine));
        const text = fixes.length
          ? fixes.map((x) => `${x.id}: ${x.title}\n  for ${findingLine(x.finding)}`).join('\n')
          : `No quick fixes${findings.length ? ` for the ${findings.length} finding(s)` : ''} in ${display}${line !== undefined ? ` on line ${line}` : ''}${ruleId ? ` for ${ruleId}` : ''}.`;
        return { text, structured: { fixes } };
      }, context.log),
  );

  server.registerTool(
    'apply_fixes',
    {
      title: 'Apply quick fixes',
      description:
        'Applies quick fixes (the ids from list_fixes, or every fix when none are named) to a file of the project or a text and returns the fixed text with the findings that remain. Nothing is written: save the text yourself. Fixes that overlap one already applied are skipped; run again to apply them.',
      inputSchema: {
        ...documentShape,
        fixes: z.array(z.string()).optional().describe('Fix ids from list_fixes; default: all'),
      },
      outputSchema: {
        text: z.string().describe('The fixed text'),
        applied: z.array(z.string()),
        skipped: z.array(z.string()).describe('Fixes left out because they overlap an applied one'),
        remaining: z.array(z.object(findingShape)).describe('Findings in the fixed text'),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ fixes: wanted, ...request }) =>
      answer(() => {
        const project = openProject(context.root);
        const { display, doc, findings } = lintDocument(project, request);
        const fixable = findings.filter((f) => f.fix);
        const byId = new Map(fixable.map((f) => [fixId(doc.lines, f), f] as const));
        const unknown = (wanted ?? []).filter((id) => !byId.has(id));
        if (unknown.length) {
          throw new ToolError(`No quick fix ${unknown.map((u) => `"${u}"`).join(', ')} in ${display}; its fixes are: ${[...byId.keys()].join(', ') || 'none'}. Call list_fixes again after the text changed.`);
        }
        const chosen = wanted ? wanted.map((id) => byId.get(id)!) : fixable;
        const edits = fixAllEdits(chosen);
        const taken = new Set(edits);
        const applied = chosen.filter((f) => f.fix!.edits.every((e) => taken.has(e)));
        const skipped = chosen.filter((f) => !applied.includes(f));
        const fixed = applyEdits(doc.text, edits);
        // The findings of the fixed text, with the same project index around it.
        const after = lintDocument(project, { ...request, text: fixed, ...(doc.kind ? { kind: doc.kind } : {}) });
        const remaining = after.findings.map((f: Finding) => findingJson(after.fileOf(f).display, after.fileOf(f).lines, f));
        const ids = (list: Finding[]) => list.map((f) => fixId(doc.lines, f));
        const summary = `${applied.length} fix(es) applied to ${display}${skipped.length ? `, ${skipped.length} skipped (overlapping; run again)` : ''}; ${remaining.length} finding(s) remain. The file on disk is unchanged.`;
        return { text: `${summary}\n\n${fixed}`, structured: { text: fixed, applied: ids(applied), skipped: ids(skipped), remaining } };
      }, context.log),
  );
}
