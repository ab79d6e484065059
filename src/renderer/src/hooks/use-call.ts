import { useCallback, useEffect, useState } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { call } from '../api/client';

/** Loads a channel's output and reloads it on demand; errors are values, shown by the caller. */
export function useQuery<C extends Channel>(channel: C, input: Input<C> | null, deps: unknown[] = []) {
  const [data, setData] = useState<Output<C> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    if (input === null) return;
    setLoading(true);
    const r = await call(channel, input);
    setLoading(false);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, ...deps]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}

/** Maps an AppError's per-field messages onto a Mantine form, by the same dotted path zod reports. */
export function fieldErrors(error: AppError | null | undefined): Record<string, string> {
  return error?.fields ?? {};
}
