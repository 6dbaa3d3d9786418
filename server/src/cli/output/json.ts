/**
 * JSON output. This shape is a stable contract (documented in the README); change it only with a new `version`.
 *
 * {
 *   "version": 1,
 *   "findings": [
 *     {
 *       "file": string,       // the path as given on the command line (joined onto a given folder or glob base)
 *       "line": number,       // 1-based line of the first character
 *       "column": number,     // 1-based column (UTF-16 code units) of the first character
 *       "endLine": number,    // 1-based line of the end
 *       "endColumn": number,  // 1-based column just past the last character (exclusive end)
 *       "severity": "error" | "warning" | "info",
 *       "ruleId": string,     // e.g. "ecs/fargate-valid-cpu-memory"
 *       "message": string,
 *       "docsUrl": string,
 *       "construct"?: {       // only in a template the CDK synthesized (cdk.out)
 *         "path": string,     // the aws:cdk:path of the resource, e.g. "WebStack/Api/Resource"
 *         "source"?: { "file": string, "line": number, "column": number }  // where the app created it (cdk synth --debug)
 *       }
 *     }
 *   ],
 *   "summary": { "files": number, "errors": number, "warnings": number, "infos": number }
 * }
 *
 * `findings` keeps the order of the files as collected, and each file's findings by position.
 * `summary.files` counts the files read; the counts cover the findings printed (after --min-severity / --quiet).
 * Unreadable files appear as findings with ruleId "parse/unreadable-file" at line 1, column 1.
 * Keys appear in the order above; the output is one line of JSON followed by a newline.
 */
import type { CdkConstruct } from '../../io/cdk';
import type { CliFinding } from '../lint';
import type { Summary } from './summary';

export function formatJson(findings: readonly CliFinding[], summary: Summary): string {
  const out = {
    version: 1,
    findings: findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      ruleId: f.ruleId,
      message: f.message,
      docsUrl: f.docsUrl,
      ...(f.construct ? { construct: constructJson(f.construct) } : {}),
    })),
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos },
  };
  return `${JSON.stringify(out)}\n`;
}

function constructJson({ path, source }: CdkConstruct) {
  return { path, ...(source ? { source: { file: source.file, line: source.line, column: source.column } } : {}) };
}
