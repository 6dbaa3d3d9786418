/**
 * Running a deploy command and reporting it: the engine (dist/deploy.js) runs inside the extension host behind a
 * cancellable progress notification (cancel → AbortController → the engine's signal); the "Berth Deploy" output
 * channel logs with timestamps, a status-bar item shows the step, the engine's questions are modal, and a final
 * notification links the AWS console (and an Express service's URL). While a blue/green, linear or canary
 * deployment is watched, its stage shows in the notification and the status bar, and "Roll back" (offered when
 * the bake time starts, or "Berth: Roll back service") asks ECS to stop it with a rollback. "Show deploy plan"
 * opens its dry run as a markdown document.
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
  /** The running deploy's "Roll back": aborting it asks the engine to stop the deployment with a rollback. */
  private rollback: { readonly controller: AbortController; possible: boolean } | undefined;

  constructor(
    private readonly log: DeployLog,
    private readonly status: DeployStatus,
    private readonly plans: PlanDocuments,
  ) {}

  get running(): string | undefined {
    return this.current;
  }

  /** The running deploy watches a deployment that a rollback can still stop. */
  get canRollBack(): boolean {
    return this.rollback?.possible === true && !this.rollback.controller.signal.aborted;
  }

  /** The user's "Roll back" for the running deploy; false when there is nothing to roll back. */
  requestRollback(): boolean {
    if (!this.canRollBack) return false;
    this.log.line(`Roll back requested for "${this.current}": asking ECS to stop the deployment with a rollback (StopServiceDeployment ROLLBACK)…`);
    this.rollback!.controller.abort();
    return true;
  }

  /** Runs the command on a complete target, with progress, questions and a final report. */
  async execute(kind: CommandKind, engine: Engine, found: FoundTarget): Promise<DeployResult> {
    const { target, folder } = found;
    const mode = kind === 'image' ? 'image' : 'deploy';
    const steps = kind === 'rollback' ? 1 : engine.planSteps(target, mode, true).length;
    const abort = new AbortController();
    const lintLines: string[] = [];
    let currentStep = '';
    let bakeOffered = false;
    if (kind !== 'plan') this.rollback = { controller: new AbortController(), possible: false };
    const rollbackRequest = this.rollback?.controller.signal;
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
              else if (event.type === 'stage') {
                progress.report({ message: `Deployment: ${event.message}` });
                if (this.rollback) this.rollback.possible = event.canRollBack;
                if (kind !== 'plan') this.status.show(target.name, stageLine(event.message), this.canRollBack);
                if (event.stage === 'BAKE_TIME' && this.canRollBack && !bakeOffered) {
                  bakeOffered = true;
                  void this.offerRollback(target.name, event.message);
                }
              } else if (event.type === 'log' && currentStep === 'Lint the target files') lintLines.push(event.message);
            },
            confirm: (question) => this.ask(kind, question, lintLines),
            ...(rollbackRequest ? { rollbackRequest } : {}),
            ...environmentOverrides(),
          };
          return kind === 'rollback' ? engine.rollback(target, options) : engine.deploy(target, options);
        },
      );
      this.log.result(result);
      // A plan the preflight fails is still a plan: shown, and the failure notified.
      if (kind === 'plan' && result.plan) await this.showPlan(target, result);
      if (kind !== 'plan' || result.outcome !== 'planned') this.notify(result);
      return result;
    } finally {
      if (kind !== 'plan') {
        this.current = undefined;
        this.rollback = undefined;
        this.status.hide();
      }
    }
  }

  /** When the bake time starts: the last moment the old revision still runs, offer to go back to it. */
  private async offerRollback(name: string, stage: string): Promise<void> {
    const pick = await vscode.window.showWarningMessage(`Berth: "${name}" is in its bake time (${stage}). Roll back to the previous revision?`, 'Roll back');
    if (pick !== 'Roll back') return;
    if (this.current !== name || !this.requestRollback()) {
      void vscode.window.showInformationMessage(`Berth: the deployment of "${name}" has ended; "Berth: Roll back service" returns the service to the revision before it.`);
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
    } else if (question.kind === 'preflight-warnings') {
      answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: 'The preflight could not rule these out; the Berth Deploy log has every check.' }, 'Deploy anyway');
    } else if (question.kind === 'create-service') {
      answer = await vscode.window.showInformationMessage(question.message, { modal: true }, 'Create service');
    } else {
      answer = await vscode.window.showInformationMessage(question.message, { modal: true }, 'Create repository');
    }
    this.log.line(`  → ${answer ?? 'no'}`);
    return answer !== undefined;
  }

  private async showPlan(target: DeployTarget, result: DeployResult): Promise<void> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${target.name}.md` });
    const text = planMarkdown(target, result);
    // A plan shown before stays open with its old text until VS Code reads the new one: wait for that.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const updated = open && open.getText() !== text ? documentChanged(uri) : undefined;
    this.plans.set(uri, text);
    await updated;
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  private notify(result: DeployResult): void {
    const success = result.outcome === 'completed' || result.outcome === 'not-watched' || result.outcome === 'pushed' || result.outcome === 'planned';
    const done = !success && result.done.length > 0 ? ` What was done: ${result.done.join(' ')}` : '';
    const hints = result.hints.length > 0 ? ` ${result.hints.join(' ')}` : '';
    const text = `Berth: ${result.message}${done}${hints}`;
    const buttons = [...(result.url ? ['Open URL'] : []), ...(result.consoleUrl ? ['Open in AWS Console'] : []), 'Show Log'];
    const shown = success
      ? vscode.window.showInformationMessage(text, ...buttons)
      : result.outcome === 'cancelled' || result.outcome === 'declined'
        ? vscode.window.showWarningMessage(text, ...buttons)
        : vscode.window.showErrorMessage(text, ...buttons);
    void shown.then((pick) => {
      if (pick === 'Open URL' && result.url) void vscode.env.openExternal(vscode.Uri.parse(result.url));
      else if (pick === 'Open in AWS Console' && result.consoleUrl) void vscode.env.openExternal(vscode.Uri.parse(result.consoleUrl));
      else if (pick === 'Show Log') this.log.show();
    });
  }
}

/** Resolves when the document at `uri` changes (or after 5 s). */
function documentChanged(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === uri.toString() && done());
    const timer = setTimeout(done, 5000);
  });
}

/** A stage summary for the status bar: the strategy and stage, and the bake timer when there is one. */
export function stageLine(summary: string): string {
  const parts = summary.split(' · ');
  const strategy = parts[0]!.split(' ')[0];
  const stage = parts.find((p) => p.startsWith('stage '))?.slice('stage '.length);
  const bake = parts.find((p) => p.startsWith('bake time:'));
  return [strategy, bake ?? stage].filter(Boolean).join(' · ');
}
