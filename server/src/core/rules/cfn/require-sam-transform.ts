import { SAM_TRANSFORM } from '../../model/template';
import { getPair, type Pair } from '../../parse/tree';
import { formatOfText } from '../../fix/edits';
import { defineRule } from '../defineRule';
import type { Fix } from '../../fix/types';

export default defineRule({
  id: 'cfn/require-sam-transform',
  kinds: ['cloudformation'],
  unconditional: true,
  severity: 'error',
  docs: {
    summary: 'Require the SAM transform in a template that uses AWS::Serverless types',
    concept: 'serverless',
    reference: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy.html',
  },
  messages: {
    missingTransform:
      '{id} has type {type}, which exists only under the SAM transform ({count} AWS::Serverless resource(s) in this template). Without `Transform: {transform}` CloudFormation rejects the template ("Unrecognized resource types"). Add the Transform.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template || template.isSam) return;
    const serverless = template.resources.filter((r) => r.type?.known && r.type.value.startsWith('AWS::Serverless::'));
    const first = serverless[0];
    if (!first?.type?.known) return;
    // A transform given by an intrinsic or a parameter is unknown here.
    if (template.transforms.includes(undefined)) return;
    ctx.report({
      at: first.type,
      messageId: 'missingTransform',
      data: { id: first.logicalId, type: first.type.value, count: serverless.length, transform: SAM_TRANSFORM },
      // With another transform present, where SAM goes in the list is the author's call (macros run in order).
      fix: template.transforms.length ? undefined : addTransform(ctx.text, getPair(template.node, 'Resources')),
    });
  },
});

/** `Transform: AWS::Serverless-2016-10-31` inserted as the line before `Resources`, at its indentation. */
function addTransform(text: string, resources: Pair | undefined): Fix | undefined {
  if (!resources) return undefined;
  const lineStart = text.lastIndexOf('\n', resources.keySpan.start - 1) + 1;
  const indent = text.slice(lineStart, resources.keySpan.start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const line = formatOfText(text) === 'json' ? `"Transform": "${SAM_TRANSFORM}",` : `Transform: ${SAM_TRANSFORM}`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Add Transform: ${SAM_TRANSFORM}`,
    edits: [{ span: { start: lineStart, end: lineStart }, newText: `${indent}${line}${eol}` }],
  };
}
