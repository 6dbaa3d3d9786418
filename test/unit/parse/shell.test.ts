import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveCommand, hasOption, splitShell } from '../../../server/src/core/parse/shell';

const words = (text: string, escape?: string) => splitShell(text, 0, text.length, { escape }).commands.map((c) => c.words.map((w) => w.text));

describe('splitShell', () => {
  it('splits on control operators', () => {
    assert.deepEqual(words('apt-get update && apt-get install -y curl || true; echo done | tee x & wait'), [
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl'],
      ['true'],
      ['echo', 'done'],
      ['tee', 'x'],
      ['wait'],
    ]);
  });

  it('keeps operator kinds and spans', () => {
    const text = 'a | b && c';
    const script = splitShell(text);
    assert.deepEqual(script.operators.map((o) => [o.op, text.slice(o.span.start, o.span.end)]), [['|', '|'], ['&&', '&&']]);
    assert.equal(script.commands[0]!.after?.op, '|');
    assert.equal(script.commands[1]!.before?.op, '|');
  });

  it('gives each word its document offsets, quotes included', () => {
    const text = 'RUN pip install "flask==2.0" \'x y\'';
    const script = splitShell(text, 4);
    const ws = script.commands[0]!.words;
    assert.deepEqual(ws.map((w) => [w.text, text.slice(w.span.start, w.span.end), w.quoted]), [
      ['pip', 'pip', false],
      ['install', 'install', false],
      ['flask==2.0', '"flask==2.0"', true],
      ['x y', "'x y'", true],
    ]);
  });

  it('joins Dockerfile line continuations and drops comment lines inside them', () => {
    const text = 'apt-get update \\\n  # a comment\n\n  && apt-get inst\\\nall -y curl';
    assert.deepEqual(words(text), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl']]);
    const install = splitShell(text).commands[1]!.words[1]!;
    assert.equal(text.slice(install.span.start, install.span.end), 'inst\\\nall');
  });

  it('honours a backtick escape character', () => {
    assert.deepEqual(words('choco install git `\n  && echo ok', '`'), [['choco', 'install', 'git'], ['echo', 'ok']]);
  });

  it('treats a comment as running to the end of the logical line', () => {
    assert.deepEqual(words('echo a # note \\\n && echo b'), [['echo', 'a']]);
    assert.deepEqual(words('echo a#b'), [['echo', 'a#b']]);
  });

  it('keeps expansions inside words and marks them dynamic', () => {
    const script = splitShell('echo "$(uname -m)" ${HOME}/x `date` $A plain');
    assert.deepEqual(script.commands[0]!.words.map((w) => [w.text, w.dynamic]), [
      ['echo', false],
      ['$(uname -m)', true],
      ['${HOME}/x', true],
      ['`date`', true],
      ['$A', true],
      ['plain', false],
    ]);
    assert.equal(script.commands.length, 1);
  });

  it('does not split inside quotes or command substitutions', () => {
    assert.deepEqual(words(`sh -c 'a && b' "c | d" $(e; f)`), [['sh', '-c', 'a && b', 'c | d', '$(e; f)']]);
  });

  it('drops redirections and their targets', () => {
    assert.deepEqual(words('curl -fsSL url > /tmp/x 2>&1 && cat < in >> out 2>/dev/null &>log'), [['curl', '-fsSL', 'url'], ['cat']]);
  });

  it('separates leading assignments from the command', () => {
    const cmd = splitShell('DEBIAN_FRONTEND=noninteractive A="b c" apt-get install x').commands[0]!;
    assert.deepEqual(cmd.assignments.map((w) => w.text), ['DEBIAN_FRONTEND=noninteractive', 'A=b c']);
    assert.equal(cmd.name, 'apt-get');
  });

  it('strips reserved words that open compound commands', () => {
    assert.deepEqual(words('if [ -f x ]; then apt-get update; else echo no; fi'), [['[', '-f', 'x', ']'], ['apt-get', 'update'], ['echo', 'no']]);
    assert.deepEqual(words('for p in a b; do pip install $p; done'), [['for', 'p', 'in', 'a', 'b'], ['pip', 'install', '$p']]);
    assert.deepEqual(words('(cd /app && make)'), [['cd', '/app'], ['make']]);
  });

  it('uses the base name of a command path', () => {
    assert.equal(splitShell('/usr/bin/apt-get update').commands[0]!.name, 'apt-get');
  });

  it('skips heredoc bodies', () => {
    const script = splitShell('cat <<EOF > /etc/x && echo after\napt-get install y\nEOF\necho next');
    assert.ok(script.hasHeredoc);
    assert.deepEqual(script.commands.map((c) => c.words.map((w) => w.text)), [['cat'], ['echo', 'after'], ['echo', 'next']]);
  });

  it('treats any blank as a separator (no endless loop on form feeds or no-break spaces)', () => {
    assert.deepEqual(words('a\fb\u00a0c\vd'), [['a', 'b', 'c', 'd']]);
  });

  it('never returns empty commands', () => {
    assert.deepEqual(words(''), []);
    assert.deepEqual(words(' ;; && '), []);
  });
});

describe('effectiveCommand', () => {
  it('looks through sudo and env', () => {
    const cmd = effectiveCommand(splitShell('sudo -u root env A=1 apt-get install -y x').commands[0]!);
    assert.equal(cmd.name, 'apt-get');
    assert.deepEqual(cmd.words.map((w) => w.text), ['apt-get', 'install', '-y', 'x']);
    assert.deepEqual(cmd.assignments.map((w) => w.text), ['A=1']);
  });
  it('leaves other commands alone', () => {
    const original = splitShell('make all').commands[0]!;
    assert.equal(effectiveCommand(original), original);
  });
});

describe('hasOption', () => {
  const w = (t: string) => splitShell(t).commands[0]!.words;
  it('finds bundled short options and long options with values', () => {
    assert.ok(hasOption(w('apt-get -qy install x'), 'y', ['--yes']));
    assert.ok(hasOption(w('apt-get install --yes x'), 'y', ['--yes']));
    assert.ok(hasOption(w('pip install --no-cache-dir=1 x'), undefined, ['--no-cache-dir']));
    assert.ok(!hasOption(w('apt-get install x'), 'y', ['--yes']));
    assert.ok(!hasOption(w('cmd -- -y'), 'y', []));
  });
});

describe('splitShell on arbitrary input', () => {
  it('terminates and keeps every span inside the input', () => {
    const alphabet = ['a', 'b', ' ', '\t', '\n', '\\', '\\\n', '`', "'", '"', '$', '(', ')', '{', '}', '|', '&', ';', '<', '>', '<<', '#', '=', '-', '2', '\r', '\f'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const escape of ['\\', '`']) {
        const script = splitShell(text, 0, text.length, { escape });
        for (const c of script.commands) {
          for (const w of c.words) assert.ok(w.span.start >= 0 && w.span.start <= w.span.end && w.span.end <= text.length, JSON.stringify(text));
        }
      }
    }
  });
});
