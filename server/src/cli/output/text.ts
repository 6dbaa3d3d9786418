/**
 * Text output: one line per finding, `file:line:col: severity: message [rule-id]` (1-based), then a summary.
 * A finding in CDK output ends with the construct, and the app's line that created it when the synth kept it:
 *   `… [rule-id] (CDK construct WebStack/Api/Resource, created at lib/web-stack.ts:12)`
 * The summary:
 *   `3 problems (1 error, 2 warnings, 0 infos) in 2 files (5 checked)`  or  `No problems in 5 files.`
 */
import type { CliFinding } from '../lint';
import type { Summary } from './summary';

export function formatText(findings: readonly CliFinding[], summary: Summary): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${oneLine(f.message)} [${f.ruleId}]${constructNote(f)}`);
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) {
    lines.push(`No problems in ${plural(summary.files, 'file')}.`);
  } else {
    const files = new Set(findings.map((f) => f.file)).size;
    lines.push(
      `${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}) in ${plural(files, 'file')} (${summary.files} checked)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

function constructNote(f: CliFinding): string {
  if (!f.construct) return '';
  const { path, source } = f.construct;
  return ` (CDK construct ${path}${source ? `, created at ${source.file}:${source.line}` : ''})`;
}
