/** Summary statistics for benchmark samples (milliseconds or any unit). */
export function summarize(samples: readonly number[]): { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(sorted.length, 1);
  return { n: sorted.length, min: sorted[0] ?? NaN, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN, mean };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
