import { buildTemplate, type Template } from '../../../server/src/core/model/template';
import { parseJson } from '../../../server/src/core/parse/json';
import { parseYaml } from '../../../server/src/core/parse/yaml';

/** Builds a Template from YAML or JSON text (JSON when it starts with `{`). */
export function templateOf(text: string): Template {
  const tree = text.trimStart().startsWith('{') ? parseJson(text) : parseYaml(text);
  if (!tree.root || tree.root.kind !== 'object') throw new Error(`not a template: ${tree.problems.map((p) => p.message).join('; ')}`);
  return buildTemplate(tree.root);
}

/** The source text at a span. */
export const at = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);
