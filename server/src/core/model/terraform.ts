/**
 * One Terraform file as its declarations: resources and data sources by address, variables, locals, outputs,
 * module calls, and (for `.tfvars`) variable assignments. Reads the tree of `.tf` (HCL) and `.tf.json` alike: both
 * follow Terraform's JSON syntax, where a block type may hold an object or a list of objects at each level.
 */
import { asArray, asObject, getPair, walk, type Node, type ObjectNode, type Pair, type Span } from '../parse/tree';

export interface TerraformBlock {
  /** The outer pair (`resource`, `variable`, …): its key span is the block type. */
  readonly pair: Pair;
  /** The labels with their spans (a resource's type and name; a variable's name). */
  readonly labels: readonly { readonly name: string; readonly span: Span }[];
  readonly body: ObjectNode;
}

export interface TerraformResource extends TerraformBlock {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `aws_ecs_service.web`, `data.aws_iam_policy_document.x`. */
  readonly address: string;
}

export interface TerraformFile {
  /** The file's text: strings holding JSON are parsed against it. */
  readonly text: string;
  /** A `.tfvars` file holds assignments only. */
  readonly isVars: boolean;
  readonly resources: readonly TerraformResource[];
  readonly variables: ReadonlyMap<string, TerraformBlock>;
  /** Each local's pair (`name = value`) inside a `locals` block. */
  readonly locals: ReadonlyMap<string, Pair>;
  readonly outputs: ReadonlyMap<string, TerraformBlock>;
  readonly modules: ReadonlyMap<string, TerraformBlock>;
  /** `.tfvars`: `name = value`. */
  readonly assignments: ReadonlyMap<string, Pair>;
  /** Paths the file reads with file() or templatefile(), relative to its folder (`./containers.json`). */
  readonly fileReads: readonly string[];
}

/** A module of a Terraform plan whose source is a local folder (the root module's is the plan's own folder). */
export interface PlanModule {
  /** `module.app.module.db` without instance keys; '' for the root module. */
  readonly address: string;
  /** The module's folder, relative to the plan's folder: `.`, `./modules/app`, `./modules/app/../db`. */
  readonly folder: string;
}

/** `./x` and `../x`: a module source Terraform reads from the disk (a registry, Git or URL source is remote). */
export function isLocalModuleSource(source: string): boolean {
  return /^\.\.?(\/|\\|$)/.test(source);
}

const LABELS: Readonly<Record<string, number>> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0 };

export function readTerraformFile(root: Node | undefined, text: string, isVars: boolean): TerraformFile {
  const resources: TerraformResource[] = [];
  const variables = new Map<string, TerraformBlock>();
  const locals = new Map<string, Pair>();
  const outputs = new Map<string, TerraformBlock>();
  const modules = new Map<string, TerraformBlock>();
  const assignments = new Map<string, Pair>();
  const body = asObject(root);
  for (const pair of body?.pairs ?? []) {
    if (isVars) {
      assignments.set(pair.key, pair);
      continue;
    }
    const depth = LABELS[pair.key];
    if (depth === undefined) continue;
    for (const block of blocksOf(pair, depth)) {
      switch (pair.key) {
        case 'resource':
        case 'data': {
          const [type, name] = block.labels;
          if (!type || !name) break;
          const mode = pair.key === 'data' ? 'data' : 'managed';
          resources.push({ ...block, mode, type: type.name, name: name.name, address: `${mode === 'data' ? 'data.' : ''}${type.name}.${name.name}` });
          break;
        }
        case 'variable':
          if (block.labels[0]) variables.set(block.labels[0].name, block);
          break;
        case 'output':
          if (block.labels[0]) outputs.set(block.labels[0].name, block);
          break;
        case 'module':
          if (block.labels[0]) modules.set(block.labels[0].name, block);
          break;
        case 'locals':
          for (const local of block.body.pairs) locals.set(local.key, local);
          break;
      }
    }
  }
  const fileReads = new Set<string>();
  for (const resource of resources) {
    walk(resource.body, (node) => {
      if (node.kind !== 'expression' || node.form !== 'call' || (node.name !== 'file' && node.name !== 'templatefile')) return;
      const path = filePathOf(node.args[0]);
      if (path !== undefined) fileReads.add(path);
    });
  }
  return { text, isVars, resources, variables, locals, outputs, modules, assignments, fileReads: [...fileReads] };
}

/** The path a file() or templatefile() call reads: a literal, or `${path.module}/…` (the module's own folder). */
export function filePathOf(arg: Node | undefined): string | undefined {
  if (arg?.kind === 'scalar' && typeof arg.value === 'string') return arg.value;
  if (arg?.kind === 'expression' && arg.form === 'template' && arg.args.length === 2) {
    const [head, tail] = arg.args;
    const moduleRef = head?.kind === 'expression' && head.form === 'reference' && head.traversal?.join('.') === 'path.module';
    if (moduleRef && tail?.kind === 'scalar' && typeof tail.value === 'string') return `.${tail.value.startsWith('/') ? '' : '/'}${tail.value}`;
  }
  return undefined;
}

/**
 * The blocks under a top-level pair: `depth` label levels, each an object keyed by the label (HCL nests one key
 * per level; JSON may hold several keys, or a list of such objects, at any level).
 */
function blocksOf(pair: Pair, depth: number): TerraformBlock[] {
  const out: TerraformBlock[] = [];
  const descend = (node: Node, labels: { name: string; span: Span }[]): void => {
    const list = asArray(node);
    if (list) {
      for (const item of list.items) descend(item, labels);
      return;
    }
    const obj = asObject(node);
    if (!obj) return;
    if (labels.length === depth) {
      out.push({ pair, labels, body: obj });
      return;
    }
    for (const child of obj.pairs) descend(child.value, [...labels, { name: child.key, span: child.keySpan }]);
  };
  descend(pair.value, []);
  return out;
}

/**
 * Every block of a type in a body: HCL repeats the key (`load_balancer { … }` twice), JSON gives a list or an
 * object. Attributes of object type (`tags = { … }`) are read the same way.
 */
export function blocksIn(body: ObjectNode | undefined, type: string): ObjectNode[] {
  const out: ObjectNode[] = [];
  for (const pair of body?.pairs ?? []) {
    if (pair.key !== type) continue;
    const list = asArray(pair.value);
    if (list) for (const item of list.items) {
      const obj = asObject(item);
      if (obj) out.push(obj);
    }
    else {
      const obj = asObject(pair.value);
      if (obj) out.push(obj);
    }
  }
  return out;
}

/** The attribute's pair in a block body (the last one, as Terraform rejects repeats anyway). */
export function attributeOf(body: ObjectNode | undefined, name: string): Pair | undefined {
  return getPair(body, name);
}
