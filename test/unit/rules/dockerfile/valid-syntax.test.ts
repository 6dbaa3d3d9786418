import rule from '../../../../server/src/core/rules/dockerfile/valid-syntax';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';
/** The rule is a generic feature: it runs only when the edge turns generic features on. */
const settings = { genericFeatures: true };

runRuleTests(rule, {
  valid: [
    {
      name: 'correct instructions, current flags, variables, heredocs',
      filename,
      settings,
      code: [
        'ARG BASE=alpine',
        'ARG TAG=3.20',
        'FROM --platform=linux/arm64 ${BASE}:${TAG} AS build',
        'ARG PORT=80',
        'ARG SIG=SIGTERM',
        'EXPOSE ${PORT} 53/udp 8000-8010',
        'STOPSIGNAL $SIG',
        'COPY --chmod=755 --link --parents a b/',
        'ADD --checksum=sha256:abc --keep-git-dir=true https://example.com/y.git /src',
        'HEALTHCHECK --interval=5s --start-interval=1s CMD wget -q localhost',
        'RUN --mount=type=cache,target=/root/.cache pip install x',
        'RUN <<EOF',
        'echo hi',
        'EOF',
        'CMD ["app"]',
        '',
      ].join('\n'),
    },
    {
      name: 'generic features off (the default in the core): the rule does not run',
      filename,
      code: 'FROM alpine:3\nRUNN echo\nCOPY a\n',
    },
    {
      name: 'left to other rules: MAINTAINER, relative WORKDIR, repeated CMD/ENTRYPOINT, duplicate stage, COPY --from, EXPOSE range, single-quoted CMD',
      filename,
      settings,
      code: "FROM alpine:3 AS a\nMAINTAINER me\nWORKDIR rel\nCMD a\nCMD b\nENTRYPOINT a\nENTRYPOINT b\nFROM alpine:3 AS a\nCOPY --from=-x a b\nEXPOSE 70000\nCMD ['x']\n",
    },
  ],
  invalid: [
    {
      name: 'unknown instruction (CRLF line ends)',
      filename,
      settings,
      code: 'FROM alpine:3\r\nRUNN apk add curl\r\n',
      errors: [{ messageId: 'unknownInstruction', line: 2, column: 1, endLine: 2, endColumn: 5, severity: 'error', message: 'Unknown instruction: RUNN. Docker rejects a Dockerfile with an unknown instruction: check the spelling.' }],
    },
    {
      name: 'missing and too few arguments',
      filename,
      settings,
      code: 'FROM alpine:3\nENV\nCOPY a\n',
      errors: [
        { messageId: 'wrongArguments', line: 2, column: 1, endLine: 2, endColumn: 4, severity: 'error', message: 'Instruction has no arguments. Docker rejects the instruction as written.' },
        { messageId: 'wrongArguments', line: 3, column: 6, endLine: 3, endColumn: 7, severity: 'error', message: /^COPY requires at least two arguments\./ },
      ],
    },
    {
      name: 'flags: empty value, unknown flag (exact sub-ranges)',
      filename,
      settings,
      code: 'FROM --platform=linux/amd64 --foo alpine:3\nCOPY --chown app.js /app/\n',
      errors: [
        { messageId: 'invalidFlag', line: 1, column: 29, endLine: 1, endColumn: 34, severity: 'error', message: 'Unknown flag: foo. Docker rejects an unknown, repeated or empty flag.' },
        { messageId: 'invalidFlag', line: 2, column: 8, endLine: 2, endColumn: 13, severity: 'error', message: /^Missing a value on flag: chown\./ },
      ],
    },
    {
      name: 'values: duration without unit, protocol, port',
      filename,
      settings,
      code: 'FROM alpine:3\nHEALTHCHECK --interval=5 CMD wget -q localhost\nEXPOSE 80/tcpx abc\n',
      errors: [
        { messageId: 'invalidValue', line: 2, column: 24, endLine: 2, endColumn: 25, severity: 'error', message: 'time: missing unit in duration 5. Docker rejects this value.' },
        { messageId: 'invalidValue', line: 3, column: 11, endLine: 3, endColumn: 15, severity: 'error', message: /^Invalid proto: tcpx\./ },
        { messageId: 'invalidValue', line: 3, column: 16, endLine: 3, endColumn: 19, severity: 'error', message: /^Invalid containerPort: abc\./ },
      ],
    },
    {
      name: 'empty continuation line: deprecated, a warning',
      filename,
      settings,
      code: 'FROM alpine:3\nRUN echo a && \\\n\n  echo b\n',
      errors: [{ messageId: 'deprecated', line: 3, column: 1, endLine: 4, endColumn: 1, severity: 'warning', message: /^Empty continuation line\. Docker still accepts it, warns/ }],
    },
    {
      name: 'accepted by Docker: JSON in single quotes (RUN), a second HEALTHCHECK, lower-case instruction',
      filename,
      settings,
      code: "FROM alpine:3\nRUN ['echo', 'hi']\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\nrun echo\n",
      errors: [
        { messageId: 'other', line: 2, column: 5, endLine: 2, endColumn: 19, severity: 'warning', message: /^Instruction written as a JSON array but is using single quotes/ },
        { messageId: 'other', line: 3, column: 1, endLine: 3, endColumn: 12, severity: 'warning', message: /^There can only be one HEALTHCHECK instruction/ },
        { messageId: 'other', line: 5, column: 1, endLine: 5, endColumn: 4, severity: 'info', message: 'Instructions should be written in uppercase letters.' },
      ],
    },
  ],
});
