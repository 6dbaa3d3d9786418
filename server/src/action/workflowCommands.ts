/**
 * GitHub Actions' workflow commands (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
 * annotations on stdout (`::error file=…,line=…::message`), step outputs and the job summary as files the runner
 * names in GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Values are escaped as the runner's own toolkit escapes them.
 */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  readonly title?: string;
  /** Relative to the repository root (GITHUB_WORKSPACE). */
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly col?: number;
  readonly endColumn?: number;
}

/** `%`, CR and LF in a message. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Also `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(level: AnnotationLevel, message: string, properties: AnnotationProperties = {}): string {
  const order: (keyof AnnotationProperties)[] = ['file', 'line', 'endLine', 'col', 'endColumn', 'title'];
  const props = order
    .map((k) => [k, properties[k]] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

/** A line for GITHUB_OUTPUT; values with a newline use the heredoc form with a delimiter they cannot contain. */
export function outputLine(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  let delimiter = 'berth_EOF';
  while (value.includes(delimiter)) delimiter += '_';
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
