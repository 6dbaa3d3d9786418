import type { AnalyzeSettings } from '../core/analyze';
import type { DocumentKind } from '../core/kinds/detect';
import type { RuleSetting } from '../core/rules/types';

/** The `berth.*` settings as the server uses them. */
export interface ServerSettings {
  readonly analyze: AnalyzeSettings;
  readonly exclude: readonly string[];
  readonly debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;

export const DEFAULT_SETTINGS: ServerSettings = { analyze: {}, exclude: [], debounceMs: DEFAULT_DEBOUNCE_MS };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Accepts whatever the client sends and keeps only well-formed values. */
export function readSettings(raw: unknown): ServerSettings {
  const berth = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (berth.rules && typeof berth.rules === 'object') {
    for (const [id, value] of Object.entries(berth.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleSetting;
    }
  }
  const exclude = Array.isArray(berth.exclude) ? berth.exclude.filter((g): g is string => typeof g === 'string') : [];
  const validation = (berth.validation ?? {}) as Record<string, unknown>;
  const debounce = typeof validation.debounceMs === 'number' && validation.debounceMs >= 0 ? validation.debounceMs : DEFAULT_DEBOUNCE_MS;
  const limitsRaw = (berth.limits ?? {}) as Record<string, unknown>;
  const limits: Record<string, number> = {};
  for (const key of ['maxFileSize', 'maxDepth', 'maxAliasCount']) {
    const v = limitsRaw[key];
    if (typeof v === 'number' && v > 0) limits[key] = v;
  }
  const kinds = (berth.kinds ?? {}) as Record<string, unknown>;
  const disabledKinds = Object.entries(kinds)
    .filter(([, enabled]) => enabled === false)
    .map(([kind]) => kind as DocumentKind);
  return { analyze: { rules, limits, disabledKinds }, exclude, debounceMs: debounce };
}
