/** The deploy history, pure: its entries, parsing, appending, and the revision `Roll back` returns to. */

export interface HistoryEntry {
  readonly at: string;
  readonly action: 'deploy' | 'rollback';
  readonly cluster: string;
  readonly service: string;
  readonly taskDefinitionArn: string;
  /** What the service ran before this deploy: the revision a rollback returns to. */
  readonly previousTaskDefinitionArn?: string;
  readonly image?: string;
  readonly outcome: 'completed' | 'failed' | 'not-watched' | 'cancelled' | 'timed-out';
}

export interface DeployHistory {
  readonly version: 1;
  readonly targets: Record<string, HistoryEntry[]>;
}

export const HISTORY_LIMIT = 50;

/** Parses the history file; anything unreadable becomes an empty history (the file is a convenience, not state). */
export function parseHistory(text: string | undefined): DeployHistory {
  if (text === undefined) return { version: 1, targets: {} };
  try {
    const data = JSON.parse(text) as DeployHistory;
    if (data && data.version === 1 && typeof data.targets === 'object' && data.targets !== null) return data;
  } catch {
    // fall through
  }
  return { version: 1, targets: {} };
}

export function appendHistory(history: DeployHistory, target: string, entry: HistoryEntry): DeployHistory {
  const entries = [...(history.targets[target] ?? []), entry].slice(-HISTORY_LIMIT);
  return { version: 1, targets: { ...history.targets, [target]: entries } };
}

/**
 * The revision `Roll back` returns to: what ran before the latest deploy that reached UpdateService,
 * or, after a rollback, what ran before the deploy that was rolled back.
 */
export function rollbackRevision(history: DeployHistory, target: string, current?: string): string | undefined {
  const entries = history.targets[target] ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.previousTaskDefinitionArn === undefined || e.previousTaskDefinitionArn === current) continue;
    if (e.action === 'deploy') return e.previousTaskDefinitionArn;
  }
  return undefined;
}
