import { Argument, DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';

/**
 * One dockerfile-ast parse per Dockerfile text. dockerfile-utils' validator (dockerfile/valid-syntax) and
 * dockerfile-language-service (generic completion) each call `DockerfileParser.parse` on the text the model
 * was built from, which made an edit parse the file twice and a completion once more (~10 µs a line). Both
 * look the function up on the shared `DockerfileParser` object at each call, so routing it through this cache
 * gives them the model's parse. A parse is never changed after it is built (every reader, ours and the
 * libraries', only calls its getters), so sharing it is safe; test/unit/parse/dockerfile.test.ts compares
 * findings and completions with and without the sharing over random edits.
 */
const parseText = DockerfileParser.parse;

/** Recent texts, newest last: the open Dockerfiles being edited, and a lint's current file. */
const RECENT = 4;
const recent = new Map<string, Dockerfile>();
let sharing = true;

export function parseDockerfile(text: string): Dockerfile {
  if (!sharing) return parseText(text);
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const ast = parseText(text);
  recent.set(text, ast);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  return ast;
}

DockerfileParser.parse = parseDockerfile;

/**
 * An instruction's arguments, scanned once. dockerfile-ast scans the instruction's text again at every
 * `getArguments()` (a character loop building line/character ranges), and its own getters, the validator
 * and the rules call it many times per instruction: a quarter of an edit's time at 1,000 instructions. The
 * scan reads only what the instruction was built with, so its result never changes. Each caller still gets
 * its own array of its own arguments with their own ranges, as from the scan: ModifiableInstruction.getArguments
 * shifts the flags off the array, and From.getImageNameRange moves the start of the image argument's range.
 */
interface ScansArguments {
  getRawArguments(this: Instruction): Argument[];
}
const prototype = Instruction.prototype as unknown as ScansArguments;
const scanArguments = prototype.getRawArguments;
const scanned = new WeakMap<Instruction, Argument[]>();
prototype.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
  if (!sharing) return scanArguments.call(this);
  let args = scanned.get(this);
  if (!args) {
    args = scanArguments.call(this);
    scanned.set(this, args);
  }
  return args.map((a) => new Argument(a.getValue(), { start: a.getRange().start, end: a.getRange().end }));
};

/** Runs `fn` with dockerfile-ast's own parse and argument scan, nothing cached or shared (for tests to compare). */
export function withoutSharing<T>(fn: () => T): T {
  sharing = false;
  try {
    return fn();
  } finally {
    sharing = true;
  }
}
