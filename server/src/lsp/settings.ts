import type { AnalyzeSettings } from '../core/analyze';
import type { DocumentKind } from '../core/kinds/detect';
import type { RuleSetting } from '../core/config/severity';

/** The `berth.*` settings as the server uses them. */
export interface ServerSettings {
  readonly analyze: AnalyzeSettings;
  readonly exclude: readonly string[];
  readonly debounceMs: number;
  /** `berth.configFile`: path of the .berthrc.yaml to use (relative to the workspace folder); empty = look in the folder. */
  readonly configFile: string;
  /** `berth.dockerfile.genericFeatures`: Dockerfile hover, completion and dockerfile/valid-syntax (auto = on unless the client reports Microsoft's Docker extension). */
  readonly dockerfileGenericFeatures: 'auto' | 'on' | 'off';
  /** `berth.problems.scope`: whose findings the server reports, the open files' or every indexed file's. */
  readonly problemsScope: ProblemsScope;
}

export type ProblemsScope = 'openFiles' | 'workspace';

export const DEFAULT_DEBOUNCE_MS = 150;

export const DEFAULT_SETTINGS: ServerSettings = { analyze: {}, exclude: [], debounceMs: DEFAULT_DEBOUNCE_MS, configFile: '', dockerfileGenericFeatures: 'auto', problemsScope: 'openFiles' };

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
  for (const key of ['maxFileSize', 'maxDepth', 'maxAliasCount', 'maxDockerfileLines']) {
    const v = limitsRaw[key];
    if (typeof v === 'number' && v > 0) limits[key] = v;
  }
  const kinds = (berth.kinds ?? {}) as Record<string, unknown>;
  const disabledKinds = Object.entries(kinds)
    .filter(([, enabled]) => enabled === false)
    .map(([kind]) => kind as DocumentKind);
  const configFile = typeof berth.configFile === 'string' ? berth.configFile.trim() : '';
  const dockerfile = (berth.dockerfile ?? {}) as Record<string, unknown>;
  const generic = dockerfile.genericFeatures;
  const dockerfileGenericFeatures = generic === 'on' || generic === 'off' ? generic : 'auto';
  const problems = (berth.problems ?? {}) as Record<string, unknown>;
  const problemsScope: ProblemsScope = problems.scope === 'workspace' ? 'workspace' : 'openFiles';
  return { analyze: { rules, limits, disabledKinds }, exclude, debounceMs: debounce, configFile, dockerfileGenericFeatures, problemsScope };
}
