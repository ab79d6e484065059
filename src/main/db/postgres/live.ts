import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The one channel every instance of a district listens on. */
export const LIVE_CHANNEL = 'desk_events';

export interface LiveRelay {
  /** This instance's id: its own notifications come back to it and are skipped (its clients had them already). */
  readonly instanceId: string;
  /** Tells every other instance about an event this instance's emitter just sent to its own clients. */
  publish(event: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * Live updates across instances (live-1): an event emitted on one instance after its commit goes out as a NOTIFY, and
 * every instance LISTENs on a dedicated connection (a pooled one would be handed to other queries and lose it) and
 * passes events from the others to its own SSE clients. A lost connection (PostgreSQL restarting) is re-made every two
 * seconds; events in between are lost, which the clients cover: a reconnecting stream reloads what it shows.
 */
export async function startLiveRelay(
  url: string,
  publishVia: pg.Pool,
  deliver: (event: string, payload: unknown) => void,
): Promise<LiveRelay> {
  const instanceId = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
    try {
      const note = JSON.parse(msg.payload) as { from: string; event: string; payload: unknown };
      if (note.from !== instanceId && typeof note.event === 'string') deliver(note.event, note.payload);
    } catch {
      // Not ours: anything else on the channel is ignored.
    }
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', onNotification);
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${LIVE_CHANNEL}`);
    client = next;
  };
  const reconnect = (lost: pg.Client) => {
    if (closed || client !== lost) return;
    client = null;
    void lost.end().catch(() => undefined);
    const attempt = () => {
      retry = null;
      if (closed) return;
      connect().catch(() => (retry = setTimeout(attempt, 2000)));
    };
    retry = setTimeout(attempt, 2000);
  };
  await connect();

  return {
    instanceId,
    async publish(event, payload) {
      const text = JSON.stringify({ from: instanceId, event, payload });
      await publishVia.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, text]);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
