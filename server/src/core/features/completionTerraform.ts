/**
 * Completion in Terraform: keys and values inside a JSON argument (jsonencode() objects in HCL syntax, JSON text in
 * a heredoc), and the API's values for the arguments of the resources Berth models (`network_mode = "|"`). Argument
 * names are left to the Terraform language server, which knows the provider's schema (blocks and attributes).
 */
import { prepare, type PreparedDocument } from '../analyze';
import type { Path, Span } from '../parse/tree';
import { propertyDocAt } from '../schema/registry';
import type { CompletionOptions } from './completion';
import { keyEditAt, type KeyEdit } from './completionKeyEdit';
import { PROBE, jsonKeyProbe } from './completionProbe';
import { propertyEntries } from './completionProperties';
import { valueCompletions } from './completionValues';
import { isInJsonArgument, locateTerraform, type TerraformLocation } from './terraformPath';
import { terraformSchemaPath } from './terraformPath';
import type { CompletionEntry } from './types';

export function terraformCompletions(doc: PreparedDocument, offset: number, word: Span, options: CompletionOptions): CompletionEntry[] {
  const here = locateTerraform(doc.text, doc.tree?.root, offset);
  if (here?.inJsonText) return jsonTextCompletions(doc, here, offset, word, options);
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const before = doc.text.slice(lineStart, word.start);
  const value = /(?:^|[\s{,])(?:[A-Za-z_][\w-]*|"[^"\n]*")\s*=\s*(?:\[\s*(?:(?:"[^"\n]*"|[\w.-]+)\s*,\s*)*)?("?)$/.exec(before);
  if (value) return hclValueCompletions(doc, offset, word, value[1] === '"', options);
  if (/^\s*$|[{,]\s*$/.test(before)) return hclKeyCompletions(doc, offset, word);
  return [];
}

/**
 * Terraform's JSON syntax (`.tf.json`): the API's values for an argument (`"network_mode": "|"`), and keys and values
 * inside a JSON string argument (`container_definitions`); argument names are left to the Terraform language server.
 */
export function terraformJsonCompletions(doc: PreparedDocument, offset: number, word: Span, options: CompletionOptions): CompletionEntry[] {
  const here = locateTerraform(doc.text, doc.tree?.root, offset);
  if (!here) return [];
  if (here.inJsonText) return jsonTextCompletions(doc, here, offset, word, options);
  return here.pair && !here.onKey && here.node.kind === 'scalar' ? valueEntries(doc, here.path, word, options, true) : [];
}

/** JSON in a heredoc or quoted string: keys in JSON syntax, values inside their quotes. */
function jsonTextCompletions(doc: PreparedDocument, here: TerraformLocation, offset: number, word: Span, options: CompletionOptions): CompletionEntry[] {
  if (here.pair && !here.onKey && here.node.kind === 'scalar') return valueEntries(doc, here.path, word, options, true);
  const probe = jsonKeyProbe(doc.text, offset, word);
  if (!probe) return [];
  const at = locateTerraform(probe.text, prepare({ uri: doc.uri, text: probe.text }).tree?.root, probe.offset);
  if (!at?.inJsonText || !at.pair?.key.includes(PROBE)) return [];
  return keyEntries(at, keyEditAt(doc.text, offset, word, 'json'));
}

/** A key being typed inside a jsonencode() object: completed through a probe attribute (`wor__berth_probe__ = 0`). */
function hclKeyCompletions(doc: PreparedDocument, offset: number, word: Span): CompletionEntry[] {
  const typed = doc.text.slice(word.start, offset);
  const hasValue = /^[ \t]*=(?!=)/.test(doc.text.slice(word.end, word.end + 200)); // `ess| = true`: the value is there
  const text = `${doc.text.slice(0, word.start)}${typed}${PROBE}${hasValue ? '' : ' = 0'}${doc.text.slice(word.end)}`;
  const at = locateTerraform(text, prepare({ uri: doc.uri, text }).tree?.root, word.start + typed.length);
  if (!at?.pair?.key.includes(PROBE) || at.inJsonText || !isInJsonArgument(at.path)) return [];
  return keyEntries(at, keyEditAt(doc.text, offset, word, 'hcl'));
}

function keyEntries(at: TerraformLocation, edit: KeyEdit): CompletionEntry[] {
  const mapped = terraformSchemaPath(at.path.slice(0, -1));
  if (!mapped) return [];
  return propertyEntries(mapped.kind, mapped.path, at.parent, edit, false);
}

/**
 * A value after `key = ` (or in a list after `key = [`), quoted or not: the value is made a probe string so the
 * document parses whatever was typed; strings are inserted with their quotes when none was typed.
 */
function hclValueCompletions(doc: PreparedDocument, offset: number, word: Span, quoted: boolean, options: CompletionOptions): CompletionEntry[] {
  const { text } = doc;
  const typed = text.slice(word.start, offset);
  const start = quoted ? word.start - 1 : word.start;
  const end = quoted && text[word.end] === '"' ? word.end + 1 : word.end;
  const probe = `${text.slice(0, start)}"${typed}${PROBE}"${text.slice(end)}`;
  const target = prepare({ uri: doc.uri, text: probe });
  const at = locateTerraform(probe, target.tree?.root, start + 1 + typed.length);
  if (!at || at.onKey || at.node.kind !== 'scalar' || at.inJsonText) return [];
  const last = at.path[at.path.length - 1];
  const valuePath = at.pair ? at.path : typeof last === 'number' && typeof at.path[at.path.length - 2] === 'string' ? at.path : undefined;
  if (!valuePath) return [];
  return valueEntries(target, valuePath, word, options, quoted);
}

function valueEntries(doc: PreparedDocument, path: Path, word: Span, options: CompletionOptions, quoted: boolean): CompletionEntry[] {
  const mapped = terraformSchemaPath(path);
  if (!mapped || mapped.valuesDiffer) return [];
  const own = valueCompletions(doc, 'terraform', path, mapped, word, options, false);
  const entries =
    own ??
    (propertyDocAt(mapped.kind, mapped.path)?.enum ?? []).map((value, i) => ({
      label: String(value),
      kind: 'value' as const,
      insertText: String(value),
      span: word,
      sortText: String(i).padStart(4, '0'),
    }));
  // HCL: a string needs its quotes (numbers and booleans do not; Terraform converts a number where a string goes).
  if (quoted) return entries;
  return entries.map((e) => (/^(-?\d+(\.\d+)?|true|false)$/.test(e.insertText) ? e : { ...e, insertText: JSON.stringify(e.insertText) }));
}
