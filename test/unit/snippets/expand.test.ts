import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choicesOf, expandSnippet, SnippetSyntaxError } from './expand';

describe('snippet expander', () => {
  it('gives placeholders their defaults and mirrors the value of their tab stop', () => {
    assert.equal(expandSnippet('family: ${1:web}\nname: $1\nimage: ${2:$1}:${3:1.0.0}$0'), 'family: web\nname: web\nimage: web:1.0.0');
    assert.equal(expandSnippet('a: $1 ${1:x}'), 'a: x x', 'a mirror before its placeholder');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
  });

  it('picks the first option of a choice, or the chosen one', () => {
    const body = 'cpu: ${1|ARM64,X86_64|} again $1';
    assert.equal(expandSnippet(body), 'cpu: ARM64 again ARM64');
    assert.equal(expandSnippet(body, { choose: new Map([[1, 'X86_64']]) }), 'cpu: X86_64 again X86_64');
    assert.deepEqual(choicesOf('${2|a\\,b,c|}'), new Map([[2, ['a,b', 'c']]]));
    assert.throws(() => expandSnippet(body, { choose: new Map([[1, 'MIPS']]) }), /no option MIPS/);
  });

  it('keeps escaped and literal dollars as text', () => {
    assert.equal(expandSnippet("!Sub '\\${AWS::Region}-${1:x}'"), "!Sub '${AWS::Region}-x'");
    assert.equal(expandSnippet('cost: 5$ \\} \\\\ \\n {}'), 'cost: 5$ } \\ \\n {}');
    assert.equal(expandSnippet('${1:a\\}b}'), 'a}b');
  });

  it('fills variables and rejects unknown ones', () => {
    assert.equal(expandSnippet('file: $TM_FILENAME / ${TM_FILENAME_BASE}', { variables: { TM_FILENAME: 'a.json', TM_FILENAME_BASE: 'a' } }), 'file: a.json / a');
    assert.equal(expandSnippet('${UNKNOWN_VAR:fallback}'), 'fallback');
    assert.throws(() => expandSnippet('$UNKNOWN_VAR'), SnippetSyntaxError);
  });

  it('rejects malformed bodies', () => {
    assert.throws(() => expandSnippet('${1:open'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1/(.*)/$1/}'), SnippetSyntaxError);
  });
});
