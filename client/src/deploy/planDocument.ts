/** The "Show deploy plan" document: markdown from a dry run's result. Pure (no vscode). */
import type { DeployResult, DeployTarget } from './loader';

export const PLAN_SCHEME = 'berth-deploy-plan';

const KIND_NAMES = { ecs: 'ECS service', express: 'ECS Express Mode service', lambda: 'Lambda function (container image)' } as const;
const CHECK_MARKS = { passed: '✓ passed', failed: '✗ failed', warning: '! warning', skipped: '- not checked', pending: '… pending' } as const;

export function planMarkdown(target: DeployTarget, result: DeployResult): string {
  const out: string[] = [];
  out.push(`# Deploy plan: ${target.name}`, '');
  out.push(result.message, '');
  const facts: string[] = [];
  facts.push(`- Kind: ${KIND_NAMES[target.kind ?? 'ecs']}`);
  if (result.account) facts.push(`- Account: ${result.account}`);
  if (result.region) facts.push(`- Region: ${result.region}`);
  if (target.cluster && target.service) facts.push(`- Service: ${target.cluster}/${target.service}`);
  else if (target.service) facts.push(`- Service: ${target.service}`);
  if (target.function) facts.push(`- Function: ${target.function}${target.alias ? ` (alias ${target.alias})` : ''}`);
  if (result.strategy) facts.push(`- Deployment strategy: ${result.strategy}`);
  if (result.previousTaskDefinitionArn) facts.push(`- Running now: \`${result.previousTaskDefinitionArn}\``);
  if (result.image) facts.push(`- Image: \`${result.image}\``);
  if (target.taskDefinition) facts.push(`- Task definition file: \`${target.taskDefinition}\` (never written)`);
  out.push(...facts, '');
  if (result.missing?.length) out.push(`> The target needs ${result.missing.map((m) => `\`${m}\``).join(', ')} in .berthrc.yaml; a deploy asks for them.`, '');
  if (result.offline) out.push(`> Planned without AWS: ${result.offline} The steps that need AWS are marked; with credentials the plan adds what only AWS can say.`, '');
  out.push('## Steps', '');
  out.push('| # | Step | AWS calls | Changes AWS | Checked now |', '|---|---|---|---|---|');
  const checked = new Map(result.steps.map((s) => [s.id, s]));
  (result.plan ?? []).forEach((step, i) => {
    const seen = checked.get(step.id);
    const now = seen
      ? `${seen.status === 'failed' ? '✗' : seen.status === 'skipped' ? '-' : '✓'} ${cell(seen.message || seen.title)}`
      : step.needsAws && result.offline ? 'needs AWS' : 'not run in a dry run';
    out.push(`| ${i + 1} | ${step.title} | ${step.calls.map((c) => `\`${c}\``).join(', ') || '(none)'} | ${step.write ? 'yes' : 'no'} | ${now} |`);
  });
  out.push('');
  if (result.preflight?.length) {
    out.push('## Preflight', '', '| Check | Result | What was found |', '|---|---|---|');
    for (const c of result.preflight) out.push(`| ${c.title} | ${CHECK_MARKS[c.status]} | ${cell(c.message)} |`);
    out.push('');
  }
  if (result.rendered) {
    out.push('## Rendered task definition (RegisterTaskDefinition input)', '', '```json', JSON.stringify(result.rendered, null, 2), '```', '');
  }
  for (const hint of result.hints) out.push(`> ${hint}`, '');
  out.push('No AWS write calls were made for this plan.', '');
  return out.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
