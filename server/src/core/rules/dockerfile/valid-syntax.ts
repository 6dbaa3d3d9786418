import { validate, ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import type { DockerfileModel } from '../../model/dockerfile';
import type { Severity } from '../../config/severity';
import { defineRule } from '../defineRule';

type MessageId = 'unknownInstruction' | 'wrongArguments' | 'invalidFlag' | 'invalidValue' | 'deprecated' | 'other';

interface Mapping {
  readonly messageId: MessageId;
  readonly severity: Severity;
}

const error = (messageId: MessageId): Mapping => ({ messageId, severity: 'error' });
const C = ValidationCode;

/**
 * Every code of dockerfile-utils' validator, mapped on purpose (see valid-syntax.md). `error` only where
 * Docker's builder rejects the file; `null` = left to another dockerfile/* rule, never reported here.
 */
const MAPPING: Readonly<Record<number, Mapping | null>> = {
  [C.UNKNOWN_INSTRUCTION]: error('unknownInstruction'),

  [C.ARGUMENT_MISSING]: error('wrongArguments'),
  [C.ARGUMENT_EXTRA]: error('wrongArguments'),
  [C.ARGUMENT_REQUIRES_ONE]: error('wrongArguments'),
  [C.ARGUMENT_REQUIRES_AT_LEAST_ONE]: error('wrongArguments'),
  [C.ARGUMENT_REQUIRES_TWO]: error('wrongArguments'),
  [C.ARGUMENT_REQUIRES_AT_LEAST_TWO]: error('wrongArguments'),
  [C.ARGUMENT_REQUIRES_ONE_OR_THREE]: error('wrongArguments'),
  [C.ARGUMENT_UNNECESSARY]: error('wrongArguments'),
  [C.NO_SOURCE_IMAGE]: error('wrongArguments'),
  [C.INVALID_AS]: error('wrongArguments'),
  [C.INVALID_DESTINATION]: error('wrongArguments'),
  [C.SHELL_JSON_FORM]: error('wrongArguments'),
  [C.SHELL_REQUIRES_ONE]: error('wrongArguments'),
  [C.SYNTAX_MISSING_EQUALS]: error('wrongArguments'),
  [C.SYNTAX_MISSING_NAMES]: error('wrongArguments'),
  [C.SYNTAX_MISSING_SINGLE_QUOTE]: error('wrongArguments'),
  [C.SYNTAX_MISSING_DOUBLE_QUOTE]: error('wrongArguments'),
  [C.HEALTHCHECK_CMD_ARGUMENT_MISSING]: error('wrongArguments'),
  [C.ONBUILD_CHAINING_DISALLOWED]: error('wrongArguments'),
  [C.ONBUILD_TRIGGER_DISALLOWED]: error('wrongArguments'),

  [C.UNKNOWN_ADD_FLAG]: error('invalidFlag'),
  [C.UNKNOWN_COPY_FLAG]: error('invalidFlag'),
  [C.UNKNOWN_FROM_FLAG]: error('invalidFlag'),
  [C.UNKNOWN_HEALTHCHECK_FLAG]: error('invalidFlag'),
  [C.FLAG_DUPLICATE]: error('invalidFlag'),
  [C.FLAG_MISSING_VALUE]: error('invalidFlag'),
  [C.FLAG_EXPECTED_BOOLEAN_VALUE]: error('invalidFlag'), // also FLAG_INVALID_LINK_VALUE (same number)

  [C.FLAG_AT_LEAST_ONE]: error('invalidValue'),
  [C.FLAG_INVALID_DURATION]: error('invalidValue'),
  [C.FLAG_LESS_THAN_1MS]: error('invalidValue'),
  [C.FLAG_MISSING_DURATION]: error('invalidValue'),
  [C.FLAG_UNKNOWN_UNIT]: error('invalidValue'),
  [C.INVALID_PORT]: error('invalidValue'),
  [C.INVALID_PROTO]: error('invalidValue'),
  [C.INVALID_REFERENCE_FORMAT]: error('invalidValue'),
  [C.INVALID_SIGNAL]: error('invalidValue'),
  [C.INVALID_SYNTAX]: error('invalidValue'),
  [C.INVALID_ESCAPE_DIRECTIVE]: error('invalidValue'),
  [C.DUPLICATED_ESCAPE_DIRECTIVE]: error('invalidValue'),
  [C.INVALID_BUILD_STAGE_NAME]: error('invalidValue'),
  [C.BASE_NAME_EMPTY]: error('invalidValue'),
  [C.UNKNOWN_TYPE]: error('invalidValue'),
  [C.UNSUPPORTED_MODIFIER]: error('invalidValue'),

  // Docker accepts these today and warns.
  [C.EMPTY_CONTINUATION_LINE]: { messageId: 'deprecated', severity: 'warning' },
  // Accepted by Docker, but not what the author meant, or against convention.
  [C.JSON_IN_SINGLE_QUOTES]: { messageId: 'other', severity: 'warning' },
  [C.MULTIPLE_INSTRUCTIONS]: { messageId: 'other', severity: 'warning' }, // HEALTHCHECK only: CMD/ENTRYPOINT are switched off below
  [C.CASING_INSTRUCTION]: { messageId: 'other', severity: 'info' },
  [C.CASING_DIRECTIVE]: { messageId: 'other', severity: 'info' },

  // Reported by other rules, with Berth's own wording and fixes.
  [C.DEPRECATED_MAINTAINER]: null, // dockerfile/no-maintainer
  [C.WORKDIR_IS_NOT_ABSOLUTE]: null, // dockerfile/no-relative-workdir
  [C.DUPLICATE_BUILD_STAGE_NAME]: null, // dockerfile/no-duplicate-stage-name
  [C.FLAG_INVALID_FROM_VALUE]: null, // dockerfile/valid-copy-from
};

/** Unknown codes (a newer dockerfile-utils) are reported, never as errors. */
const UNMAPPED: Mapping = { messageId: 'other', severity: 'warning' };

const SETTINGS: ValidatorSettings = {
  // dockerfile/no-maintainer, no-relative-workdir and no-multiple-cmd-entrypoint report these.
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.WARNING,
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
  instructionCasing: ValidationSeverity.WARNING,
  directiveCasing: ValidationSeverity.WARNING,
  emptyContinuationLine: ValidationSeverity.WARNING,
};

export default defineRule({
  id: 'dockerfile/valid-syntax',
  kinds: ['dockerfile'],
  severity: 'error',
  severities: ['error', 'warning', 'info'],
  docs: {
    summary: 'Require Dockerfile syntax that the Docker builder accepts',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/dockerfile/',
    genericFeature: true,
  },
  messages: {
    unknownInstruction: '{detail}. Docker rejects a Dockerfile with an unknown instruction: check the spelling.',
    wrongArguments: '{detail}. Docker rejects the instruction as written.',
    invalidFlag: '{detail}. Docker rejects an unknown, repeated or empty flag.',
    invalidValue: '{detail}. Docker rejects this value.',
    deprecated: '{detail}. Docker still accepts it, warns, and will reject it in a future release.',
    other: '{detail}.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const problem of validate(ctx.text, SETTINGS)) {
      const code = typeof problem.code === 'number' ? problem.code : Number(problem.code);
      const mapping = code in MAPPING ? MAPPING[code] : UNMAPPED;
      if (!mapping) continue;
      const at = { start: ctx.lines.offsetAt(problem.range.start), end: ctx.lines.offsetAt(problem.range.end) };
      if (code === C.JSON_IN_SINGLE_QUOTES && /^(CMD|ENTRYPOINT)$/.test(keywordAt(model, at.start) ?? '')) {
        continue; // CMD/ENTRYPOINT in shell form: dockerfile/prefer-exec-form, valid-lambda-handler-cmd, no-multiple-cmd-entrypoint
      }
      ctx.report({
        at,
        messageId: mapping.messageId,
        severity: mapping.severity,
        data: { detail: (typeof problem.message === 'string' ? problem.message : problem.message.value).replace(/\.\s*$/, '') },
      });
    }
  },
});

/** The keyword (upper case) of the top-level instruction containing an offset. */
function keywordAt(model: DockerfileModel, offset: number): string | undefined {
  for (const instruction of model.ast.getInstructions()) {
    const span = model.span(instruction.getRange());
    if (offset >= span.start && offset <= span.end) return instruction.getKeyword().toUpperCase();
  }
  return undefined;
}
