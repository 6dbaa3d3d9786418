/**
 * A small POSIX-shell tokenizer for Dockerfile RUN commands: enough to find simple commands and their words
 * (apt-get install -y …) with document offsets. It is not a shell parser: it splits on the control operators
 * (&&, ||, ;, |, &, newlines, parentheses), keeps quoting and expansions inside words, drops redirections,
 * and skips heredoc bodies without looking inside them.
 *
 * Dockerfile line continuations (the escape character before a newline) are removed before the shell runs,
 * so they join words; comment lines inside a continued instruction are dropped, as Docker does.
 */
import type { Span } from './tree';

export interface ShellWord {
  /** The word as the shell sees it: quotes removed, escapes resolved, continuations joined. */
  readonly text: string;
  /** From the word's first character to its last, quotes included. */
  readonly span: Span;
  /** The word contains quoting. */
  readonly quoted: boolean;
  /** The word contains an expansion ($VAR, ${…}, $(…), `…`) whose value is unknown. */
  readonly dynamic: boolean;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n' | '(' | ')';

export interface OperatorToken {
  readonly op: ShellOperator;
  readonly span: Span;
}

export interface SimpleCommand {
  /** `NAME=value` words before the command name. */
  readonly assignments: readonly ShellWord[];
  /** The command name and its arguments, redirections removed. Never empty. */
  readonly words: readonly ShellWord[];
  /** Base name of the first word (`/usr/bin/apt-get` → `apt-get`). */
  readonly name: string;
  /** The operator before this command, if any. */
  readonly before?: OperatorToken;
  /** The operator after this command, if any. */
  readonly after?: OperatorToken;
  readonly span: Span;
}

export interface ShellScript {
  readonly commands: readonly SimpleCommand[];
  readonly operators: readonly OperatorToken[];
  /** A heredoc (`<<EOF`) was seen; its body was skipped. */
  readonly hasHeredoc: boolean;
}

export interface SplitOptions {
  /** The Dockerfile escape character (`\` or a backtick); continuations use it. */
  readonly escape?: string;
}

const RESERVED_PREFIX = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const RESERVED_ALONE = new Set(['fi', 'done', '}', 'esac']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** Splits `text[start, end)` into simple commands; offsets in the result are offsets into `text`. */
export function splitShell(text: string, start = 0, end = text.length, options: SplitOptions = {}): ShellScript {
  const escape = options.escape ?? '\\';
  const commands: SimpleCommand[] = [];
  const operators: OperatorToken[] = [];
  let current: { words: ShellWord[]; assignments: ShellWord[] } = { words: [], assignments: [] };
  let lastOperator: OperatorToken | undefined;
  let pendingRedirect = false;
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let hasHeredoc = false;
  let i = start;

  /** Length of a Dockerfile continuation at `at` (escape, optional blanks, newline, then dropped comment/blank lines), or 0. */
  const continuation = (at: number): number => {
    if (text[at] !== escape) return 0;
    let j = at + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === '\r') j++;
    if (text[j] !== '\n') return 0;
    j++;
    // Docker drops comment lines and empty lines inside a continued instruction.
    for (;;) {
      let k = j;
      while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
      if (text[k] === '#' || text[k] === '\n' || text[k] === '\r') {
        const nl = text.indexOf('\n', k);
        if (nl === -1 || nl >= end) break;
        j = nl + 1;
        continue;
      }
      break;
    }
    return j - at;
  };

  const finishCommand = (after?: OperatorToken) => {
    let words = current.words;
    const assignments = [...current.assignments];
    // Reserved words that open a compound command introduce the real command.
    while (words.length > 0 && !words[0]!.quoted && RESERVED_PREFIX.has(words[0]!.text)) words = words.slice(1);
    while (words.length > 0 && ASSIGNMENT.test(text.slice(words[0]!.span.start, words[0]!.span.end))) {
      assignments.push(words[0]!);
      words = words.slice(1);
    }
    if (words.length === 1 && RESERVED_ALONE.has(words[0]!.text)) words = [];
    if (words.length > 0) {
      const first = words[0]!;
      const last = words[words.length - 1]!;
      const spanStart = assignments[0]?.span.start ?? first.span.start;
      commands.push({
        assignments,
        words,
        name: first.text.slice(first.text.lastIndexOf('/') + 1),
        before: lastOperator,
        after,
        span: { start: spanStart, end: last.span.end },
      });
    }
    current = { words: [], assignments: [] };
  };

  const operator = (op: ShellOperator, at: number, length: number) => {
    const token: OperatorToken = { op, span: { start: at, end: at + length } };
    operators.push(token);
    finishCommand(token);
    lastOperator = token;
    i = at + length;
  };

  /** Skips heredoc bodies after the newline at `at` (pointing just after it); returns the new position. */
  const skipHeredocs = (from: number): number => {
    let j = from;
    while (heredocs.length > 0) {
      const { delimiter, stripTabs } = heredocs.shift()!;
      for (;;) {
        if (j >= end) return end;
        const nl = text.indexOf('\n', j);
        const lineEnd = nl === -1 || nl >= end ? end : nl;
        let line = text.slice(j, lineEnd).replace(/\r$/, '');
        if (stripTabs) line = line.replace(/^\t+/, '');
        j = lineEnd === end ? end : lineEnd + 1;
        if (line === delimiter) break;
      }
    }
    return j;
  };

  while (i < end) {
    const c = text[i]!;
    const cont = continuation(i);
    if (cont > 0) {
      i += cont;
      continue;
    }
    if (c !== '\n' && /\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '\n') {
      operator('\n', i, 1);
      i = skipHeredocs(i + 1);
      continue;
    }
    if (c === '#') {
      // A comment runs to the end of the logical line (continuations included).
      while (i < end && text[i] !== '\n') i += continuation(i) || 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '|&') {
      operator(two as ShellOperator, i, 2);
      continue;
    }
    if (c === ';' || c === '|' || c === '(' || c === ')') {
      operator(c === ';' && text[i + 1] === ';' ? ';' : (c as ShellOperator), i, c === ';' && text[i + 1] === ';' ? 2 : 1);
      continue;
    }
    if (c === '&' && text[i + 1] !== '>') {
      operator('&', i, 1);
      continue;
    }
    // Redirections: [n]> >> < <> >& <& >| &> &>> <<< <<[-]WORD
    const redirect = /^(\d*)(<<<|<<-|<<|&>>|&>|>>|>&|<&|<>|>\||>|<)/.exec(text.slice(i, Math.min(end, i + 8)));
    if (redirect) {
      const opText = redirect[2]!;
      i += redirect[0].length;
      if (opText === '<<' || opText === '<<-') {
        hasHeredoc = true;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
        const word = readWord(i);
        i = word.next;
        heredocs.push({ delimiter: word.word.text, stripTabs: opText === '<<-' });
        continue;
      }
      // `>&2` / `2>&1`: the target is a descriptor that follows directly.
      if ((opText === '>&' || opText === '<&') && /[\d-]/.test(text[i] ?? '')) {
        while (i < end && /[\d-]/.test(text[i]!)) i++;
        continue;
      }
      pendingRedirect = true;
      continue;
    }
    const { word, next } = readWord(i);
    i = next;
    if (pendingRedirect) {
      pendingRedirect = false;
      continue;
    }
    current.words.push(word);
  }
  finishCommand();
  return { commands, operators, hasHeredoc };

  function readWord(from: number): { word: ShellWord; next: number } {
    let j = from;
    let value = '';
    let quoted = false;
    let dynamic = false;
    let lastEnd = from;
    while (j < end) {
      const cont = continuation(j);
      if (cont > 0) {
        j += cont;
        continue;
      }
      const c = text[j]!;
      if (/[\s;&|()<>]/.test(c)) break;
      if (c === "'") {
        quoted = true;
        j++;
        while (j < end && text[j] !== "'") {
          const k = continuation(j);
          if (k > 0) j += k;
          else value += text[j++];
        }
        j++;
        lastEnd = j;
        continue;
      }
      if (c === '"') {
        quoted = true;
        j++;
        while (j < end && text[j] !== '"') {
          const k = continuation(j);
          if (k > 0) {
            j += k;
            continue;
          }
          if (text[j] === '\\' && j + 1 < end && '"\\$`'.includes(text[j + 1]!)) {
            value += text[j + 1];
            j += 2;
            continue;
          }
          if (text[j] === '$' || text[j] === '`') {
            dynamic = true;
            const e = skipExpansion(j);
            value += text.slice(j, e);
            j = e;
            continue;
          }
          value += text[j++];
        }
        j++;
        lastEnd = j;
        continue;
      }
      if (c === '\\') {
        value += text[j + 1] ?? '';
        j += 2;
        lastEnd = j;
        continue;
      }
      if (c === '$' || c === '`') {
        const e = skipExpansion(j);
        if (e > j + 1) dynamic = true;
        value += text.slice(j, e);
        j = e;
        lastEnd = j;
        continue;
      }
      value += c;
      j++;
      lastEnd = j;
    }
    return { word: { text: value, span: { start: from, end: Math.min(lastEnd, end) }, quoted, dynamic }, next: j };
  }

  /** End of the expansion starting at `from` ($NAME, ${…}, $(…), $((…)), `…`). */
  function skipExpansion(from: number): number {
    if (text[from] === '`') {
      const close = text.indexOf('`', from + 1);
      return close === -1 || close >= end ? end : close + 1;
    }
    const n = text[from + 1];
    if (n === '{' || n === '(') {
      const open = n;
      const close = n === '{' ? '}' : ')';
      let depth = 0;
      let j = from + 1;
      while (j < end) {
        const ch = text[j]!;
        if (ch === "'" && open === '(') {
          const q = text.indexOf("'", j + 1);
          j = q === -1 || q >= end ? end : q + 1;
          continue;
        }
        if (ch === '\\') {
          j += 2;
          continue;
        }
        if (ch === open) depth++;
        else if (ch === close && --depth === 0) return j + 1;
        j++;
      }
      return end;
    }
    let j = from + 1;
    if (j < end && /[@*#?$!0-9-]/.test(text[j]!)) return j + 1;
    while (j < end && /[A-Za-z0-9_]/.test(text[j]!)) j++;
    return j;
  }
}

/** Wrappers whose real command follows: `sudo apt-get …`, `env X=1 pip …`, `nohup …`. */
const WRAPPERS: Readonly<Record<string, ReadonlySet<string>>> = {
  sudo: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '--user', '--group', '--host', '--prompt']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nohup: new Set(),
  command: new Set(),
  exec: new Set(['-a']),
  time: new Set(['-f', '-o']),
  nice: new Set(['-n']),
  stdbuf: new Set(),
  'eatmydata': new Set(),
};

/** The command after wrappers (sudo, env, nohup, …): its name and words, assignments given to env included. */
export function effectiveCommand(command: SimpleCommand): SimpleCommand {
  let words = command.words;
  const assignments = [...command.assignments];
  for (let guard = 0; guard < 4; guard++) {
    const head = words[0];
    const name = head ? baseName(head.text) : '';
    const withArgument = WRAPPERS[name];
    if (!head || !withArgument) break;
    let k = 1;
    while (k < words.length) {
      const w = words[k]!.text;
      if (name === 'env' && ASSIGNMENT.test(w)) {
        assignments.push(words[k]!);
        k++;
      } else if (w.startsWith('-')) {
        k += withArgument.has(w) ? 2 : 1;
      } else break;
    }
    if (k >= words.length) break;
    words = words.slice(k);
  }
  if (words === command.words) return command;
  return { ...command, words, assignments, name: baseName(words[0]!.text) };
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Short and long options present among the words (for `-qy` style bundles, each letter counts). */
export function hasOption(words: readonly ShellWord[], short: string | undefined, long: readonly string[]): boolean {
  for (const w of words) {
    const t = w.text;
    if (t === '--') return false;
    if (t.startsWith('--')) {
      const name = t.split('=')[0]!;
      if (long.includes(name)) return true;
    } else if (short && /^-[A-Za-z0-9]+$/.test(t) && t.includes(short)) return true;
  }
  return false;
}
