import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runComputeGuide } from './computeGuide';
import type { ComputeAnswers } from './computeGuideLogic';
import { ConceptsTree } from './conceptsView';
import { registerDeploy } from './deploy/commands';
import { SHOW_CONCEPT, SHOW_RULE_DOC } from './docLinks';
import { DocsPanel } from './docsPanel';
import { createKindStatus, type KindStatus } from './kindStatus';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to the extension-host tests. */
export interface BerthApi {
  readonly conceptsTree: ConceptsTree;
  readonly docs: DocsPanel;
  readonly kindStatus: KindStatus;
}

/** Starts the language server, the output channel and the status item, and registers the views and commands. */
export async function activate(context: vscode.ExtensionContext): Promise<BerthApi> {
  const output = vscode.window.createOutputChannel('Berth');
  context.subscriptions.push(output);
  registerDeploy(context); // deploy commands and CodeLens; the engine loads on the first deploy command
  client = createLanguageClient(context, output);
  const started = client.start();
  const docs = new DocsPanel(client);
  const conceptsTree = new ConceptsTree(client);
  const whenStarted = async <T>(f: () => Promise<T>): Promise<T> => {
    await started;
    return f();
  };
  context.subscriptions.push(
    docs,
    vscode.window.registerTreeDataProvider('berth.concepts', conceptsTree),
    vscode.commands.registerCommand(SHOW_CONCEPT, async (id?: string) => {
      const conceptId = id ?? (await pickConcept(conceptsTree));
      return conceptId ? whenStarted(() => docs.showConcept(conceptId)) : undefined;
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOC, (id: string) => whenStarted(() => docs.showRuleDoc(id))),
    vscode.commands.registerCommand('berth.computeGuide', (answers?: ComputeAnswers & { openSnippet?: boolean }) => runComputeGuide(context.extension, answers)),
    vscode.commands.registerCommand('berth.restartServer', () => client?.restart()),
  );
  await started;
  const kindStatus = createKindStatus(client);
  context.subscriptions.push(kindStatus);
  return { conceptsTree, docs, kindStatus };
}

async function pickConcept(tree: ConceptsTree): Promise<string | undefined> {
  const topics = await tree.getChildren();
  const items = topics.flatMap((t) =>
    t.type === 'topic' ? t.concepts.map((c) => ({ label: c.title, description: c.topic, detail: c.summary, id: c.id })) : [],
  );
  const pick = await vscode.window.showQuickPick(items, { title: 'Berth: Explain a concept', matchOnDetail: true });
  return pick?.id;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
