import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONCEPTS_REQUEST, sendRequest, type ConceptSummary } from '../../server/src/lsp/protocol';
import { SHOW_CONCEPT } from './docLinks';

export type ConceptNode = { readonly type: 'topic'; readonly topic: string; readonly concepts: ConceptSummary[] } | { readonly type: 'concept'; readonly concept: ConceptSummary };

/** The Concepts tree: Berth's knowledge base grouped by topic; opening an item shows the article. */
export class ConceptsTree implements vscode.TreeDataProvider<ConceptNode> {
  private concepts: Promise<ConceptSummary[]> | undefined;

  constructor(private readonly client: LanguageClient) {}

  private load(): Promise<ConceptSummary[]> {
    this.concepts ??= sendRequest(this.client, CONCEPTS_REQUEST, {}).catch((error: unknown) => {
      this.concepts = undefined;
      throw error;
    });
    return this.concepts;
  }

  async getChildren(element?: ConceptNode): Promise<ConceptNode[]> {
    if (element?.type === 'concept') return [];
    if (element?.type === 'topic') return element.concepts.map((concept) => ({ type: 'concept', concept }));
    const byTopic = new Map<string, ConceptSummary[]>();
    for (const concept of await this.load()) {
      const list = byTopic.get(concept.topic) ?? [];
      list.push(concept);
      byTopic.set(concept.topic, list);
    }
    return [...byTopic.entries()].map(([topic, concepts]) => ({ type: 'topic', topic, concepts }));
  }

  getTreeItem(element: ConceptNode): vscode.TreeItem {
    if (element.type === 'topic') {
      const item = new vscode.TreeItem(element.topic, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `topic:${element.topic}`;
      item.description = `${element.concepts.length}`;
      item.contextValue = 'berth.topic';
      return item;
    }
    const { concept } = element;
    const item = new vscode.TreeItem(concept.title, vscode.TreeItemCollapsibleState.None);
    item.id = `concept:${concept.id}`;
    item.tooltip = new vscode.MarkdownString(`**${concept.title}**\n\n${concept.summary}`);
    item.iconPath = new vscode.ThemeIcon('book');
    item.contextValue = 'berth.concept';
    item.command = { command: SHOW_CONCEPT, title: 'Open article', arguments: [concept.id] };
    return item;
  }
}
