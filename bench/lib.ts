import { cpus, totalmem } from 'node:os';

/** Percentile of a sample, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function summary(samples: number[]) {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), n: samples.length };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}
