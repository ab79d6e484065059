import { QueryClient, hashKey, type Query } from '@tanstack/react-query';
import type { Channel, DeskEvent, DeskEvents, Input, Output } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/**
 * The renderer's one data layer (issue 12 §6), under `call` and `useQuery`: answers are cached by channel and input
 * (TanStack Query), so every screen asking the same question at once shares one request, and a question asked again
 * shortly after, with nothing changed since, is answered from the cache. What counts as a change: a write this
 * renderer made (it invalidates everything and seeds the read its answer stands for), or a live event from the desk
 * (it invalidates what it concerns), unless the event only echoes a write whose answer is already here. Reads asked
 * while a write is on its way wait for it, so they see its effect; a read in flight when a change arrives is asked again.
 */
export interface Transport {
  send<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  isWrite(channel: Channel): boolean;
  subscribe<E extends DeskEvent>(event: E, cb: (payload: DeskEvents[E]) => void): () => void;
}

/** How long an answer with no change since is reused: long enough for one screen's burst of reads, short for clocks. */
export const FRESH_MS = 3000;

/** Which read a write's answer is, for the input it was sent with. */
const SEEDS: Partial<Record<Channel, (input: unknown, output: unknown) => [Channel, unknown] | null>> = {
  'review.decide': (_i, o) => ['review.get', { filingId: (o as { filingId: number }).filingId }],
  'meeting.confirmDecision': (_i, o) => ['review.get', { filingId: (o as { filingId: number }).filingId }],
  'settings.update': () => ['settings.get', {}],
};

/** Answers that change only through their own writes (settings are edited by an admin, rarely): kept until then. */
const STABLE = new Set<string>(['settings.get']);
const staleAfter = (channel: string) => (STABLE.has(channel) ? Infinity : FRESH_MS);
/** Which answers a write makes stale: all but the stable ones, which only their own area's writes (or a sign-in) touch. */
const touchedBy = (write: string) => (c: string) => !STABLE.has(c) || c.split('.')[0] === write.split('.')[0] || write.startsWith('auth.');

/** The channels an event concerns: everything filing-derived for a filing's change, else the event's own area. */
const CONCERNS: Record<DeskEvent, (channel: string) => boolean> = {
  'filing.changed': (c) => !STABLE.has(c),
  'inbox.changed': (c) => c === 'review.inbox',
  // An assignment meeting's changes are problems' too (a problem dispatched at the table shows on the audience slide).
  'meeting.changed': (c) => c.startsWith('meeting.') || c.startsWith('problem.'),
  'notifications.changed': (c) => c.startsWith('notification'),
};

class Refused {
  constructor(readonly result: Result<never>) {}
}

/** The filing and version a write's answer shows (a review view or a filing view), to recognise the event it causes. */
function filingVersion(v: unknown): [number, number] | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.filingId === 'number' && typeof o.filingVersion === 'number') return [o.filingId, o.filingVersion];
  if (typeof o.id === 'number' && typeof o.version === 'number' && typeof o.filingNo === 'string') return [o.id, o.version];
  return null;
}

export type QueryLayer = ReturnType<typeof createQueryLayer>;

export function createQueryLayer(transport: Transport) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always', gcTime: 5 * 60_000 } } });
  const seen = new Map<number, number>();
  const watchers = new Set<(channel: Channel) => void>();
  let writing = 0;
  let settled: Promise<void> = Promise.resolve();
  let settle: () => void = () => {};
  let listening = false;
  // Change counter; per query, when it last changed and when its latest fetch started.
  let epoch = 0;
  const changedAt = new Map<string, number>();
  const startedAt = new Map<string, number>();

  const channelOf = (q: Query) => q.queryKey[0] as Channel;
  async function changed(concerns: (channel: string) => boolean): Promise<void> {
    const predicate = (q: Query) => concerns(channelOf(q));
    // An answer still in flight may predate the change: read() asks again once it is in (twice at most, so a busy
    // stream of events cannot starve a slow read).
    epoch++;
    for (const q of client.getQueryCache().findAll({ predicate })) changedAt.set(q.queryHash, epoch);
    await client.invalidateQueries({ predicate, refetchType: 'none' });
    const channels = new Set(client.getQueryCache().findAll({ predicate }).map(channelOf));
    for (const c of channels) for (const w of watchers) w(c);
  }

  function listen(): void {
    if (listening) return;
    listening = true;
    for (const event of Object.keys(CONCERNS) as DeskEvent[])
      transport.subscribe(event, (payload) => {
        const p = payload as Partial<DeskEvents['filing.changed']>;
        // The echo of this renderer's own write, whose answer already invalidated and seeded the cache.
        if (event === 'filing.changed' && p.filingId !== undefined && (seen.get(p.filingId) ?? -1) >= (p.version ?? Infinity)) return;
        void changed(CONCERNS[event]);
      });
  }

  async function read<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
    listen();
    while (writing > 0) await settled;
    const queryKey = [channel, input ?? {}];
    const hash = hashKey(queryKey);
    for (let tries = 0; ; tries++) {
      try {
        const value = await client.fetchQuery({
          queryKey,
          staleTime: staleAfter(channel),
          queryFn: async () => {
            startedAt.set(hash, epoch);
            const r = await transport.send(channel, input);
            if (!r.ok) throw new Refused(r);
            return r.value;
          },
        });
        if (tries < 2 && (changedAt.get(hash) ?? 0) > (startedAt.get(hash) ?? 0)) {
          await client.invalidateQueries({ queryKey, exact: true, refetchType: 'none' });
          continue;
        }
        return { ok: true, value: value as Output<C> };
      } catch (err) {
        if (err instanceof Refused) return err.result;
        throw err;
      }
    }
  }

  async function write<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
    if (writing++ === 0) settled = new Promise((r) => (settle = r));
    try {
      const r = await transport.send(channel, input);
      if (r.ok) {
        const fv = filingVersion(r.value);
        if (fv) seen.set(fv[0], Math.max(seen.get(fv[0]) ?? -1, fv[1]));
        await changed(touchedBy(channel));
        const seed = SEEDS[channel]?.(input, r.value);
        if (seed) {
          // The seed is as new as the write: it counts as fetched after every change so far.
          startedAt.set(hashKey([seed[0], seed[1]]), epoch);
          client.setQueryData([seed[0], seed[1]], r.value);
          for (const w of watchers) w(seed[0]);
        }
      } else if (r.error.code === 'STALE' || r.error.code === 'CONFLICT') {
        // The desk has moved on from what this window showed: what the write concerns is read afresh.
        await changed(touchedBy(channel));
      }
      return r;
    } finally {
      if (--writing === 0) settle();
    }
  }

  return {
    client,
    /** The one entry point: reads through the cache, writes straight to the desk. */
    call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
      return transport.isWrite(channel) ? write(channel, input) : read(channel, input);
    },
    /** Everything cached may be out of date (the desk was out of reach for a while): read it all afresh. */
    invalidateAll: (): Promise<void> => changed(() => true),
    /** Called with each channel whose answers changed (invalidated or seeded); returns the unsubscribe. */
    watch(cb: (channel: Channel) => void): () => void {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
}

/**
 * For a hook that asks again as its input changes: only the answer to the newest question is applied, so a late
 * answer to an older one never overwrites it.
 */
export function latestOnly() {
  let newest = 0;
  return async <T>(ask: () => Promise<T>, apply: (answer: T) => void): Promise<void> => {
    const mine = ++newest;
    const answer = await ask();
    if (mine === newest) apply(answer);
  };
}
