// @ts-check
// Small statistics helpers. Every series keeps its raw samples so RESULTS.md can show min–max.

/** Nearest-rank percentile (p in 0..100) of a list of numbers. @param {number[]} samples @param {number} p */
export function percentile(samples, p) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Median: the mean of the two middle values for an even count. @param {number[]} samples */
export function median(samples) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Summary of a series of durations in milliseconds. @param {number[]} samples */
export function summarize(samples) {
  return {
    n: samples.length,
    median: round(median(samples)),
    p95: round(percentile(samples, 95)),
    min: round(samples.length ? Math.min(...samples) : NaN),
    max: round(samples.length ? Math.max(...samples) : NaN),
    samples: samples.map(round),
  };
}

/**
 * Least-squares slope of log(time) against log(size): 1 means linear, 2 quadratic.
 * Points: [{ size, time }], at least two with positive values.
 * @param {{ size: number, time: number }[]} points
 */
export function logLogSlope(points) {
  const pts = points.filter((p) => p.size > 0 && p.time > 0);
  if (pts.length < 2) return NaN;
  const xs = pts.map((p) => Math.log(p.size));
  const ys = pts.map((p) => Math.log(p.time));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? NaN : Math.round((num / den) * 100) / 100;
}

/** @param {number} value @param {number} [digits] */
export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
