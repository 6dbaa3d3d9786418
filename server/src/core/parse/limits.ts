/** Bounds that keep analysis fast on hostile input; each is a setting (berth.limits.*). */
export interface Limits {
  /** Characters; larger documents get one "too large" finding. */
  readonly maxFileSize: number;
  /** Nesting of objects and arrays. */
  readonly maxDepth: number;
  /** YAML alias resolutions per document (cf. the yaml package's maxAliasCount). */
  readonly maxAliasCount: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileSize: 5 * 1024 * 1024,
  maxDepth: 500,
  maxAliasCount: 100,
};

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
