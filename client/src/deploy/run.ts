/**
 * Running a deploy command and reporting it: the engine (dist/deploy.js) runs inside the extension host behind a
 * cancellable progress notification (cancel → AbortController → the engine's signal); the "Berth Deploy" output
 * channel logs with timestamps, a status-bar item shows the step, the engine's questions are modal, and a final
 * notification links the AWS console. "Show deploy plan" opens its dry run as a markdown document.
 */
import * as vscode from 'vscode';
import type { DeployOptions, DeployResult, DeployTarget, Engine, Question } from './loader';
import { environmentOverrides } from './loader';
import type { DeployLog, DeployStatus } from './log';
import { PLAN_SCHEME, planMarkdown } from './planDocument';
import { describeTarget, type FoundTarget } from './targets';

export type CommandKind = 'deploy' | 'image' | 'rollback' | 'plan';

const TITLES: Record<CommandKind, (name: string) => string> = {
  deploy: (n) => `Deploying "${n}"`,
  image: (n) => `Building and pushing the image of "${n}"`,
  rollback: (n) => `Rolling back "${n}"`,
  plan: (n) => `Planning "${n}" (dry run, no AWS writes)`,
};

/** The "Show deploy plan" documents (a virtual scheme; the text is set before the document opens). */
export class PlanDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export class DeployRun {
  /** The target a deploy, push or rollback is running on (a plan does not count: it changes nothing). */
  private current: string | undefined;

  constructor(
    private readonly log: DeployLog,
    private readonly status: DeployStatus,
    private readonly plans: PlanDocuments,
  ) {}

  get running(): string | undefined {
    return this.current;
  }

  /** Runs the command on a complete target, with progress, questions and a final report. */
  async execute(kind: CommandKind, engine: Engine, found: FoundTarget): Promise<DeployResult> {
    const { target, folder } = found;
    const mode = kind === 'image' ? 'image' : 'deploy';
    const steps = kind === 'rollback' ? 1 : engine.planSteps(target, mode, true).length;
    const abort = new AbortController();
    const lintLines: string[] = [];
    let currentStep = '';
    this.log.line(`── ${TITLES[kind](target.name)} (${describeTarget(target)}; ${folder})`);
    if (kind !== 'plan') {
      this.current = target.name;
      this.status.show(target.name, 'starting');
    }
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Berth: ${TITLES[kind](target.name)}`, cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => {
            this.log.line(`Cancel requested during "${currentStep || 'start'}"; stopping at the next safe point…`);
            abort.abort();
          });
          const options: DeployOptions = {
            workspace: folder,
            trusted: vscode.workspace.isTrusted,
            dryRun: kind === 'plan',
            mode,
            signal: abort.signal,
            onProgress: (event) => {
              this.log.event(event);
              if (event.type === 'step' && event.status === 'start') {
                currentStep = event.message;
                progress.report({ message: event.message, increment: 100 / steps });
                if (kind !== 'plan') this.status.show(target.name, event.message);
              } else if (event.type === 'rollout') progress.report({ message: `Watching the rollout: ${event.message}` });
              else if (event.type === 'log' && currentStep === 'Lint the target files') lintLines.push(event.message);
            },
            confirm: (question) => this.ask(kind, question, lintLines),
            ...environmentOverrides(),
          };
          return kind === 'rollback' ? engine.rollback(target, options) : engine.deploy(target, options);
        },
      );
      this.log.result(result);
      if (kind === 'plan' && result.outcome === 'planned') await this.showPlan(target, result);
      else this.notify(result);
      return result;
    } finally {
      if (kind !== 'plan') {
        this.current = undefined;
        this.status.hide();
      }
    }
  }

  private async ask(kind: CommandKind, question: Question, lintLines: readonly string[]): Promise<boolean> {
    this.log.line(`? ${question.message}`);
    let answer: string | undefined;
    if (question.kind === 'lint-errors') {
      const detail = `${lintLines.slice(0, 8).join('\n')}${lintLines.length > 8 ? `\n… and ${lintLines.length - 8} more (Berth Deploy log)` : ''}`;
      answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail }, 'Deploy anyway');
      answer = answer === 'Deploy anyway' ? answer : undefined;
    } else if (question.kind === 'confirm-target') {
      const button = kind === 'rollback' ? 'Roll back' : 'Deploy';
      answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: 'This target has confirm: true in .berthrc.yaml.' }, button);
    } else {
      answer = await vscode.window.showInformationMessage(question.message, { modal: true }, 'Create repository');
    }
    this.log.line(`  → ${answer ?? 'no'}`);
    return answer !== undefined;
  }

  private async showPlan(target: DeployTarget, result: DeployResult): Promise<void> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${target.name}.md` });
    this.plans.set(uri, planMarkdown(target, result));
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  private notify(result: DeployResult): void {
    const success = result.outcome === 'completed' || result.outcome === 'not-watched' || result.outcome === 'pushed' || result.outcome === 'planned';
    const done = !success && result.done.length > 0 ? ` What was done: ${result.done.join(' ')}` : '';
    const hints = result.hints.length > 0 ? ` ${result.hints.join(' ')}` : '';
    const text = `Berth: ${result.message}${done}${hints}`;
    const buttons = [...(result.consoleUrl ? ['Open in AWS Console'] : []), 'Show Log'];
    const shown = success
      ? vscode.window.showInformationMessage(text, ...buttons)
      : result.outcome === 'cancelled' || result.outcome === 'declined'
        ? vscode.window.showWarningMessage(text, ...buttons)
        : vscode.window.showErrorMessage(text, ...buttons);
    void shown.then((pick) => {
      if (pick === 'Open in AWS Console' && result.consoleUrl) void vscode.env.openExternal(vscode.Uri.parse(result.consoleUrl));
      else if (pick === 'Show Log') this.log.show();
    });
  }
}
