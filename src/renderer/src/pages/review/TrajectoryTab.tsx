import { Alert, Loader } from '@mantine/core';
import { useQuery } from '../../hooks/use-call';
import { useLiveReload } from '../../components/review/use-live';
import { TrajectoryPanel } from '../../components/review/TrajectoryPanel';

/** The whole-process trajectory map of one filing (domain §10), kept live. */
export function TrajectoryTab({ filingId, version }: { filingId: number; version: number; onChanged(): void }) {
  const { data, error, reload } = useQuery('trajectory.get', { filingId }, [version]);
  useLiveReload(['filing.changed'], reload, (_e, payload) => (payload as { filingId: number }).filingId === filingId);
  if (!data) return error ? <Alert color="red">{error.message}</Alert> : <Loader size="sm" />;
  return <TrajectoryPanel trajectory={data} />;
}
