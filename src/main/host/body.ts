import type { IncomingMessage } from 'node:http';

/** A client that goes away mid-request is ordinary, not a failure worth a stack trace. */
export class ClientGone extends Error {
  constructor() {
    super('client closed the connection');
    this.name = 'ClientGone';
  }
}

export const isAbort = (err: unknown): boolean => {
  const e = err as { code?: string; message?: string } | null;
  return (
    err instanceof ClientGone ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'EPIPE' ||
    e?.code === 'ECONNABORTED' ||
    e?.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    e?.code === 'ERR_STREAM_DESTROYED' ||
    e?.message === 'aborted'
  );
};

/** Reads the whole body up to `limit`; a client that closes the socket first ends the read as ClientGone. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-big'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve('too-big');
    // Gone while it waited for a slot of the gate: 'close' has fired already and will not come again.
    if (req.destroyed) return reject(new ClientGone());
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(() => resolve('too-big'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    req.on('error', () => settle(() => reject(new ClientGone())));
    req.on('close', () => settle(() => reject(new ClientGone())));
  });
}
