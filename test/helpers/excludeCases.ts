/**
 * What an exclude pattern means, as one table: the core's matcher (test/unit/config/exclude.test.ts), `berth lint`
 * (test/cli/exclude.test.ts) and the language server (test/server/exclude.test.ts) are each tested against every
 * case, so the CLI and the editor cannot drift apart again. Paths are relative to the folder of the patterns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ExcludeCase {
  readonly patterns: readonly string[];
  readonly excluded: readonly string[];
  readonly kept: readonly string[];
}

export const EXCLUDE_CASES: readonly ExcludeCase[] = [
  // A name without a slash matches at any depth, as in .gitignore.
  { patterns: ['task.json'], excluded: ['task.json', 'sub/task.json', 'a/b/task.json'], kept: ['other.json', 'sub/my-task.json'] },
  { patterns: ['*.generated.json'], excluded: ['a.generated.json', 'sub/b.generated.json'], kept: ['task.json', 'generated.json'] },
  // A slash anchors the pattern at the folder of the patterns; so does a leading / or ./ on a bare name.
  { patterns: ['sub/task.json'], excluded: ['sub/task.json'], kept: ['task.json', 'x/sub/task.json', 'sub/deep/task.json'] },
  { patterns: ['/task.json'], excluded: ['task.json'], kept: ['sub/task.json'] },
  { patterns: ['./sub/*.json'], excluded: ['sub/x.json'], kept: ['x.json', 'sub/deep/x.json'] },
  { patterns: ['generated/**'], excluded: ['generated/task.json', 'generated/deep/task.json'], kept: ['sub/generated/task.json', 'task.json'] },
  { patterns: ['**/fixtures/**'], excluded: ['fixtures/task.json', 'a/b/fixtures/task.json'], kept: ['fixtures-old/task.json'] },
  // A pattern that matches a folder excludes everything in it; a trailing slash matches folders only.
  { patterns: ['legacy'], excluded: ['legacy/task.json', 'sub/legacy/task.json', 'legacy/deep/task.json'], kept: ['legacy-app/task.json', 'task.json'] },
  { patterns: ['legacy/'], excluded: ['legacy/task.json', 'sub/legacy/task.json'], kept: ['legacy-app/task.json'] },
  { patterns: ['sub/legacy'], excluded: ['sub/legacy/task.json'], kept: ['legacy/task.json', 'x/sub/legacy/task.json'] },
  // Hidden names match like any other.
  { patterns: ['.config'], excluded: ['.config/task.json'], kept: ['config/task.json'] },
  { patterns: ['*.json'], excluded: ['task.json', '.hidden/task.json'], kept: [] },
  // Several patterns: any one excludes.
  { patterns: ['vendor/**', 'task.json'], excluded: ['vendor/a.json', 'sub/task.json'], kept: ['sub/vendor/a.json'] },
];

/** A Fargate task definition that RegisterTaskDefinition rejects: every kept file has an error finding. */
export const TASK_WITH_ERROR = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "essential": true }]
}
`;
export const TASK_RULE = 'ecs/fargate-valid-cpu-memory';

/** Writes the case's files under `dir` (and its patterns to .berthrc.yaml unless `config` is false). */
export function writeCase(dir: string, c: ExcludeCase, config = true): void {
  for (const file of [...c.excluded, ...c.kept]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), TASK_WITH_ERROR);
  }
  if (config) writeFileSync(join(dir, '.berthrc.yaml'), `exclude:\n${c.patterns.map((p) => `  - ${JSON.stringify(p)}\n`).join('')}`);
}
