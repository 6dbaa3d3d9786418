/** Bounds that keep analysis fast on hostile input; each is a setting (berth.limits.*). */
export interface Limits {
  /** Characters; larger documents get one "too large" finding. */
  readonly maxFileSize: number;
  /** Nesting of objects and arrays. */
  readonly maxDepth: number;
  /** YAML alias resolutions per document (cf. the yaml package's maxAliasCount). */
  readonly maxAliasCount: number;
  /** Lines of a Dockerfile; the Dockerfile parser needs about 10 µs a line, so 100k lines would take seconds. */
  readonly maxDockerfileLines?: number;
}

export const DEFAULT_LIMITS: Required<Limits> = {
  maxFileSize: 5 * 1024 * 1024,
  maxDepth: 500,
  maxAliasCount: 100,
  maxDockerfileLines: 10_000,
};

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

/** Whether two sets of limits are the same (a parse under one may stand for a parse under the other). */
export function equalLimits(a: Limits | undefined, b: Limits): boolean {
  if (!a) return false;
  if (a === b) return true;
  for (const key of Object.keys(b) as (keyof Limits)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
