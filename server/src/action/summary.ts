/** The job summary (GITHUB_STEP_SUMMARY): counts, then a table of the findings, most severe first. */
import type { CliFinding } from '../cli/lint';
import type { Summary } from '../cli/output/summary';

/** Rows shown; the SARIF file and the log have them all. */
const MAX_ROWS = 100;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function jobSummary(findings: readonly CliFinding[], summary: Summary, notes: { sarifFile?: string; paths: readonly string[] }): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    '## Berth',
    '',
    findings.length === 0
      ? `No problems in ${plural(summary.files, 'file')} (${notes.paths.map((p) => `\`${p}\``).join(', ')}).`
      : `**${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}** in ${plural(summary.files, 'file')} checked (${notes.paths.map((p) => `\`${p}\``).join(', ')}).`,
  ];
  if (findings.length) {
    const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
    lines.push('', '| Severity | Where | Rule | Finding |', '|---|---|---|---|');
    for (const f of sorted.slice(0, MAX_ROWS)) {
      lines.push(`| ${f.severity} | \`${f.file}:${f.line}:${f.column}\` | [${f.ruleId}](${f.docsUrl}) | ${cell(f.message)} |`);
    }
    if (sorted.length > MAX_ROWS) lines.push('', `…and ${sorted.length - MAX_ROWS} more (see the log${notes.sarifFile ? ' or the SARIF file' : ''}).`);
  }
  if (notes.sarifFile) lines.push('', `SARIF: \`${notes.sarifFile}\` (upload it with \`github/codeql-action/upload-sarif\` for code scanning).`);
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/\|/g, '\\|');
}
