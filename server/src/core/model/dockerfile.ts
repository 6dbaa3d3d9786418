import { type Dockerfile, type Flag, type From, type Instruction, type JSONInstruction, type ModifiableInstruction } from 'dockerfile-ast';
import { parseDockerfile } from '../parse/dockerfile';
import { effectiveCommand, splitShell, type ShellScript, type ShellWord, type SimpleCommand } from '../parse/shell';
import type { Span } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';

export interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  readonly index: number;
  readonly from: From;
  /** `AS name`, as written. */
  readonly name?: string;
  readonly nameSpan?: Span;
  /** Instructions after the FROM, in order (ONBUILD triggers are not expanded). */
  readonly instructions: readonly Instruction[];
  /** The earlier stage this one is built FROM, when its image names a stage. */
  readonly parent?: Stage;
}

/** A Dockerfile parsed by dockerfile-ast, plus the offset conversion its line/character ranges need. */
export interface DockerfileModel {
  readonly ast: Dockerfile;
  readonly text: string;
  /** The escape character (`\` unless an escape directive says a backtick). */
  readonly escape: string;
  readonly stages: readonly Stage[];
  /** The last stage: what `docker build` produces without --target. */
  readonly finalStage?: Stage;
  /** The final stage and the stages it is built FROM, nearest first: what ends up in the image. */
  readonly finalChain: readonly Stage[];
  /** dockerfile-ast speaks LSP ranges; rules report spans (offsets). */
  span(range: LspRange): Span;
  /** The stage an instruction belongs to (undefined for ARGs before the first FROM). */
  stageOf(instruction: Instruction): Stage | undefined;
  /** RUN (or CMD/ENTRYPOINT) in shell form, split into simple commands; undefined in exec (JSON) form. */
  shellScript(instruction: Instruction): ShellScript | undefined;
  /** Words of an exec-form (JSON) instruction, with the spans of their JSON strings; undefined in shell form. */
  execWords(instruction: Instruction): ShellWord[] | undefined;
  /** The SHELL in effect for an instruction (JSON words), or undefined for the default /bin/sh -c. */
  shellFor(instruction: Instruction): readonly string[] | undefined;
}

const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);

export function buildDockerfile(text: string, lines: LineIndex): DockerfileModel {
  const ast = parseDockerfile(text);
  const span = (range: LspRange): Span => ({ start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) });
  const escape = ast.getEscapeCharacter();

  const stages: Stage[] = [];
  const stageByInstruction = new Map<Instruction, Stage>();
  let current: { index: number; from: From; name?: string; nameSpan?: Span; instructions: Instruction[]; parent?: Stage } | undefined;
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const name = from.getBuildStage() ?? undefined;
      const stageRange = from.getBuildStageRange();
      const imageName = from.getImageName()?.toLowerCase();
      const parent = imageName && !from.getImageTag() && !from.getImageDigest() ? [...stages].reverse().find((s) => s.name?.toLowerCase() === imageName) : undefined;
      current = { index: stages.length, from, name, nameSpan: stageRange ? span(stageRange) : undefined, instructions: [], parent };
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    }
    if (current) stageByInstruction.set(instruction, current);
  }
  const finalStage = stages[stages.length - 1];
  const finalChain: Stage[] = [];
  for (let s: Stage | undefined = finalStage; s && !finalChain.includes(s); s = s.parent) finalChain.push(s);

  const scripts = new Map<Instruction, ShellScript | undefined>();
  const isExec = (instruction: Instruction): boolean => {
    if (!JSON_FORM.has(instruction.getKeyword())) return false;
    const json = instruction as JSONInstruction;
    return json.getJSONStrings().length > 0 && json.getClosingBracket() !== null;
  };

  const shellFor = (instruction: Instruction): readonly string[] | undefined => {
    const stage = stageByInstruction.get(instruction);
    for (let s = stage; s; s = s.parent) {
      const shells = s.instructions.filter((i) => i.getKeyword() === 'SHELL' && (s !== stage || isBefore(i, instruction)) && isExec(i));
      const last = shells[shells.length - 1] as JSONInstruction | undefined;
      if (last) return last.getJSONStrings().map((j) => j.getJSONValue());
    }
    return undefined;
  };

  return {
    ast,
    text,
    escape,
    stages,
    finalStage,
    finalChain,
    span,
    stageOf: (instruction) => stageByInstruction.get(instruction),
    shellScript(instruction) {
      if (scripts.has(instruction)) return scripts.get(instruction);
      let script: ShellScript | undefined;
      if (!isExec(instruction)) {
        const args = instruction.getArguments();
        const range = instruction.getArgumentsRange();
        if (args.length > 0 && range) script = splitShell(text, span(args[0]!.getRange()).start, span(range).end, { escape });
        else script = { commands: [], operators: [], hasHeredoc: false };
      }
      scripts.set(instruction, script);
      return script;
    },
    execWords(instruction) {
      if (!isExec(instruction)) return undefined;
      return (instruction as JSONInstruction).getJSONStrings().map((j) => ({
        text: j.getJSONValue(),
        span: span(j.getRange()),
        quoted: true,
        dynamic: false,
      }));
    },
    shellFor,
  };
}

function isBefore(a: Instruction, b: Instruction): boolean {
  const ra = a.getRange().start;
  const rb = b.getRange().start;
  return ra.line < rb.line || (ra.line === rb.line && ra.character < rb.character);
}

/** Instructions of a stage with this keyword (upper case). */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

/** The image a FROM names, unless it is a stage or contains a variable. */
export function baseImageOf(stage: Stage): string | undefined {
  if (stage.parent) return undefined;
  const image = stage.from.getImage();
  if (!image || image.includes('$')) return undefined;
  return image;
}

/** The image at the root of a stage's FROM chain (following stage names). */
export function rootImageOf(stage: Stage): string | undefined {
  let s: Stage = stage;
  for (let guard = 0; s.parent && guard < 100; guard++) s = s.parent;
  return baseImageOf(s);
}

/** A simple command of a shell-form RUN, with where it came from. */
export interface RunCommand {
  readonly stage: Stage;
  readonly instruction: Instruction;
  readonly script: ShellScript;
  /** The command as written (`sudo apt-get …`). */
  readonly written: SimpleCommand;
  /** The command after wrappers such as sudo and env (`apt-get …`). */
  readonly command: SimpleCommand;
}

/** Every simple command of every shell-form RUN in the given stages (default: all), in order. */
export function runCommands(model: DockerfileModel, stages: readonly Stage[] = model.stages): RunCommand[] {
  const out: RunCommand[] = [];
  for (const stage of model.stages) {
    if (!stages.includes(stage)) continue;
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'RUN') continue;
      const script = model.shellScript(instruction);
      if (!script) continue;
      for (const written of script.commands) out.push({ stage, instruction, script, written, command: effectiveCommand(written) });
    }
  }
  return out;
}

/** The flag of an instruction with this name (`--mount`, `--from`), if any. */
export function flagsOf(instruction: Instruction, name: string): Flag[] {
  const flags = (instruction as Partial<ModifiableInstruction>).getFlags?.() ?? [];
  return flags.filter((f) => f.getName().toLowerCase() === name);
}

/** RUN --mount=type=cache,target=… covering one of these paths: the cache never reaches the image. */
export function hasCacheMount(instruction: Instruction, paths: readonly string[]): boolean {
  return flagsOf(instruction, 'mount').some((flag) => {
    const value = flag.getValue() ?? '';
    if (!/(^|,)type=cache(,|$)/.test(value)) return false;
    const target = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(value)?.[1];
    return target !== undefined && paths.some((p) => target.replace(/\/+$/, '').startsWith(p) || p.startsWith(target.replace(/\/+$/, '')));
  });
}

/** The instruction with this keyword that takes effect in the final image (the last one along the final chain). */
export function effectiveInstruction(model: DockerfileModel, keyword: string): Instruction | undefined {
  for (const stage of model.finalChain) {
    const all = instructionsOf(stage, keyword);
    if (all.length > 0) return all[all.length - 1];
  }
  return undefined;
}

/** The FROM at the root of the final chain: the image the final stage is built on. */
export function rootFromOf(model: DockerfileModel): From | undefined {
  return model.finalChain[model.finalChain.length - 1]?.from;
}

/** Words of CMD/ENTRYPOINT/RUN in either form: exec-form JSON strings, or the shell words of every command. */
export function commandWords(model: DockerfileModel, instruction: Instruction): ShellWord[] {
  return model.execWords(instruction) ?? model.shellScript(instruction)?.commands.flatMap((c) => [...c.words]) ?? [];
}

/** The span of an instruction's arguments (after its flags), or of its keyword when it has none. */
export function argumentsSpan(model: DockerfileModel, instruction: Instruction): Span {
  const args = instruction.getArguments();
  const range = instruction.getArgumentsRange();
  if (args.length > 0 && range) return { start: model.span(args[0]!.getRange()).start, end: model.span(range).end };
  return model.span(instruction.getInstructionRange());
}
