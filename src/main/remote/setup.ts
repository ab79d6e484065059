import { z } from 'zod';
import { translate, type Lang } from '../../shared/i18n';
import type { AppError, Result } from '../../shared/result';
import { readConnection, writeConnection, type ConnectionState } from './connection-file';
import { failureError } from './relay';
import { connectPinned, isFingerprint, parseServerAddress, RemoteFailure } from './pinned';

/** What the renderer's connection screen is told: never a secret, only the choice, the pin and a refusal. */
export type ConnectionView = ConnectionState & { refused?: { expected: string; actual: string } };

const probeInput = z.object({ address: z.string().min(1).max(300) });
const chooseInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }),
  z.object({ mode: z.literal('server'), address: z.string().min(1).max(300), fingerprint: z.string().refine(isFingerprint) }),
]);

export interface ConnectionSetup {
  state(): ConnectionView;
  /** First contact: the server's certificate fingerprint, for the user to compare with the administrator's. */
  probe(input: unknown, lang: Lang): Promise<Result<{ address: string; fingerprint: string }>>;
  /** Stores the choice; a server only if it still presents the confirmed certificate. `restart`: the app must. */
  choose(input: unknown, lang: Lang): Promise<Result<{ restart: boolean }>>;
}

function addressError(err: unknown, lang: Lang, server: URL | null): AppError {
  if (err instanceof RemoteFailure && (err.problem === 'BAD_ADDRESS' || err.problem === 'NOT_HTTPS')) {
    return { code: 'INVALID', message: translate(lang, err.problem === 'NOT_HTTPS' ? 'remote.notHttps' : 'remote.badAddress') };
  }
  const failure = err instanceof RemoteFailure ? err : new RemoteFailure('UNREACHABLE', { reason: String(err) });
  return failureError(failure, server ?? new URL('https://invalid/'), lang);
}

/**
 * The first-run and settings choice (issue 16, item 7), in plain Node so it is tested without Electron. `running` is
 * what this process started as; `problem` reports the relay's last failure (a changed certificate is kept until the
 * user sets the connection up again).
 */
export function createConnectionSetup(dataDir: string, running: 'local' | 'server', problem: () => RemoteFailure | null): ConnectionSetup {
  const invalid = (lang: Lang): Result<never> => ({ ok: false, error: { code: 'INVALID', message: translate(lang, 'err.INVALID') } });
  return {
    state() {
      const stored = readConnection(dataDir);
      const failure = problem();
      if (stored.mode === 'server' && failure?.problem === 'PIN_MISMATCH') {
        return { ...stored, refused: { expected: failure.detail.expected ?? stored.fingerprint, actual: failure.detail.actual ?? '' } };
      }
      return stored;
    },
    async probe(input, lang) {
      const parsed = probeInput.safeParse(input);
      if (!parsed.success) return invalid(lang);
      let server: URL | null = null;
      try {
        server = parseServerAddress(parsed.data.address);
        const { socket, fingerprint } = await connectPinned(server, null);
        socket.destroy();
        return { ok: true, value: { address: server.toString(), fingerprint } };
      } catch (err) {
        return { ok: false, error: addressError(err, lang, server) };
      }
    },
    async choose(input, lang) {
      const parsed = chooseInput.safeParse(input);
      if (!parsed.success) return invalid(lang);
      if (parsed.data.mode === 'standalone') {
        writeConnection(dataDir, { mode: 'standalone' });
        return { ok: true, value: { restart: running !== 'local' } };
      }
      let server: URL | null = null;
      try {
        server = parseServerAddress(parsed.data.address);
        const { socket } = await connectPinned(server, parsed.data.fingerprint);
        socket.destroy();
      } catch (err) {
        return { ok: false, error: addressError(err, lang, server) };
      }
      writeConnection(dataDir, { mode: 'server', address: server.toString(), fingerprint: parsed.data.fingerprint });
      return { ok: true, value: { restart: true } };
    },
  };
}
