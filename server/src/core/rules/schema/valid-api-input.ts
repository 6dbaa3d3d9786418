import { DESCRIBE_ONLY_KEYS } from '../../facts/ecs';
import { unwrapTaskDefinition } from '../../model/ecs';
import { asObject, toPlain } from '../../parse/tree';
import { isSchemaKind } from '../../schema/kinds';
import { validateAgainstSchema, type SchemaMessageId } from '../../schema/validate';
import { defineRule } from '../defineRule';

type MessageId = 'wrongType' | 'notAllowedValue' | 'unknownProperty' | 'missingProperty' | 'outOfRange';

const MESSAGE_OF: Readonly<Record<SchemaMessageId, MessageId>> = {
  wrongType: 'wrongType',
  notAllowedValue: 'notAllowedValue',
  unknownProperty: 'unknownProperty',
  missingProperty: 'missingProperty',
  // The generated schemas have no propertyNames/anyOf today; these stay reachable for future ones.
  invalidKey: 'notAllowedValue',
  tooSmall: 'outOfRange',
  tooLarge: 'outOfRange',
  tooShort: 'outOfRange',
  tooLong: 'outOfRange',
  tooFewItems: 'outOfRange',
  tooManyItems: 'outOfRange',
  noMatchingForm: 'notAllowedValue',
  invalid: 'notAllowedValue',
};

const DESCRIBE_ONLY: ReadonlySet<string> = new Set(DESCRIBE_ONLY_KEYS);

export default defineRule<MessageId>({
  id: 'schema/valid-api-input',
  kinds: ['ecs-task-definition', 'ecs-service', 'ecs-express-service', 'batch-job-definition', 'lambda-function'],
  severity: 'error',
  docs: {
    summary: "Require API input that matches AWS's own service model (types, allowed values, required and unknown keys)",
    concept: 'describe-vs-register',
    reference: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html',
  },
  messages: {
    wrongType: '{detail} The AWS CLI and SDKs reject the wrong type.',
    notAllowedValue: '{detail}',
    unknownProperty: '{detail} AWS rejects unknown parameters.',
    missingProperty: '{detail} AWS rejects the request without it.',
    outOfRange: '{detail}',
  },
  check(ctx) {
    if (!isSchemaKind(ctx.kind)) return;
    const root = asObject(ctx.model.root);
    if (!root) return;
    // describe-task-definition output is validated as the register input it wraps.
    const node = ctx.kind === 'ecs-task-definition' ? unwrapTaskDefinition(root).node : root;
    for (const problem of validateAgainstSchema(ctx.kind, node, toPlain(node))) {
      // Describe-only keys get their own rule (ecs/no-describe-output-keys) with a fix.
      if (ctx.kind === 'ecs-task-definition' && problem.messageId === 'unknownProperty' && problem.path.length === 1 && DESCRIBE_ONLY.has(String(problem.path[0]))) continue;
      const messageId = MESSAGE_OF[problem.messageId];
      // A value another rule judges in full (its `owns`): the range and the allowed values are that rule's to report.
      if ((messageId === 'outOfRange' || messageId === 'notAllowedValue') && ctx.ruleOwning(ctx.kind, problem.path)) continue;
      ctx.report({ at: problem.span, messageId, data: { detail: problem.message } });
    }
  },
});
