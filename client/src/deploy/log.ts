/** The "Berth Deploy" output channel (timestamped lines) and the status-bar item shown while a deploy runs. */
import * as vscode from 'vscode';
import type { DeployResult, ProgressEvent } from './loader';

export const SHOW_LOG_COMMAND = 'berth.showDeployLog';

export class DeployLog implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;
  /** Every line written in this session (without the timestamp), for tests and the modal details. */
  readonly lines: string[] = [];

  private get output(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel('Berth Deploy');
    return this.channel;
  }

  line(text: string): void {
    for (const part of text.split(/\r?\n/)) {
      this.lines.push(part);
      this.output.appendLine(`[${timestamp(new Date())}] ${part}`);
    }
    if (this.lines.length > 5000) this.lines.splice(0, this.lines.length - 5000);
  }

  event(event: ProgressEvent): void {
    if (event.type === 'step') {
      const mark = event.status === 'start' ? '…' : event.status === 'done' ? '✓' : event.status === 'failed' ? '✗' : '-';
      this.line(`${mark} ${event.message}`);
    } else if (event.type === 'service-event') this.line(`  [service event] ${event.at ? `${event.at} ` : ''}${event.message}`);
    else if (event.type === 'rollout') this.line(`  [rollout] ${event.message}`);
    else if (event.type === 'stage') this.line(`  [deployment] ${event.message}`);
    else if (event.type === 'preflight') this.line(`  [preflight] ${event.message}`);
    else this.line(`  ${event.message}`);
  }

  result(result: DeployResult): void {
    this.line(`${result.outcome.toUpperCase()}: ${result.message}`);
    if (result.done.length > 0 && result.outcome !== 'completed') {
      this.line('Done so far:');
      for (const d of result.done) this.line(`  - ${d}`);
    }
    for (const hint of result.hints) this.line(`Hint: ${hint}`);
    if (result.url) this.line(`URL: ${result.url}`);
    if (result.consoleUrl) this.line(`Console: ${result.consoleUrl}`);
  }

  show(): void {
    this.output.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

/** Local date and time with milliseconds: 2025-06-01 14:03:07.123. */
export function timestamp(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

export class DeployStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('berth.deploy', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Berth: deploy in progress';
    this.item.command = { command: SHOW_LOG_COMMAND, title: 'Show the deploy log' };
  }

  show(target: string, what: string, canRollBack = false): void {
    this.item.text = `$(sync~spin) Berth: ${target}: ${what}`;
    this.item.tooltip = `Berth is running "${target}". Click for the Berth Deploy log.${canRollBack ? ' "Berth: Roll back service" stops the deployment with a rollback.' : ''}`;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
