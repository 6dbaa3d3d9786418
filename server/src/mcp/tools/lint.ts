/** `lint` (paths, as berth lint) and `lint_text` (one text of a given kind, optionally standing in for a project file). */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { DOCUMENT_KINDS } from '../../core/kinds/detect';
import { formatText } from '../../cli/output/text';
import { constructJson, findingJson, findingLine, findingShape, fixId, summaryShape } from '../findings';
import { lintDocument, lintProjectPaths, openProject } from '../project';
import { answer, type ToolContext } from './answer';

export const documentShape = {
  path: z.string().optional().describe('A file in the project, relative to the project folder'),
  text: z.string().optional().describe('Text to check instead of the file on disk (with path: the unsaved new content of that file)'),
  kind: z.enum(DOCUMENT_KINDS).optional().describe('What the text is; detected from the content when left out'),
  language: z.enum(['json', 'yaml', 'dockerfile']).optional().describe('Syntax of a text without a path; guessed when left out'),
};

export function registerLintTools(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'lint',
    {
      title: 'Lint project files',
      description:
        'Runs `berth lint` on files, folders or globs of the project (default: the whole project) with its .berthrc.yaml, and returns every finding with its rule, severity, message and 1-based range. Cross-file rules see all the files given. Read-only.',
      inputSchema: {
        paths: z.array(z.string()).optional().describe('Files, folders or globs relative to the project folder; default: the whole project'),
        minSeverity: z.enum(['error', 'warning', 'info']).optional().describe('Leave out findings below this severity (default info)'),
      },
      outputSchema: { findings: z.array(z.object(findingShape)), summary: z.object(summaryShape), notes: z.array(z.string()) },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ paths, minSeverity }) =>
      answer(async () => {
        const report = await lintProjectPaths(openProject(context.root), paths ?? [], minSeverity ?? 'info');
        const text = formatText(report.findings, report.summary) + report.notes.map((n) => `note: ${n}\n`).join('');
        const findings = report.findings.map(({ file, line, column, endLine, endColumn, severity, ruleId, message, docsUrl, construct }) => ({
          file, line, column, endLine, endColumn, severity, ruleId, message, docsUrl, ...constructJson(construct),
        }));
        return { text, structured: { findings, summary: { ...report.summary }, notes: report.notes } };
      }, context.log),
  );

  server.registerTool(
    'lint_text',
    {
      title: 'Lint a text or one file',
      description:
        'Checks one document: a file of the project, or a text (a task definition, a template, a Dockerfile, ...) of a given kind, for example before writing it. With a path, the text stands in for that file and the rest of the project is indexed, so cross-file rules apply. Each finding says whether a quick fix exists (see list_fixes). Read-only: nothing is written.',
      inputSchema: documentShape,
      outputSchema: {
        kind: z.string().optional().describe('The kind Berth read the document as; absent when it is not AWS configuration'),
        findings: z.array(z.object({ ...findingShape, fix: z.string().optional().describe('Id of the quick fix, for apply_fixes') })),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (request) =>
      answer(() => {
        const { display, doc, findings, constructOf, fileOf } = lintDocument(openProject(context.root), request);
        const items = findings.map((f) => {
          // A plan's finding is shown at the .tf block that declares its resource (it has no fix: the plan is generated).
          const at = fileOf(f);
          return { ...findingJson(at.display, at.lines, f, constructOf?.(f.span)), ...(f.fix ? { fix: fixId(doc.lines, f) } : {}) };
        });
        const head = doc.kind ? `${display}: ${doc.kind}` : `${display}: not AWS configuration Berth checks (nothing to report)`;
        const text = [head, ...items.map((i) => findingLine(i) + (i.fix ? ` (quick fix: ${i.fix})` : '')), items.length ? `${items.length} finding(s).` : 'No problems.'].join('\n');
        return { text, structured: { ...(doc.kind ? { kind: doc.kind } : {}), findings: items } };
      }, context.log),
  );
}
