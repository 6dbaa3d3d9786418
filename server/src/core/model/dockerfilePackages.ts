/**
 * Package-manager commands in a Dockerfile's RUNs: which manager, which subcommand, which arguments. The
 * option tables are facts (`facts/dockerfilePackages.ts`); this walks the model with them.
 */
import { MANAGER_NAMES, OPTIONS_WITH_VALUE, type Manager } from '../facts/dockerfilePackages';
import type { ShellWord } from '../parse/shell';
import { runCommands, type DockerfileModel, type RunCommand, type Stage } from './dockerfile';

export type { Manager } from '../facts/dockerfilePackages';

export interface PackageCommand {
  readonly manager: Manager;
  readonly run: RunCommand;
  /** The subcommand word (`install`, `add`, …). */
  readonly subcommand: ShellWord;
  /** Every word after the manager (options included, subcommand excluded). */
  readonly options: readonly ShellWord[];
  /** Non-option arguments after the subcommand (package names), option values excluded. */
  readonly operands: readonly ShellWord[];
}

function managerOf(command: RunCommand['command']): { manager: Manager; rest: readonly ShellWord[] } | undefined {
  const name = command.name;
  if (/^pip[\d.]*$/.test(name)) return { manager: 'pip', rest: command.words.slice(1) };
  // python -m pip install …
  if (/^python[\d.]*$/.test(name) && command.words[1]?.text === '-m' && command.words[2]?.text === 'pip') return { manager: 'pip', rest: command.words.slice(3) };
  const manager = MANAGER_NAMES[name];
  return manager ? { manager, rest: command.words.slice(1) } : undefined;
}

/** Package-manager commands in the RUNs of these stages (default: all). */
export function packageCommands(model: DockerfileModel, stages?: readonly Stage[]): PackageCommand[] {
  const out: PackageCommand[] = [];
  for (const run of runCommands(model, stages)) {
    const found = managerOf(run.command);
    if (!found) continue;
    const { manager, rest } = found;
    const withValue = OPTIONS_WITH_VALUE[manager];
    const options: ShellWord[] = [];
    const operands: ShellWord[] = [];
    let subcommand: ShellWord | undefined;
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i]!;
      if (word.text.startsWith('-') && word.text !== '-') {
        options.push(word);
        if (withValue.has(word.text) && rest[i + 1]) options.push(rest[++i]!);
        continue;
      }
      if (!subcommand) subcommand = word;
      else operands.push(word);
    }
    if (subcommand) out.push({ manager, run, subcommand, options, operands });
  }
  return out;
}

/** A long option is present (`--yes`, `--no-cache-dir=1`), or a short letter in a bundle (`-qy`). */
export function hasFlag(words: readonly ShellWord[], long: readonly string[], short?: string): boolean {
  return words.some((w) => {
    const t = w.text;
    if (t.startsWith('--')) return long.includes(t.split('=')[0]!);
    return short !== undefined && /^-[A-Za-z]+$/.test(t) && t.includes(short);
  });
}

/** `-o Name=value` options (apt-get), as lower-case "name=value" strings. */
export function aptOptions(words: readonly ShellWord[]): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    if (w.text === '-o' || w.text === '--option') out.push((words[i + 1]?.text ?? '').toLowerCase());
    else if (w.text.startsWith('-o') && w.text.length > 2) out.push(w.text.slice(2).toLowerCase());
  });
  return out;
}

/** A simple command in the same RUN removes one of these paths (`rm -rf /var/lib/apt/lists/*`). */
export function runRemoves(run: RunCommand, paths: readonly string[]): boolean {
  return run.script.commands.some((c) => c.name === 'rm' && c.words.some((w) => paths.some((p) => w.text.startsWith(p))));
}

/** An ENV in these stages, or an assignment on the command, sets this variable. */
export function envSet(model: DockerfileModel, stages: readonly Stage[], run: RunCommand, name: string): boolean {
  if (run.command.assignments.some((a) => a.text.startsWith(`${name}=`))) return true;
  return stages.some((s) =>
    s.instructions.some((i) => i.getKeyword() === 'ENV' && (i as unknown as { getProperties(): { getName(): string }[] }).getProperties().some((p) => p.getName() === name)),
  );
}

/** An edit inserting text right after a word. */
export function insertAfter(word: ShellWord, text: string): { span: { start: number; end: number }; newText: string } {
  return { span: { start: word.span.end, end: word.span.end }, newText: text };
}

/** Operands that name a package without a version, for the version-pinning rules. */
export function unpinnedPackages(pkg: PackageCommand): ShellWord[] {
  const optionTexts = pkg.options.map((o) => o.text.split('=')[0]!);
  const sub = pkg.subcommand.text;
  const candidates = pkg.operands.filter((w) => !w.dynamic && w.text !== '');
  switch (pkg.manager) {
    case 'apt-get':
    case 'apt':
      if (sub !== 'install' || optionTexts.some((o) => ['-t', '--target-release', '--default-release'].includes(o))) return [];
      return candidates.filter((w) => !w.text.includes('=') && !w.text.includes('/') && !w.text.endsWith('.deb'));
    case 'apk':
      if (sub !== 'add') return [];
      return candidates.filter((w) => !/[=~<>]/.test(w.text) && !w.text.endsWith('.apk') && !w.text.includes('/'));
    case 'pip':
      if (sub !== 'install' || optionTexts.some((o) => o === '-c' || o === '--constraint')) return [];
      return candidates.filter((w) => !/(==|~=|>=|<=|!=|<|>|@)/.test(w.text) && !/^[./~]|\/|\.(whl|zip|tar\.gz|tgz)$/.test(w.text));
    case 'npm': {
      if (!['install', 'i', 'add'].includes(sub)) return [];
      return candidates.filter((w) => {
        if (/^[./~]|^(https?|git|git\+\w+|file):|\.tgz$|^github:/.test(w.text)) return false;
        const at = w.text.lastIndexOf('@');
        if (at <= 0) return true;
        return /^(latest|next)$/.test(w.text.slice(at + 1));
      });
    }
    case 'gem':
      if (sub !== 'install' || optionTexts.some((o) => o === '-v' || o === '--version')) return [];
      return candidates.filter((w) => !w.text.includes(':') && !w.text.endsWith('.gem'));
    default:
      return [];
  }
}
