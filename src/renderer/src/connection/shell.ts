import type { Result } from '../../../shared/result';
import { getLanguage } from '../api/client';

/** What the main process says of this desktop app's connection (src/main/remote/setup.ts ConnectionView). */
export interface Refusal {
  expected: string;
  actual: string;
}
export type ConnectionView =
  { mode: 'first-run' } | { mode: 'standalone' } | { mode: 'server'; address: string; fingerprint: string; refused?: Refusal };

/** The shell's own connection requests, through the same bridge as every call; only inside Electron. */
export async function shellCall<T>(channel: string, input: unknown): Promise<Result<T>> {
  const bridge = window.desk;
  if (!bridge) return { ok: false, error: { code: 'INTERNAL', message: 'no desktop bridge' } };
  return (await bridge.invoke(channel, input, getLanguage())) as Result<T>;
}

/** A fingerprint in groups of eight pairs, one group a line: read aloud and compared group by group. */
export function fingerprintLines(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) lines.push(pairs.slice(i, i + 8).join(':'));
  return lines;
}
