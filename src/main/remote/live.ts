import type { IncomingMessage } from 'node:http';
import { pinnedRequest, RemoteFailure } from './pinned';

export interface LiveOptions {
  server: URL;
  pin: string;
  /** A secret this process holds, to open the stream with (any signed-in window's), or null when none is held. */
  secret(): string | null;
  emit(event: string, payload: unknown): void;
  /** The stream could not be opened or broke; a PIN_MISMATCH among them ends reconnecting. */
  failed(err: RemoteFailure): void;
  /** The stream opened (true) or was lost (false). */
  state?(open: boolean): void;
  /** The server sends a keep-alive every 20 s; this long without anything means the connection is gone. */
  idleMs?: number;
  retryMs?: number;
}

/**
 * The server's `/events` stream relayed to the main process: one stream for the whole app (every desk event goes to
 * every window, as the local desk's do), opened with a held secret, reopened after a drop while any window is
 * signed in, closed when none is.
 */
export class LiveRelay {
  private response: IncomingMessage | null = null;
  private openedWith: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private opening = false;

  constructor(private readonly opts: LiveOptions) {}

  /** Called whenever the held secrets change: opens, reopens under another secret, or closes the stream. */
  refresh(): void {
    const secret = this.opts.secret();
    if (this.response && this.openedWith === secret) return;
    this.drop();
    if (secret && !this.closed && !this.opening) void this.open(secret);
  }

  close(): void {
    this.closed = true;
    this.drop();
  }

  private drop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const res = this.response;
    this.response = null;
    this.openedWith = null;
    res?.destroy();
  }

  private later(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.opts.retryMs ?? 2_000);
    this.timer.unref();
  }

  private async open(secret: string): Promise<void> {
    this.opening = true;
    let res: IncomingMessage;
    try {
      res = await pinnedRequest(
        this.opts.server,
        this.opts.pin,
        { method: 'GET', path: '/events?lang=en', headers: { authorization: `Bearer ${secret}`, accept: 'text/event-stream' } },
        this.opts.idleMs ?? 60_000,
      );
    } catch (err) {
      this.opening = false;
      const failure = err instanceof RemoteFailure ? err : new RemoteFailure('UNREACHABLE', { reason: String(err) });
      this.opts.failed(failure);
      if (failure.problem !== 'PIN_MISMATCH') this.later();
      return;
    }
    this.opening = false;
    if (this.closed || res.statusCode !== 200 || this.opts.secret() !== secret) {
      res.destroy();
      if (!this.closed) this.later();
      return;
    }
    this.response = res;
    this.openedWith = secret;
    this.opts.state?.(true);
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.frame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    });
    const ended = () => {
      // Dropped on purpose (another secret, signed out, closed): the server is not lost.
      if (this.response !== res) return;
      this.opts.state?.(false);
      this.response = null;
      this.openedWith = null;
      this.later();
    };
    res.once('close', ended);
    res.once('error', ended);
  }

  private frame(frame: string): void {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (!data) return;
    try {
      const parsed = JSON.parse(data) as { event?: unknown; payload?: unknown };
      if (typeof parsed.event === 'string') this.opts.emit(parsed.event, parsed.payload);
    } catch {
      // A frame that is not the desk's JSON is not relayed.
    }
  }
}
