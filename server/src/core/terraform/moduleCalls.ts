/**
 * Local modules (`module "api" { source = "./modules/service" … }`): the arguments a module block passes become the
 * called folder's `var.*` values, where Berth can know them. A folder called from several places gets a value only
 * when every call gives the same scalar (its argument, or the variable's default where the call leaves it out);
 * calls that disagree, an argument Berth cannot know, or a list or object (whose findings would belong to the
 * calling file) leave the variable unknown, and an unknown value is never a finding. Terraform applies no
 * `.tfvars` to a called module, so a called folder's values come from its calls alone. Remote modules are never
 * read. A call's own arguments are resolved in its folder, itself perhaps called: the chain is followed to a bound
 * depth, and a cycle (a folder reached again) leaves its values unknown.
 */
import { getPair, type Node, type ScalarNode } from '../parse/tree';
import type { WorkspaceView } from '../workspace/index';
import { calledFolder, folderOf } from '../workspace/references';
import { TerraformValues, type ModuleFile, type ModuleInputs } from './values';
import { moduleFilesIn } from './moduleFiles';

/** Terraform nests modules only as deep as people write them; a hostile workspace does not get a deeper walk. */
const MAX_CALL_DEPTH = 8;

/**
 * The values of a folder's variables given by the module blocks that call it, or undefined when nothing in the
 * workspace calls it (a root module: its `.tfvars` and defaults apply).
 */
export function moduleInputs(folder: string, files: readonly ModuleFile[], workspace: WorkspaceView): ModuleInputs | undefined {
  return inputsOf(folder, files, { workspace, inputs: new Map(), values: new Map() }, 0, new Set());
}

/**
 * What one computation shares: each folder's inputs and values are worked out once (a call graph where every folder
 * calls every other stays linear). Reusing a result reached under another path is safe: a cycle or depth cut only
 * ever leaves a value unknown.
 */
interface Walk {
  readonly workspace: WorkspaceView;
  readonly inputs: Map<string, ModuleInputs | undefined>;
  readonly values: Map<string, TerraformValues>;
}

function inputsOf(folder: string, files: readonly ModuleFile[], walk: Walk, depth: number, visiting: ReadonlySet<string>): ModuleInputs | undefined {
  if (walk.inputs.has(folder)) return walk.inputs.get(folder);
  const result = computeInputs(folder, files, walk, depth, visiting);
  walk.inputs.set(folder, result);
  return result;
}

function computeInputs(folder: string, files: readonly ModuleFile[], walk: Walk, depth: number, visiting: ReadonlySet<string>): ModuleInputs | undefined {
  const { workspace } = walk;
  const calls = callsOf(folder, workspace);
  if (calls.length === 0) return undefined;
  const declared = new Map<string, Node | undefined>();
  for (const { file } of files) {
    if (file.isVars) continue;
    for (const [name, block] of file.variables) {
      const fallback = getPair(block.body, 'default')?.value;
      declared.set(name, fallback && !(fallback.kind === 'scalar' && fallback.value === null) ? fallback : undefined);
    }
  }
  const inputs = new Map<string, { uri: string; node: Node } | undefined>();
  if (depth >= MAX_CALL_DEPTH || visiting.has(folder)) return inputs;
  const inside = new Set([...visiting, folder]);
  const valuesOf = (callerFolder: string): TerraformValues => {
    let values = walk.values.get(callerFolder);
    if (!values) {
      const callerFiles = moduleFilesIn(callerFolder, workspace);
      values = new TerraformValues(callerFiles, inputsOf(callerFolder, callerFiles, walk, depth + 1, inside));
      walk.values.set(callerFolder, values);
    }
    return values;
  };
  const definedIn = (name: string) => files.find(({ file }) => !file.isVars && file.variables.has(name))?.uri ?? folder;
  for (const [name, fallback] of declared) {
    let agreed: { uri: string; node: ScalarNode } | undefined;
    let known = true;
    for (const { uri, call } of calls) {
      const argument = getPair(call.body, name);
      const value = argument ? valuesOf(folderOf(uri)).resolve(argument.value, uri) : fallback;
      const candidate = value?.kind === 'scalar' && value.value !== null ? { uri: argument ? uri : definedIn(name), node: value } : undefined;
      if (!candidate || (agreed && agreed.node.value !== candidate.node.value)) {
        known = false;
        break;
      }
      agreed ??= candidate;
    }
    inputs.set(name, known ? agreed : undefined);
  }
  return inputs;
}

/** The module blocks of the workspace that call `folder`, with the document each is written in. */
function callsOf(folder: string, workspace: WorkspaceView): { uri: string; call: { readonly body: Node } }[] {
  return workspace.moduleCallersOf(folder).flatMap((doc) => [...(doc.model.terraform?.modules.values() ?? [])].flatMap((call) => (calledFolder(doc.uri, call) === folder ? [{ uri: doc.uri, call }] : [])));
}

