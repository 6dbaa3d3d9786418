/**
 * The documents the editor shows offline: concept articles and rule pages, with the links between them.
 * Pure (the markdown is bundled); the LSP layer serves these through `berth/concept`, `berth/concepts` and
 * `berth/ruleDoc`.
 */
import { getRule } from '../rules/index';
import { allConcepts, conceptMarkdown, conceptUrl, getConcept } from './concepts';
import { ruleDoc } from './ruleDocs';

export interface ConceptSummary {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly summary: string;
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly markdown: string;
}

export function conceptSummaries(): ConceptSummary[] {
  return allConcepts().map(({ id, title, topic, summary }) => ({ id, title, topic, summary }));
}

/** The full concept article, with links to its related concepts. */
export function conceptArticle(id: string): Article | undefined {
  const concept = getConcept(id);
  const markdown = conceptMarkdown(id);
  if (!concept || !markdown) return undefined;
  const related = concept.related.map((r) => getConcept(r)).filter((c) => c !== undefined);
  const see = related.length ? `\n**Related:** ${related.map((c) => `[${c.title}](${conceptUrl(c.id)})`).join(' · ')}\n` : '';
  return { id, title: concept.title, markdown: markdown + see };
}

/** A rule's page, followed by a link to the concept that explains it. */
export function ruleArticle(ruleId: string): Article | undefined {
  const page = ruleDoc(ruleId);
  if (page === undefined) return undefined;
  const conceptId = getRule(ruleId)?.docs.concept;
  const concept = conceptId ? getConcept(conceptId) : undefined;
  const footer = concept ? `\n---\n\n**Concept:** [${concept.title}](${conceptUrl(concept.id)}). ${concept.summary}\n` : '';
  return { id: ruleId, title: ruleId, markdown: page.trimEnd() + '\n' + footer };
}
