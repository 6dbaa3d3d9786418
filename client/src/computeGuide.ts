import * as vscode from 'vscode';
import { SHOW_CONCEPT } from './docLinks';
import { LAMBDA_MAX_RUN, recommendCompute, type ComputeAnswers, type Recommendation } from './computeGuideLogic';

interface YesNo extends vscode.QuickPickItem {
  readonly value: boolean;
}

async function ask(title: string, step: number, yes: string, no: string): Promise<boolean | undefined> {
  const items: YesNo[] = [
    { label: 'Yes', description: yes, value: true },
    { label: 'No', description: no, value: false },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: `Berth: Compute guide (${step}/5)`, placeHolder: title, ignoreFocusOut: true });
  return pick?.value;
}

/** Asks the five questions; undefined when the user cancels. */
async function askAll(): Promise<ComputeAnswers | undefined> {
  const overLambdaTimeout = await ask(`Does one run (a request or a job) take longer than ${LAMBDA_MAX_RUN}?`, 1, 'Longer than Lambda allows', `Finishes within ${LAMBDA_MAX_RUN}`);
  if (overLambdaTimeout === undefined) return undefined;
  const needsGpu = await ask('Does it need a GPU?', 2, 'Training, inference, video', 'CPU only');
  if (needsGpu === undefined) return undefined;
  const shape = await vscode.window.showQuickPick(
    [
      { label: 'Long-running service', description: 'Answers requests all day (web app, API, worker)', value: 'service' as const },
      { label: 'Batch work', description: 'Runs, finishes and exits (jobs, pipelines)', value: 'batch' as const },
    ],
    { title: 'Berth: Compute guide (3/5)', placeHolder: 'Is it a long-running service or batch work?', ignoreFocusOut: true },
  );
  if (!shape) return undefined;
  const needsKubernetes = await ask('Does it need Kubernetes (its API, Helm charts, operators)?', 4, 'Kubernetes is a requirement', 'Any orchestrator will do');
  if (needsKubernetes === undefined) return undefined;
  const eventDriven = await ask('Is it event-driven (started by requests, queue messages, uploads, schedules)?', 5, 'Runs when something happens', 'Runs continuously');
  if (eventDriven === undefined) return undefined;
  return { overLambdaTimeout, needsGpu, shape: shape.value, needsKubernetes, eventDriven };
}

interface Snippet {
  readonly prefix: string;
  readonly language: string;
  readonly body: string;
  readonly description?: string;
}

/** Reads the snippets the extension contributes (package.json contributes.snippets), by prefix. */
async function loadSnippets(extension: vscode.Extension<unknown>): Promise<Map<string, Snippet>> {
  const out = new Map<string, Snippet>();
  const entries = ((extension.packageJSON as { contributes?: { snippets?: { language: string; path: string }[] } }).contributes?.snippets ?? []);
  for (const entry of entries) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, entry.path));
      const file = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { prefix?: string | string[]; body?: string | string[]; description?: string }>;
      for (const snippet of Object.values(file)) {
        const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
        if (body === undefined) continue;
        for (const prefix of [snippet.prefix ?? []].flat()) out.set(prefix, { prefix, language: entry.language, body, description: snippet.description });
      }
    } catch {
      // A missing or unreadable snippet file only means fewer snippets to offer.
    }
  }
  return out;
}

export interface GuideResult {
  readonly recommendation: Recommendation;
  readonly snippet?: string;
}

/**
 * `berth.computeGuide`: asks the questions (or takes answers as the argument, for tests and walkthrough
 * links), shows the recommendation with its reasons, and offers the matching snippet in a new file.
 */
export async function runComputeGuide(extension: vscode.Extension<unknown>, given?: ComputeAnswers & { readonly openSnippet?: boolean }): Promise<GuideResult | undefined> {
  const answers = given ?? (await askAll());
  if (!answers) return undefined;
  const recommendation = recommendCompute(answers);
  const snippets = await loadSnippets(extension);
  const snippet = recommendation.snippets.map((p) => snippets.get(p)).find((s) => s !== undefined);
  const detail = recommendation.reasons.map((r) => `• ${r}`).join('\n');
  const open = snippet ? `Open a ${recommendation.service} starter` : undefined;
  const explain = 'Explain';
  const choice = given
    ? given.openSnippet && open
      ? open
      : undefined
    : await vscode.window.showInformationMessage(`Berth recommends ${recommendation.service}.`, { modal: true, detail }, ...(open ? [open] : []), explain);
  if (choice === open && snippet) {
    const doc = await vscode.workspace.openTextDocument({ language: snippet.language, content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(snippet.body));
    return { recommendation, snippet: snippet.prefix };
  }
  if (choice === explain) await vscode.commands.executeCommand(SHOW_CONCEPT, recommendation.concept);
  return { recommendation };
}
