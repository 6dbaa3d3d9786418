/** Where Berth's concept articles are published; the VS Code client opens the bundled copy instead. */
export const CONCEPT_DOCS_BASE = 'https://github.com/berth-tools/berth/blob/main/server/src/core/docs/concepts/';

/** The published address of a concept article ("Read more" links; the client rewrites it to open offline). */
export function conceptUrl(id: string): string {
  return `${CONCEPT_DOCS_BASE}${id}.md`;
}
