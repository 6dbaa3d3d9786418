/** Findings as the MCP tools return them: 1-based lines and columns, as `berth lint --format json` prints them. */
import { z } from 'zod';
import type { Finding } from '../core/rules/types';
import type { TextEdit } from '../core/fix/types';
import type { LineIndex } from '../core/text/lineIndex';
import type { CdkConstruct } from '../io/cdk';

export const rangeShape = {
  line: z.number().describe('1-based line of the first character'),
  column: z.number().describe('1-based column (UTF-16 code units) of the first character'),
  endLine: z.number(),
  endColumn: z.number().describe('1-based column just past the last character'),
};

export const findingShape = {
  file: z.string().describe('Path relative to the project folder, or <text>'),
  ...rangeShape,
  severity: z.enum(['error', 'warning', 'info']),
  ruleId: z.string(),
  message: z.string(),
  docsUrl: z.string(),
  construct: z
    .object({
      path: z.string().describe('The aws:cdk:path of the resource'),
      source: z.object({ file: z.string(), line: z.number(), column: z.number() }).optional().describe('Where the CDK app creates it (cdk synth --debug)'),
    })
    .optional()
    .describe('Only in a template the CDK synthesized: the construct behind the finding; change the app, not cdk.out'),
};

/** A CDK construct without the absolute path the SARIF output uses. */
export function constructJson(construct: CdkConstruct | undefined) {
  if (!construct) return {};
  const { path, source } = construct;
  return { construct: { path, ...(source ? { source: { file: source.file, line: source.line, column: source.column } } : {}) } };
}

export const summaryShape = { files: z.number(), errors: z.number(), warnings: z.number(), infos: z.number() };

export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function rangeOf(lines: LineIndex, span: { readonly start: number; readonly end: number }): Range {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function findingJson(file: string, lines: LineIndex, f: Finding, construct?: CdkConstruct) {
  return { file, ...rangeOf(lines, f.span), severity: f.severity, ruleId: f.ruleId, message: f.message, docsUrl: f.docsUrl, ...constructJson(construct) };
}

/** A fix's id: its rule and where its finding starts, stable while the text does not change. */
export function fixId(lines: LineIndex, f: Finding): string {
  const { line, column } = rangeOf(lines, f.span);
  return `${f.ruleId}@${line}:${column}`;
}

export function editJson(lines: LineIndex, edit: TextEdit) {
  return { ...rangeOf(lines, edit.span), newText: edit.newText };
}

/** `file:line:col: severity: message [rule-id]`, the CLI's text line. */
export function findingLine(f: { file: string; line: number; column: number; severity: string; message: string; ruleId: string }): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message.replace(/\s*\r?\n\s*/g, ' ')} [${f.ruleId}]`;
}
