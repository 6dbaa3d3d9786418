/**
 * Berth's concept knowledge base: short articles that diagnostics and hovers link to.
 *
 * Each article is a markdown file in ./concepts with a fixed front matter block. esbuild bundles `.md` files as
 * text (and the test loader does the same), so this module stays pure: no file system access, no directory
 * scanning. The table of articles is generated from the files (scripts/codegen.ts): adding an article is adding its file.
 */

export { CONCEPT_DOCS_BASE, conceptUrl } from './links';

import { CONCEPT_SOURCES as SOURCES } from './concepts.generated';

export type ConceptId = keyof typeof SOURCES;

export interface Concept {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  /** Two plain-text sentences, usable on their own in a hover. */
  readonly summary: string;
  /** A page of the AWS documentation. */
  readonly awsDocs: string;
  /** Ids of related concepts. */
  readonly related: readonly string[];
  /** The markdown after the front matter. */
  readonly body: string;
}

const REQUIRED_FIELDS = ['id', 'title', 'topic', 'summary', 'awsDocs', 'related'] as const;

/**
 * Parses one article. The front matter is a fixed, flat shape (`key: value` lines and `related: [a, b]`), so a
 * tiny parser suffices. Throws on a malformed article; the unit tests make sure none ships.
 */
export function parseConcept(text: string): Concept {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalized);
  if (!match) {
    throw new Error('Concept article has no front matter block');
  }
  const fields = new Map<string, string>();
  for (const line of match[1].split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new Error(`Malformed front matter line: ${line}`);
    }
    const key = line.slice(0, colon).trim();
    if (fields.has(key)) {
      throw new Error(`Duplicate front matter key: ${key}`);
    }
    fields.set(key, line.slice(colon + 1).trim());
  }
  for (const key of REQUIRED_FIELDS) {
    if (!fields.get(key)) {
      throw new Error(`Concept article ${fields.get('id') ?? '(no id)'} lacks front matter field "${key}"`);
    }
  }
  const related = fields.get('related')!;
  if (!related.startsWith('[') || !related.endsWith(']')) {
    throw new Error(`"related" must be a [list] in concept ${fields.get('id')}`);
  }
  return {
    id: fields.get('id')!,
    title: fields.get('title')!,
    topic: fields.get('topic')!,
    summary: fields.get('summary')!,
    awsDocs: fields.get('awsDocs')!,
    related: related
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    body: normalized.slice(match[0].length).replace(/^\n+/, '').trimEnd() + '\n',
  };
}

let registry: Map<string, Concept> | undefined;

function concepts(): Map<string, Concept> {
  if (!registry) {
    const map = new Map<string, Concept>();
    for (const [key, text] of Object.entries(SOURCES)) {
      const concept = parseConcept(text);
      if (concept.id !== key) {
        throw new Error(`Concept registered as "${key}" declares id "${concept.id}"`);
      }
      map.set(key, concept);
    }
    registry = map;
  }
  return registry;
}

export function getConcept(id: string): Concept | undefined {
  return concepts().get(id);
}

/** All concepts, sorted by topic and then by title. */
export function allConcepts(): Concept[] {
  return [...concepts().values()].sort(
    (a, b) => compare(a.topic, b.topic) || compare(a.title, b.title) || compare(a.id, b.id),
  );
}

/** The full article for display: a `#` title, the body, and a link to the AWS documentation. */
export function conceptMarkdown(id: string): string | undefined {
  const concept = getConcept(id);
  if (!concept) return undefined;
  return `# ${concept.title}\n\n${concept.body.trimEnd()}\n\n[AWS documentation](${concept.awsDocs})\n`;
}

function compare(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
