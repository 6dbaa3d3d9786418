/** The "Show deploy plan" document: markdown from a dry run's result. Pure (no vscode). */
import type { DeployResult, DeployTarget } from './loader';

export const PLAN_SCHEME = 'berth-deploy-plan';

export function planMarkdown(target: DeployTarget, result: DeployResult): string {
  const out: string[] = [];
  out.push(`# Deploy plan: ${target.name}`, '');
  out.push(result.message, '');
  const facts: string[] = [];
  if (result.account) facts.push(`- Account: ${result.account}`);
  if (result.region) facts.push(`- Region: ${result.region}`);
  if (target.cluster && target.service) facts.push(`- Service: ${target.cluster}/${target.service}`);
  if (result.previousTaskDefinitionArn) facts.push(`- Running now: \`${result.previousTaskDefinitionArn}\``);
  if (result.image) facts.push(`- Image: \`${result.image}\``);
  if (target.taskDefinition) facts.push(`- Task definition file: \`${target.taskDefinition}\` (never written)`);
  out.push(...facts, '');
  out.push('## Steps', '');
  out.push('| # | Step | AWS calls | Changes AWS | Checked now |', '|---|---|---|---|---|');
  const checked = new Map(result.steps.map((s) => [s.id, s]));
  (result.plan ?? []).forEach((step, i) => {
    const seen = checked.get(step.id);
    const now = seen ? `${seen.status === 'failed' ? '✗' : '✓'} ${cell(seen.message || seen.title)}` : 'not run in a dry run';
    out.push(`| ${i + 1} | ${step.title} | ${step.calls.map((c) => `\`${c}\``).join(', ') || '(none)'} | ${step.write ? 'yes' : 'no'} | ${now} |`);
  });
  out.push('');
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
