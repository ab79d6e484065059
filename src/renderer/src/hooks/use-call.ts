import { useCallback, useEffect, useState } from 'react';
import type { Channel, Input, Output } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { call, onReconnected } from '../api/client';
import { latestOnly } from '../api/query-layer';

/**
 * Loads a channel's output and reloads it on demand; errors are values, shown by the caller. Answers come through the
 * query layer (cached by channel and input, invalidated by live events and writes), and only the newest question's
 * answer is applied. `deps` are extra values that ask again when they change (e.g. the filing version after a live
 * update); the layer answers from its cache when nothing has changed since.
 */
export function useQuery<C extends Channel>(channel: C, input: Input<C> | null, deps: unknown[] = []) {
  const [data, setData] = useState<Output<C> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const [ask] = useState(latestOnly);
  // The input is compared by value: a new object with the same content does not reload.
  const key = input === null ? null : JSON.stringify(input);
  const depsKey = JSON.stringify(deps);
  const reload = useCallback(async () => {
    if (key === null) return;
    setLoading(true);
    await ask(
      () => call(channel, JSON.parse(key) as Input<C>),
      (r) => {
        setLoading(false);
        if (r.ok) {
          setData(r.value);
          setError(null);
        } else setError(r.error);
      },
    );
    // depsKey is a dependency on purpose: it reloads when the caller's extra values change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, depsKey, ask]);
  useEffect(() => {
    // Loading on mount and when the input changes is the point of this hook.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);
  // Back after the desk was out of reach: what this screen shows may have changed meanwhile.
  useEffect(() => onReconnected(() => void reload()), [reload]);
  return { data, error, loading, reload, setData };
}

/** Maps an AppError's per-field messages onto a Mantine form, by the same dotted path zod reports. */
export function fieldErrors(error: AppError | null | undefined): Record<string, string> {
  return error?.fields ?? {};
}
