/**
 * `deploy_plan`: what `berth deploy <target>` would do, worked out offline from .berthrc.yaml and the files:
 * the steps with the AWS calls each makes, the lint gate, and the task definition as it would be registered.
 * It makes no AWS call and never builds, pushes or deploys anything; the server has no way to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ecrHost, plannedImage } from '../../core/deploy/image';
import { planSteps } from '../../core/deploy/plan';
import { renderTaskDefinition } from '../../core/deploy/render';
import { missingForDeploy, missingForImage } from '../../core/deploy/target';
import { findingLine } from '../findings';
import { lintProjectPaths, openProject, resolveInProject, ToolError } from '../project';
import { answer, type ToolContext } from './answer';

export function registerDeployPlanTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'deploy_plan',
    {
      title: 'Plan a deploy (dry run)',
      description:
        'Shows what `berth deploy <target>` would do for a target of .berthrc.yaml (deploy.targets): whether the target is complete, the steps and the AWS calls each makes (marking the ones that write), the lint errors that would stop it, and the task definition it would register. Offline: no AWS call, no build, no push, no deploy. To deploy, a person runs `berth deploy <target>`.',
      inputSchema: {
        target: z.string().describe('A target name under deploy.targets in .berthrc.yaml'),
        imageOnly: z.boolean().optional().describe('Plan only the image build and push (berth deploy --image-only)'),
      },
      outputSchema: {
        target: z.string(),
        ready: z.boolean().describe('False when the target lacks a setting or a lint error would stop the deploy'),
        missing: z.array(z.string()),
        steps: z.array(z.object({ id: z.string(), title: z.string(), calls: z.array(z.string()), write: z.boolean(), needsAws: z.boolean().describe('The step calls AWS (this offline plan does not run it)') })),
        lintErrors: z.array(z.string()),
        platform: z.string().optional(),
        taskDefinition: z.record(z.string(), z.unknown()).optional().describe('The RegisterTaskDefinition input, image as a placeholder until the push'),
        strippedKeys: z.array(z.string()).optional(),
        problems: z.array(z.string()),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ target: name, imageOnly }) =>
      answer(async () => {
        const project = openProject(context.root);
        if (project.targetErrors.length) throw new ToolError(`deploy.targets in .berthrc.yaml has problems:\n${project.targetErrors.join('\n')}`);
        const target = project.targets[name];
        if (!target) {
          const names = Object.keys(project.targets);
          throw new ToolError(`No deploy target "${name}" in .berthrc.yaml${names.length ? `; the targets are ${names.join(', ')}` : ' (it has no deploy.targets)'}.`);
        }
        const mode = imageOnly ? 'image' : 'deploy';
        const missing = mode === 'image' ? missingForImage(target) : missingForDeploy(target);
        const problems: string[] = [];
        const steps = planSteps(target, mode, true).map((s) => ({ id: s.id, title: s.title, calls: [...s.calls], write: s.write, needsAws: s.needsAws }));

        // The lint gate: errors in the Dockerfile and the task definition stop a deploy (it asks first).
        const files = [
          { path: target.dockerfile, missing: 'the image build would fail' },
          ...(mode === 'deploy' && target.taskDefinition ? [{ path: target.taskDefinition, missing: 'there is no task definition to register' }] : []),
        ];
        const lintErrors: string[] = [];
        for (const file of files) {
          if (!existsSync(resolveInProject(project, file.path))) {
            problems.push(`${file.path} does not exist: ${file.missing}.`);
            continue;
          }
          try {
            lintErrors.push(...(await lintProjectPaths(project, [file.path], 'error')).findings.map((f) => findingLine(f)));
          } catch (error) {
            if (!(error instanceof ToolError)) throw error; // excluded by .berthrc.yaml: berth lint skips it too
          }
        }

        let rendered: ReturnType<typeof renderTaskDefinition> | undefined;
        if (mode === 'deploy' && target.taskDefinition && target.containerName) {
          let text: string | undefined;
          try {
            text = readFileSync(resolveInProject(project, target.taskDefinition), 'utf8');
          } catch {
            // a missing file is a problem above; an unreadable one is a lint finding
          }
          if (text !== undefined) {
            rendered = renderTaskDefinition(text, { containerName: target.containerName, image: plannedImage(ecrHost(undefined, target.region), target.ecrRepository ?? '<repository>'), fileName: target.taskDefinition });
            if (!rendered.ok) problems.push(rendered.message);
          }
        }
        const ok = rendered?.ok ? rendered : undefined;
        const platform = target.platform ?? ok?.platform ?? (mode === 'image' ? 'linux/amd64' : undefined);
        const ready = missing.length === 0 && lintErrors.length === 0 && problems.length === 0;

        const lines = [
          `Plan for deploy target "${name}" (${mode === 'image' ? 'build and push the image' : 'deploy'}); no AWS call was made.`,
          missing.length ? `Missing in .berthrc.yaml (deploy.targets.${name}): ${missing.join(', ')}; berth deploy would refuse.` : '',
          ...problems.map((p) => `Problem: ${p}`),
          lintErrors.length ? `Lint errors (berth deploy asks before going on):\n${lintErrors.map((e) => `  ${e}`).join('\n')}` : 'Lint gate: no errors.',
          'Steps:',
          ...steps.map((s, i) => `  ${i + 1}. ${s.title}${s.calls.length ? ` (${s.calls.join(', ')})` : ''}${marks(s)}`),
          platform ? `Image platform: ${platform}; tag: the git short SHA (with -dirty-<time> for uncommitted changes).` : '',
          ok ? `Task definition ${ok.family} as it would be registered${ok.stripped.length ? ` (describe-only keys removed: ${ok.stripped.join(', ')})` : ''}:\n${JSON.stringify(ok.input, null, 2)}` : '',
        ].filter(Boolean);
        return {
          text: lines.join('\n'),
          structured: {
            target: name,
            ready,
            missing,
            steps,
            lintErrors,
            ...(platform ? { platform } : {}),
            ...(ok ? { taskDefinition: ok.input, strippedKeys: ok.stripped } : {}),
            problems,
          },
        };
      }, context.log),
  );
}

/** `[writes, needs AWS]`: what a person running the deploy needs to know about a step. */
function marks(step: { write: boolean; needsAws: boolean }): string {
  const named = [step.write ? 'writes' : '', step.needsAws ? 'needs AWS' : ''].filter(Boolean);
  return named.length ? ` [${named.join(', ')}]` : '';
}
