import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { dockerfileGenericHoverAt, dockerfileGenericHoverByService } from '../../../server/src/core/features/dockerfileGeneric';

// Directives, ARG/ENV before and after FROM, variables in several forms, flags the service documents and
// flags it does not, ONBUILD triggers, heredocs, continuation lines, comments, an unknown instruction.
const TEXT = [
  '# syntax=docker/dockerfile:1',
  '# escape=\\',
  'ARG BASE=node:20',
  'ARG UNSET',
  'FROM --platform=linux/amd64 ${BASE} AS build',
  'ENV PORT=8080 MODE="prod" \\',
  '    OTHER=$PORT',
  'ARG VERSION=1.2',
  'WORKDIR /app/${VERSION:-dev}',
  'COPY --from=deps --chown=1000:1000 --chmod=644 src/ ./src/',
  'ADD --chown=1000 --checksum=sha256:abc https://example.com/x.tgz /x.tgz',
  'RUN echo $PORT $UNSET ${MODE} \\',
  '  && npm ci',
  'RUN <<EOF',
  'echo heredoc $PORT',
  'EOF',
  'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://localhost/',
  'ONBUILD COPY . /app',
  'ONBUILD RUN echo $PORT',
  'EXPOSE $PORT/tcp',
  'USER 1000',
  'RUNN nothing',
  'FROM build AS final',
  'ENV PORT=9090',
  'CMD ["node", "$PORT"]',
  '',
].join('\n');

describe('generic Dockerfile hover from the document\'s own parse', () => {
  it('gives, at every offset, what the service gives when it parses the text itself', () => {
    const doc = prepare({ uri: 'file:///w/Dockerfile', text: TEXT });
    let answered = 0;
    for (let offset = 0; offset <= TEXT.length; offset++) {
      const fast = dockerfileGenericHoverAt(doc, offset);
      const reference = dockerfileGenericHoverByService(doc, offset);
      assert.deepEqual(fast, reference, `offset ${offset} (${JSON.stringify(TEXT.slice(offset, offset + 12))})`);
      if (fast) answered++;
    }
    // Keywords, flags, directives and variable values all answered somewhere.
    assert.ok(answered > 200, `${answered} offsets answered`);
  });

  it('answers keywords, flags and variable values', () => {
    const doc = prepare({ uri: 'file:///w/Dockerfile', text: TEXT });
    const at = (needle: string, delta = 1) => dockerfileGenericHoverAt(doc, TEXT.indexOf(needle) + delta)?.markdown;
    assert.match(at('HEALTHCHECK')!, /health/i);
    assert.match(at('--interval', 3)!, /seconds to wait/);
    assert.match(at('--from', 3)!, /stage/i);
    assert.equal(at('$PORT $UNSET', 2), '8080');
    assert.equal(at('RUNN nothing'), undefined);
  });

  it('reflects the text of the version it is given, not an earlier one', () => {
    const before = prepare({ uri: 'file:///w/Dockerfile', text: 'FROM alpine\nEXPOSE 80\n' });
    const after = prepare({ uri: 'file:///w/Dockerfile', text: 'FROM alpine\nUSER 1000\n' });
    assert.match(dockerfileGenericHoverAt(before, 13)!.markdown, /port/i);
    assert.match(dockerfileGenericHoverAt(after, 13)!.markdown, /user/i);
    assert.doesNotMatch(dockerfileGenericHoverAt(after, 13)!.markdown, /network `port`/);
  });
});
