/**
 * The deploy history, `.berth/deploy-history.json` in the workspace: what ran before each deploy, for rollback.
 * Failing to write it never fails a deploy.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appendHistory, parseHistory, type DeployHistory, type HistoryEntry } from '../core/deploy/history';
import { readTextIfExists } from '../io/read';
import type { DeployRun } from './run';
import type { Outcome } from './types';

export function historyPath(workspace: string): string {
  return join(workspace, '.berth', 'deploy-history.json');
}

export function readHistory(workspace: string): DeployHistory {
  return parseHistory(readTextIfExists(historyPath(workspace)));
}

/** Writes (or rewrites) this run's entry. A run without a revision, cluster or service has none. */
export function writeHistory(run: DeployRun, action: HistoryEntry['action'], outcome: HistoryEntry['outcome']): void {
  const r = run.result;
  const { target } = run;
  if (!r.taskDefinitionArn || target.cluster === undefined || target.service === undefined) return;
  try {
    const file = historyPath(run.options.workspace);
    let history = readHistory(run.options.workspace);
    const full: HistoryEntry = {
      at: run.startedAt,
      action,
      cluster: target.cluster,
      service: target.service,
      taskDefinitionArn: r.taskDefinitionArn,
      ...(r.previousTaskDefinitionArn !== undefined ? { previousTaskDefinitionArn: r.previousTaskDefinitionArn } : {}),
      ...(r.image !== undefined && r.digest !== undefined ? { image: `${r.image.replace(/:[^:/]+$/, '')}@${r.digest}` } : {}),
      outcome,
    };
    const list = history.targets[target.name] ?? [];
    const last = list.at(-1);
    if (last && last.at === full.at && last.taskDefinitionArn === full.taskDefinitionArn) {
      history = { version: 1, targets: { ...history.targets, [target.name]: [...list.slice(0, -1), full] } };
    } else {
      history = appendHistory(history, target.name, full);
    }
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(history, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (error) {
    run.log(`Could not write the deploy history: ${(error as Error).message}`);
  }
}

/** The history keeps completed, not-watched, cancelled and timed-out as they are; everything else is a failure. */
export function historyOutcome(outcome: Outcome): HistoryEntry['outcome'] {
  if (outcome === 'completed' || outcome === 'not-watched' || outcome === 'cancelled' || outcome === 'timed-out') return outcome;
  return 'failed';
}
