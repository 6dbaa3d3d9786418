import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, prepare } from '../../../server/src/core/analyze';
import { dockerfileGenericCompletionsAt, dockerfileGenericHoverByService } from '../../../server/src/core/features/dockerfileGeneric';
import { parseDockerfile, withoutSharing } from '../../../server/src/core/parse/dockerfile';

// Directives, stages linked by name, flags, JSON and shell forms, continuations, heredocs, ONBUILD triggers,
// HEALTHCHECKs, variables, an unknown instruction: what the validator, the model and the rules read.
const TEXT = [
  '# syntax=docker/dockerfile:1',
  '# escape=\\',
  'ARG BASE=node:20',
  'FROM --platform=linux/amd64 ${BASE} AS build',
  'ENV PORT=8080 MODE="prod" \\',
  '    OTHER=$PORT',
  'WORKDIR app',
  'COPY --from=deps --chown=1000:1000 src/ ./src/',
  'RUN apt-get update && apt-get install curl \\',
  '  && curl -k https://example.com | sh',
  'RUN <<EOF',
  'echo heredoc $PORT',
  'EOF',
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost/',
  'HEALTHCHECK NONE',
  'ONBUILD RUN echo $PORT',
  'EXPOSE $PORT/tcp 70000',
  'RUNN nothing',
  'FROM public.ecr.aws/docker/library/python AS py',
  'FROM build AS final',
  'SHELL ["/bin/bash", "-c"]',
  'RUN set -o pipefail; wget -O- http://x | tar x',
  'CMD node index.js',
  'ENTRYPOINT ["node", "x.js"]',
  '',
].join('\n');

// Characters that change how a Dockerfile reads: separators, escapes, quotes, JSON, flags, variables.
const ALPHABET = [' ', '\n', '\\', '"', "'", '[', ']', ',', '-', '--', '=', '$', '{', '}', '#', 'FROM ', 'RUN ', 'AS x', ':latest', '<<EOF\n', '`', 'a', '1'];

/** A seeded generator (mulberry32), so a failure names the edit that caused it. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const URI = 'file:///w/Dockerfile';
const findingsOf = (text: string) => lint(prepare({ uri: URI, text, languageId: 'dockerfile' }), { settings: { genericFeatures: true } });

describe('Dockerfile parse sharing (parse/dockerfile.ts)', () => {
  it('gives the same findings, completions and hovers as dockerfile-ast without sharing, over random edits', () => {
    const next = random(20);
    let text = TEXT;
    const seen: string[] = [];
    for (let step = 0; step < 150; step++) {
      const at = Math.floor(next() * (text.length + 1));
      const remove = next() < 0.5 ? Math.floor(next() * 6) : 0;
      const insert = next() < 0.8 ? ALPHABET[Math.floor(next() * ALPHABET.length)]! : '';
      text = text.slice(0, at) + insert + text.slice(at + remove);
      seen.push(text);
      const context = `step ${step}, edit at ${at}: -${remove} +${JSON.stringify(insert)}`;
      // Twice with sharing (the second reads the cached parse and cached argument scans), then without.
      findingsOf(text);
      const shared = findingsOf(text);
      assert.deepEqual(shared, withoutSharing(() => findingsOf(text)), context);
      const doc = prepare({ uri: URI, text, languageId: 'dockerfile' });
      const plain = withoutSharing(() => prepare({ uri: URI, text, languageId: 'dockerfile' }));
      for (const offset of [at, Math.floor(next() * (text.length + 1))]) {
        assert.deepEqual(dockerfileGenericCompletionsAt(doc, offset), withoutSharing(() => dockerfileGenericCompletionsAt(plain, offset)), `${context}, completion at ${offset}`);
        assert.deepEqual(dockerfileGenericHoverByService(doc, offset), withoutSharing(() => dockerfileGenericHoverByService(plain, offset)), `${context}, hover at ${offset}`);
      }
    }
    // Earlier texts, read again after the cache has moved on, still give their own findings.
    for (const old of seen.slice(-8).reverse()) assert.deepEqual(findingsOf(old), withoutSharing(() => findingsOf(old)));
  });

  it('parses a text once, and every caller of getArguments gets its own array', () => {
    const ast = parseDockerfile(TEXT);
    assert.equal(parseDockerfile(TEXT), ast);
    assert.notEqual(parseDockerfile(`${TEXT}\n`), ast);
    const copy = parseDockerfile(TEXT);
    const from = ast.getFROMs()[0]!;
    const args = from.getArguments();
    assert.deepEqual(args.map((a) => a.getValue()), ['${BASE}', 'AS', 'build']);
    args.length = 0; // a caller changing its array changes nobody else's
    assert.deepEqual(copy.getFROMs()[0]!.getArguments().map((a) => a.getValue()), ['${BASE}', 'AS', 'build']);
    assert.deepEqual(from.getFlags().map((f) => f.getName()), ['platform']);
  });
});
