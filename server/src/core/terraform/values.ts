/**
 * The values Berth can know in a Terraform module, and only those: literals; `var.x` set in terraform.tfvars or
 * *.auto.tfvars of the module's folder, else its default; `local.x`; `jsonencode(…)` of something known; a
 * template whose parts are all known. Everything else (resource attributes, other calls, conditionals, `count`,
 * `for_each`, command-line variables) stays an unknown expression, and an unknown value is never a finding.
 *
 * Resolving copies the parts of a tree that change and records, for every node and pair it hands out, the
 * document it is written in (`owners`): a finding lands only in the document that owns its node. A scalar taken
 * from elsewhere (a variable's default) is re-created at the place that uses it, with `origin` saying where
 * the value is written.
 */
import type { TerraformFile } from '../model/terraform';
import { baseName } from '../kinds/detect';
import { getPair, type Node, type ObjectNode, type Pair, type ScalarNode } from '../parse/tree';

export interface ModuleFile {
  readonly uri: string;
  readonly file: TerraformFile;
}

/**
 * The values the module blocks calling a folder give its variables (terraform/moduleCalls.ts), by name: the value
 * and the document it is written in, or undefined when Berth cannot know it.
 */
export type ModuleInputs = ReadonlyMap<string, { readonly uri: string; readonly node: Node } | undefined>;

/** How deep `local.a` → `local.b` → `var.c` may chain before Berth gives up (a cycle Terraform rejects anyway). */
const MAX_CHAIN = 16;

export class TerraformValues {
  /** The document each handed-out node or pair is written in (or, for a re-created scalar, used in). */
  readonly owners = new Map<Node | Pair, string>();
  private readonly variables = new Map<string, { uri: string; node: Node | undefined }>();
  private readonly locals = new Map<string, { uri: string; node: Node }>();

  /** `inputs`: the folder is a module other folders call; its variables take their values from the calls alone. */
  constructor(files: readonly ModuleFile[], inputs?: ModuleInputs) {
    for (const { uri, file } of files) {
      if (file.isVars) continue;
      for (const [name, block] of file.variables) {
        const defaultPair = block.body.pairs.find((p) => p.key === 'default');
        this.variables.set(name, { uri, node: defaultPair && !isNull(defaultPair.value) ? defaultPair.value : undefined });
      }
      for (const [name, pair] of file.locals) this.locals.set(name, { uri, node: pair.value });
    }
    if (inputs) {
      for (const name of this.variables.keys()) {
        const given = inputs.get(name);
        this.variables.set(name, given ? { uri: given.uri, node: given.node } : { uri: this.variables.get(name)!.uri, node: undefined });
      }
      return;
    }
    // terraform.tfvars, then *.auto.tfvars in lexical order: later files win (Terraform's own precedence).
    const vars = files.filter((f) => f.file.isVars && varsRank(f.uri) < 2).sort((a, b) => varsRank(a.uri) - varsRank(b.uri) || (baseName(a.uri) < baseName(b.uri) ? -1 : 1));
    for (const { uri, file } of vars) {
      for (const [name, pair] of file.assignments) if (this.variables.has(name) && !isNull(pair.value)) this.variables.set(name, { uri, node: pair.value });
    }
  }

  /** `node`, written in document `uri`, with every value Berth can know filled in. */
  resolve(node: Node, uri: string): Node {
    return this.walk(node, uri, 0);
  }

  private walk(node: Node, uri: string, chain: number): Node {
    switch (node.kind) {
      case 'scalar':
      case 'intrinsic':
        return this.own(node, uri);
      case 'array': {
        const items = node.items.map((item) => this.walk(item, uri, chain));
        return this.own(items.every((item, i) => item === node.items[i]) ? node : { ...node, items }, uri);
      }
      case 'object':
        return this.own(this.object(node, uri, chain), uri);
      case 'expression':
        return this.expression(node, uri, chain);
    }
  }

  private object(node: ObjectNode, uri: string, chain: number): ObjectNode {
    let changed = false;
    const pairs = node.pairs.map((pair): Pair => {
      const value = this.walk(pair.value, uri, chain);
      if (value === pair.value) return this.own(pair, uri);
      changed = true;
      return this.own({ ...pair, value }, uri);
    });
    return changed ? { ...node, pairs } : node;
  }

  private expression(node: Node & { kind: 'expression' }, uri: string, chain: number): Node {
    if (chain > MAX_CHAIN) return this.own(node, uri);
    if (node.form === 'call' && node.name === 'jsonencode' && node.args.length === 1) {
      // The HCL value is the JSON's shape (camelCase container definitions, policies): read it as written.
      return this.walk(node.args[0]!, uri, chain);
    }
    if ((node.form === 'call' && (node.name === 'tostring' || node.name === 'tonumber')) && node.args.length === 1) {
      const inner = this.walk(node.args[0]!, uri, chain);
      return inner.kind === 'scalar' ? this.own(inner, uri) : this.own(node, uri);
    }
    if (node.form === 'reference') {
      const found = this.reference(node.traversal ?? [], chain);
      if (!found) return this.own(node, uri);
      const value = this.walk(found.node, found.uri, chain + 1);
      if (value.kind !== 'scalar') return value.kind === 'expression' ? this.own(node, uri) : value;
      // A scalar from elsewhere: reported where it is used, the value's own place given as its origin.
      const reused: ScalarNode = { kind: 'scalar', span: node.span, value: value.value, origin: value.origin ?? { uri: found.uri, span: value.span } };
      return this.own(reused, uri);
    }
    if (node.form === 'template') {
      const parts = node.args.map((part) => this.walk(part, uri, chain));
      if (parts.every((p) => p.kind === 'scalar' && p.value !== null && typeof p.value !== 'object')) {
        const joined: ScalarNode = { kind: 'scalar', span: node.span, value: parts.map((p) => String((p as ScalarNode).value)).join(''), origin: { uri, span: node.span } };
        return this.own(joined, uri);
      }
      return this.own({ ...node, args: parts }, uri);
    }
    return this.own(node, uri);
  }

  /** The node a `var.x…` or `local.x…` traversal names, with the document it is in. */
  private reference(traversal: readonly (string | number)[], chain: number): { node: Node; uri: string } | undefined {
    const [root, name, ...rest] = traversal;
    if (typeof name !== 'string') return undefined;
    const target = root === 'var' ? this.variables.get(name) : root === 'local' ? this.locals.get(name) : undefined;
    if (!target?.node) return undefined;
    let node: Node | undefined = target.node;
    for (const step of rest) {
      node = this.walk(node, target.uri, chain + 1);
      if (typeof step === 'number') node = node.kind === 'array' ? node.items[step] : undefined;
      else node = node.kind === 'object' ? getPair(node, step)?.value : undefined;
      if (!node) return undefined;
    }
    return { node, uri: target.uri };
  }

  private own<T extends Node | Pair>(item: T, uri: string): T {
    if (!this.owners.has(item)) this.owners.set(item, uri);
    return item;
  }
}

function isNull(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** terraform.tfvars(.json) before *.auto.tfvars(.json); other .tfvars files are given with -var-file only. */
function varsRank(uri: string): number {
  const name = baseName(uri);
  if (/^terraform\.tfvars(\.json)?$/.test(name)) return 0;
  if (/\.auto\.tfvars(\.json)?$/.test(name)) return 1;
  return 2;
}
